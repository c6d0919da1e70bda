import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import {
  builtinDialectFacts,
  defenderOnlyKind,
  dialectFactsOf,
  NOT_IN_LOG_ANALYTICS,
} from '../../../../server/src/language/dialect/dialectFacts';
import { explainUnknownName } from '../../../../server/src/language/dialect/unknownName';
import type { EnvironmentSchema } from '../../../../server/src/schema/types';

const facts = builtinDialectFacts();

function explain(environment: 'defender' | 'sentinel', name: string, tables: string[] = []) {
  return explainUnknownName({ name, environment, tables }, facts);
}

test("Defender's Timestamp in Sentinel names the table's TimeGenerated and offers it", () => {
  assert.deepEqual(explain('sentinel', 'Timestamp', ['SecurityEvent']), {
    message:
      "'Timestamp' is the time column of Defender XDR; in Microsoft Sentinel, SecurityEvent has TimeGenerated instead.",
    replacement: 'TimeGenerated',
  });
  const two = explain('sentinel', 'Timestamp', ['SigninLogs', 'AuditLogs']);
  assert.match(two!.message, /SigninLogs, AuditLogs have TimeGenerated instead\.$/);
});

test("Sentinel's TimeGenerated in Defender names Timestamp and offers it, and back", () => {
  assert.deepEqual(explain('defender', 'TimeGenerated', ['DeviceProcessEvents']), {
    message:
      "'TimeGenerated' is the time column of Microsoft Sentinel; in Defender XDR, DeviceProcessEvents has Timestamp instead.",
    replacement: 'Timestamp',
  });
});

test('the other time column with no table read still says whose it is and offers ours', () => {
  assert.deepEqual(explain('sentinel', 'Timestamp'), {
    message:
      "'Timestamp' is the time column of Defender XDR; Microsoft Sentinel tables have TimeGenerated instead.",
    replacement: 'TimeGenerated',
  });
});

test('a table without our time column gets no fix (Defender vulnerability tables have no Timestamp)', () => {
  const e = explain('defender', 'TimeGenerated', ['DeviceTvmSoftwareInventory']);
  assert.equal(
    e?.message,
    "'TimeGenerated' is the time column of Microsoft Sentinel; in Defender XDR, DeviceTvmSoftwareInventory has no Timestamp either.",
  );
  assert.equal(e?.replacement, undefined);
});

test('a Sentinel-only table in Defender is called a Microsoft Sentinel table', () => {
  for (const table of ['SigninLogs', 'SecurityEvent', 'AuditLogs', 'CommonSecurityLog']) {
    assert.deepEqual(explain('defender', table), {
      message: `'${table}' is a Microsoft Sentinel table; Defender XDR has no table of that name.`,
    });
  }
});

test('a Defender table Log Analytics lacks is called a Defender XDR table in Sentinel when the schema in use lacks it', () => {
  // The built-in Sentinel schema lists it, but a live workspace's schema would not.
  assert.deepEqual(explain('sentinel', 'AADSignInEventsBeta'), {
    message: "'AADSignInEventsBeta' is a Defender XDR table; Microsoft Sentinel has no table of that name.",
  });
  assert.match(explain('sentinel', 'DeviceTvmBrowserExtensions')!.message, /is a Defender XDR table/);
});

test("a function of the other environment: _GetWatchlist and ASIM parsers in Defender, Defender's functions in Sentinel", () => {
  assert.equal(
    explain('defender', '_GetWatchlist')?.message,
    "'_GetWatchlist' is a Microsoft Sentinel function; Defender XDR has no function of that name.",
  );
  assert.match(explain('defender', 'imDns')!.message, /Microsoft Sentinel function/);
  for (const fn of ['FileProfile', 'DeviceFromIP', 'AssignedIPAddresses', 'SeenBy']) {
    assert.equal(
      explain('sentinel', fn)?.message,
      `'${fn}' is a Defender XDR function; Microsoft Sentinel has no function of that name.`,
    );
  }
});

test("a column only the other environment's version of a read table has", () => {
  assert.deepEqual(explain('defender', 'TenantId', ['DeviceEvents']), {
    message:
      "'TenantId' is a column of DeviceEvents in Microsoft Sentinel; DeviceEvents in Defender XDR has no such column.",
  });
  assert.deepEqual(explain('defender', 'ISP', ['CloudAppEvents']), {
    message:
      "'ISP' is how Microsoft Sentinel spells this column of CloudAppEvents; Defender XDR spells it 'Isp'.",
    replacement: 'Isp',
  });
  assert.equal(explain('defender', 'AccountUPN', ['IdentityInfo'])?.replacement, 'AccountUpn');
});

test('names that belong to neither environment, or bind on both sides, are left to the engine', () => {
  assert.equal(explain('sentinel', 'Timestamq', ['SecurityEvent']), undefined);
  assert.equal(explain('defender', 'SigninLog'), undefined);
  assert.equal(explain('sentinel', 'DeviceProcessEvents'), undefined);
  assert.equal(explain('defender', 'DeviceProcessEvents'), undefined);
  assert.equal(explain('sentinel', 'SigninLogs'), undefined);
  assert.equal(explain('sentinel', '_GetWatchlist'), undefined);
  assert.equal(explain('defender', 'FileProfile'), undefined);
  // The column is Sentinel's, but of a table the query does not read.
  assert.equal(explain('defender', 'ISP', ['DeviceEvents']), undefined);
  // SHA1 is in both versions of DeviceEvents: unknown for some other reason.
  assert.equal(explain('sentinel', 'SHA1', ['DeviceEvents']), undefined);
  assert.equal(explain('defender', '', []), undefined);
  // Names are case-sensitive: a different case is not the other environment's name.
  assert.equal(explain('sentinel', 'timestamp', ['SecurityEvent']), undefined);
  assert.equal(explain('defender', 'signinlogs'), undefined);
});

test('each time column is its own environment, so it is never explained at home', () => {
  const same: EnvironmentSchema = {
    id: 'defender',
    displayName: 'A',
    timeColumn: 'T',
    tables: [{ name: 'X', columns: [{ name: 'T', type: 'datetime' }] }],
    functions: [],
  };
  const f = dialectFactsOf({ defender: same, sentinel: { ...same, id: 'sentinel', displayName: 'B' } });
  assert.equal(explainUnknownName({ name: 'T', environment: 'defender', tables: ['X'] }, f), undefined);
  assert.equal(explainUnknownName({ name: 'X', environment: 'sentinel', tables: [] }, f), undefined);
});

test('Defender tables Sentinel never fills: vulnerability tables shown only, others not in Log Analytics', () => {
  for (const t of [
    'DeviceTvmBrowserExtensions',
    'DeviceTvmSoftwareInventory',
    'DeviceTvmSoftwareVulnerabilitiesKB',
  ])
    assert.equal(defenderOnlyKind(t, facts), 'schemaOnly', t);
  for (const t of ['AADSignInEventsBeta', 'AADSpnSignInEventsBeta', 'ExposureGraphNodes', 'MessageContents'])
    assert.equal(defenderOnlyKind(t, facts), 'notInLogAnalytics', t);
  for (const t of ['DeviceProcessEvents', 'AlertEvidence', 'IdentityInfo', 'SigninLogs', 'DeviceTvmNope', ''])
    assert.equal(defenderOnlyKind(t, facts), undefined, t);
});

test('every table listed as missing from Log Analytics is in both built-in schemas (a misspelling would never match)', () => {
  assert.equal(NOT_IN_LOG_ANALYTICS.size, 17);
  for (const t of NOT_IN_LOG_ANALYTICS) {
    assert.ok(facts.defender.tables.has(t), t);
    assert.ok(facts.sentinel.tables.has(t), t);
  }
});
