import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { convertQuery } from '../../../../../server/src/language/dialect/convert/convertQuery';
import { bindingErrors } from '../../../../../server/src/language/dialect/convert/boundBlocks';
import type { ConversionSchemas } from '../../../../../server/src/language/dialect/convert/conversionTypes';
import { builtinSchema } from '../../../../../server/src/schema/builtinSchemas';
import { BuiltinSchemaProvider } from '../../../../../server/src/schema/schemaProvider';
import { buildGlobalState } from '../../../../../server/src/schema/symbolBuilder';
import type { EnvironmentId } from '../../../../../server/src/schema/types';
import { FIXTURES } from '../../../../helpers/paths';

const schemas = new BuiltinSchemaProvider();

function convert(text: string, from: EnvironmentId, to: EnvironmentId, with_: ConversionSchemas = schemas) {
  return convertQuery(text, { from, to, schemas: with_ });
}

function errors(text: string, env: EnvironmentId) {
  return bindingErrors(text, schemas.globalsFor(env)).map((e) => `${e.code} ${text.slice(e.start, e.end)}`);
}

test('Defender to Sentinel: Timestamp becomes TimeGenerated where it is the table column, nothing else changes', () => {
  const source = [
    '// Timestamp in a comment stays',
    'DeviceProcessEvents',
    "| where Timestamp > ago(1d) and ProcessCommandLine has 'Timestamp'",
    '| project  Timestamp,   DeviceName   // spacing kept',
  ].join('\n');
  const result = convert(source, 'defender', 'sentinel');
  assert.equal(
    result.text,
    [
      '// Timestamp in a comment stays',
      'DeviceProcessEvents',
      "| where TimeGenerated > ago(1d) and ProcessCommandLine has 'Timestamp'",
      '| project  TimeGenerated,   DeviceName   // spacing kept',
    ].join('\n'),
  );
  assert.deepEqual(
    result.edits.map((e) => [e.kind, e.oldText, e.newText]),
    [
      ['timeColumn', 'Timestamp', 'TimeGenerated'],
      ['timeColumn', 'Timestamp', 'TimeGenerated'],
    ],
  );
  assert.deepEqual(result.unconverted, []);
  assert.deepEqual(errors(result.text, 'sentinel'), []);
});

test('a column named after the time column follows it: a join keeps its number, a bin keeps its name', () => {
  const source = [
    'DeviceNetworkEvents',
    '| join (DeviceProcessEvents) on DeviceId',
    '| where Timestamp1 > Timestamp',
    '| summarize count() by bin(Timestamp, 1h)',
    '| where Timestamp > ago(1h)',
  ].join('\n');
  const result = convert(source, 'defender', 'sentinel');
  assert.equal(
    result.text,
    [
      'DeviceNetworkEvents',
      '| join (DeviceProcessEvents) on DeviceId',
      '| where TimeGenerated1 > TimeGenerated',
      '| summarize count() by bin(TimeGenerated, 1h)',
      '| where TimeGenerated > ago(1h)',
    ].join('\n'),
  );
  assert.deepEqual(errors(result.text, 'sentinel'), []);
});

test("an aggregate's own column name follows the column it aggregates", () => {
  const source =
    'DeviceEvents\n| summarize min(Timestamp), max(Timestamp) by DeviceId\n| where max_Timestamp - min_Timestamp > 1h';
  const result = convert(source, 'defender', 'sentinel');
  assert.equal(
    result.text,
    'DeviceEvents\n| summarize min(TimeGenerated), max(TimeGenerated) by DeviceId\n| where max_TimeGenerated - min_TimeGenerated > 1h',
  );
  assert.deepEqual(errors(result.text, 'sentinel'), []);
  assert.equal(convert(result.text, 'sentinel', 'defender').text, source);
});

test('a column whose type differs in the target is converted back to its type where it is used', () => {
  const source = 'DeviceEvents | mv-expand AdditionalFields | summarize count() by DeviceId';
  const result = convert(source, 'sentinel', 'defender');
  assert.equal(
    result.text,
    'DeviceEvents | mv-expand todynamic(AdditionalFields) | summarize count() by DeviceId',
  );
  assert.deepEqual(result.unconverted, []);
  assert.deepEqual(errors(result.text, 'defender'), []);
});

test('a column the query names itself keeps its name: only the table column changes', () => {
  const source = 'DeviceEvents\n| project Timestamp = TimeGenerated, DeviceName\n| where Timestamp > ago(1d)';
  const result = convert(source, 'sentinel', 'defender');
  assert.equal(
    result.text,
    'DeviceEvents\n| project Timestamp = Timestamp, DeviceName\n| where Timestamp > ago(1d)',
  );
  assert.deepEqual(errors(result.text, 'defender'), []);
});

test('a quoted name keeps its quotes', () => {
  const result = convert("DeviceEvents | where ['Timestamp'] > ago(1d)", 'defender', 'sentinel');
  assert.equal(result.text, "DeviceEvents | where ['TimeGenerated'] > ago(1d)");
});

test('Sentinel to Defender: columns spelled differently or renamed take the Defender name', () => {
  const source = [
    'CloudAppEvents | where TimeGenerated > ago(1d) | project TimeGenerated, ISP',
    '| union (CloudAuditEvents | project CloudResourceId)',
  ].join('\n');
  const result = convert(source, 'sentinel', 'defender');
  assert.equal(
    result.text,
    [
      'CloudAppEvents | where Timestamp > ago(1d) | project Timestamp, Isp',
      '| union (CloudAuditEvents | project ResourceId)',
    ].join('\n'),
  );
  assert.deepEqual(
    result.edits.map((e) => e.kind),
    ['timeColumn', 'timeColumn', 'column', 'column'],
  );
  assert.deepEqual(errors(result.text, 'defender'), []);
});

test('a live target schema that spells a column only its own way gets that spelling', () => {
  // A Sentinel workspace whose CloudAppEvents has ISP but not Defender's Isp.
  const sentinel = builtinSchema('sentinel');
  const live = {
    ...sentinel,
    tables: sentinel.tables.map((t) =>
      t.name === 'CloudAppEvents' ? { ...t, columns: t.columns.filter((c) => c.name !== 'Isp') } : t,
    ),
  };
  const liveGlobals = buildGlobalState(live).globals;
  const withLive: ConversionSchemas = {
    globalsFor: (env) => (env === 'sentinel' ? liveGlobals : schemas.globalsFor(env)),
  };
  const result = convert('CloudAppEvents | where Isp has "contoso"', 'defender', 'sentinel', withLive);
  assert.equal(result.text, 'CloudAppEvents | where ISP has "contoso"');
  assert.deepEqual(result.unconverted, []);
});

test('what has no counterpart is listed by name, with the reason and its place, and left as it is', () => {
  const source = [
    'DeviceFileEvents',
    '| invoke FileProfile(SHA1)',
    '| join (DeviceTvmBrowserExtensions) on DeviceId',
    '| join (AADSignInEventsBeta) on $left.DeviceName == $right.DeviceName',
  ].join('\n');
  const result = convert(source, 'defender', 'sentinel');
  assert.deepEqual(
    result.unconverted.map((u) => [u.name, u.kind, source.slice(u.start, u.end)]),
    [
      ['FileProfile', 'function', 'FileProfile'],
      ['DeviceTvmBrowserExtensions', 'table', 'DeviceTvmBrowserExtensions'],
      ['AADSignInEventsBeta', 'table', 'AADSignInEventsBeta'],
    ],
  );
  assert.match(
    result.unconverted[0].reason,
    /Defender XDR function; Microsoft Sentinel has no function of that name/,
  );
  assert.match(result.unconverted[1].reason, /shows in its schema but never fills/);
  assert.match(result.unconverted[2].reason, /Log Analytics does not hold/);
  assert.equal(result.text, source);
});

test("Sentinel's watchlists, own tables and standard columns are listed going to Defender", () => {
  const source = [
    "_GetWatchlist('vip')",
    '| join (SigninLogs) on $left.SearchKey == $right.UserPrincipalName',
    '| union (DeviceEvents | project TenantId)',
  ].join('\n');
  const result = convert(source, 'sentinel', 'defender');
  assert.deepEqual(
    result.unconverted.map((u) => [u.name, u.kind]),
    [
      ['_GetWatchlist', 'function'],
      ['SigninLogs', 'table'],
      ['TenantId', 'column'],
    ],
  );
  assert.match(
    result.unconverted[2].reason,
    /column of DeviceEvents in Microsoft Sentinel; DeviceEvents in Defender XDR has no such column/,
  );
});

test('a TVM table has no time column in Defender XDR: its TimeGenerated is listed', () => {
  const result = convert(
    'DeviceTvmSoftwareInventory | where TimeGenerated > ago(1d)',
    'sentinel',
    'defender',
  );
  assert.deepEqual(
    result.unconverted.map((u) => [u.name, u.kind]),
    [['TimeGenerated', 'timeColumn']],
  );
  assert.match(result.unconverted[0].reason, /has no time column in Defender XDR/);
});

test('several queries and lets in one text convert each in its own scope', () => {
  const source = [
    'let since = 2d;',
    '',
    'DeviceEvents | where Timestamp > ago(since)',
    '',
    'DeviceLogonEvents',
    '| summarize arg_max(Timestamp, *) by AccountName',
  ].join('\n');
  const result = convert(source, 'defender', 'sentinel');
  assert.equal(
    result.text,
    [
      'let since = 2d;',
      '',
      'DeviceEvents | where TimeGenerated > ago(since)',
      '',
      'DeviceLogonEvents',
      '| summarize arg_max(TimeGenerated, *) by AccountName',
    ].join('\n'),
  );
});

const ROUND_TRIPS = [
  'DeviceNetworkEvents | where Timestamp > ago(7d) | take 10',
  'DeviceProcessEvents\r\n| where Timestamp between (ago(2d) .. now())\r\n| summarize c = count() by bin(Timestamp, 1d)\r\n',
  'DeviceLogonEvents\n| join kind=inner (DeviceNetworkEvents | where RemotePort == 3389) on DeviceId\n| where Timestamp1 - Timestamp < 5m\n| project Timestamp, DeviceName, RemoteIP',
  'CloudAppEvents | where Timestamp > ago(1h) | summarize by Isp, bin(Timestamp, 5m)',
  "IdentityLogonEvents\n  // failed logons\n  | where ActionType == 'LogonFailed'   and Timestamp > ago(1d)\n  | top 5 by Timestamp desc",
];

test('Defender to Sentinel and back returns the original text, and each side binds cleanly', () => {
  for (const source of ROUND_TRIPS) {
    assert.deepEqual(errors(source, 'defender'), [], source);
    const there = convert(source, 'defender', 'sentinel');
    assert.deepEqual(there.unconverted, [], source);
    assert.notEqual(there.text, source);
    assert.deepEqual(errors(there.text, 'sentinel'), [], there.text);
    const back = convert(there.text, 'sentinel', 'defender');
    assert.deepEqual(back.unconverted, [], there.text);
    assert.equal(back.text, source);
  }
});

test('a column the target schema lacks is listed by name', () => {
  // A target whose DeviceEvents lacks ActionType, as an older workspace's might.
  const sentinel = builtinSchema('sentinel');
  const old = {
    ...sentinel,
    tables: sentinel.tables.map((t) =>
      t.name === 'DeviceEvents' ? { ...t, columns: t.columns.filter((c) => c.name !== 'ActionType') } : t,
    ),
  };
  const oldGlobals = buildGlobalState(old).globals;
  const result = convert('DeviceEvents | extend a = strcat(ActionType, "x")', 'defender', 'sentinel', {
    globalsFor: (env) => (env === 'sentinel' ? oldGlobals : schemas.globalsFor(env)),
  });
  assert.deepEqual(
    result.unconverted.map((u) => [u.name, u.kind]),
    [['ActionType', 'column']],
  );
});

test('an error the engine reports on the result that no rule explains is listed as a binding problem', () => {
  // The parameter's column is the function's own name, so nothing renames it; only the check of
  // the converted text in Defender XDR sees that DeviceEvents no longer fits the parameter.
  const source =
    'let recent = (T:(TimeGenerated:datetime)) { T | where TimeGenerated > ago(1d) };\nrecent(DeviceEvents)';
  const result = convert(source, 'sentinel', 'defender');
  assert.equal(result.text, source);
  assert.deepEqual(
    result.unconverted.map((u) => [u.name, u.kind, source.slice(u.start, u.end)]),
    [['DeviceEvents', 'binding', 'DeviceEvents']],
  );
  assert.match(result.unconverted[0].reason, /^does not bind in Defender XDR: /);
});

test('the TightVNC detection converts to Sentinel, binds there, and converts back to the same text', () => {
  const source = fs.readFileSync(path.join(FIXTURES, 'convert', 'tightvnc-remote-access.kql'), 'utf8');
  assert.deepEqual(errors(source, 'defender'), []);
  const result = convert(source, 'defender', 'sentinel');
  assert.deepEqual(result.unconverted, []);
  assert.deepEqual(errors(result.text, 'sentinel'), []);
  assert.equal(result.edits.length, 8);
  assert.ok(result.text.includes('Started = min(TimeGenerated1)'));
  assert.ok(result.text.includes('Timestamp in this comment stays as it is.'));
  assert.equal(convert(result.text, 'sentinel', 'defender').text, source);
});

test('converting to the same environment changes nothing', () => {
  const source = 'DeviceEvents | where Timestamp > ago(1d)';
  assert.deepEqual(convert(source, 'defender', 'defender'), { text: source, edits: [], unconverted: [] });
});
