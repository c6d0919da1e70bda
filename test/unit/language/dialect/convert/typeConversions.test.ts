import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { convertQuery } from '../../../../../server/src/language/dialect/convert/convertQuery';
import { bindingErrors } from '../../../../../server/src/language/dialect/convert/boundBlocks';
import { BuiltinSchemaProvider } from '../../../../../server/src/schema/schemaProvider';
import type { EnvironmentId } from '../../../../../server/src/schema/types';

const schemas = new BuiltinSchemaProvider();

function convert(text: string, from: EnvironmentId, to: EnvironmentId) {
  return convertQuery(text, { from, to, schemas });
}

function errors(text: string, env: EnvironmentId) {
  return bindingErrors(text, schemas.globalsFor(env)).map((e) => `${e.code} ${text.slice(e.start, e.end)}`);
}

test('a string column that is dynamic in Sentinel is read as a string where it is used, and each rewrite is noted', () => {
  const source = [
    'DeviceEvents // AdditionalFields in a comment stays',
    "| where AdditionalFields has 'Script_'",
    '| extend Cmd = parse_json(AdditionalFields).Command',
    '| summarize count() by AdditionalFields,   DeviceId',
  ].join('\n');
  assert.deepEqual(errors(source, 'defender'), []);
  // Unconverted, Sentinel refuses to group by the dynamic column.
  assert.notDeepEqual(errors(source.replace('DeviceEvents', 'DeviceEvents'), 'sentinel'), []);
  const result = convert(source, 'defender', 'sentinel');
  assert.equal(
    result.text,
    [
      'DeviceEvents // AdditionalFields in a comment stays',
      "| where tostring(AdditionalFields) has 'Script_'",
      '| extend Cmd = parse_json(AdditionalFields).Command',
      '| summarize count() by tostring(AdditionalFields),   DeviceId',
    ].join('\n'),
  );
  assert.deepEqual(errors(result.text, 'sentinel'), []);
  assert.deepEqual(result.unconverted, []);
  const typeEdits = result.edits.filter((e) => e.kind === 'type');
  assert.deepEqual(
    typeEdits.map((e) => [e.oldText, e.newText]),
    [
      ['AdditionalFields', 'tostring(AdditionalFields)'],
      ['AdditionalFields', 'tostring(AdditionalFields)'],
    ],
  );
  for (const e of typeEdits)
    assert.match(
      e.note ?? '',
      /'AdditionalFields' of DeviceEvents is string in Defender XDR but dynamic in Microsoft Sentinel; written as tostring\(AdditionalFields\)/,
    );
});

test('a dynamic column that is a string in Defender XDR is read as dynamic where a property is taken; names alone stay', () => {
  const source = [
    'DeviceEvents',
    '| extend Cmd = tostring(AdditionalFields.Command)',
    '| project-away AdditionalFields',
  ].join('\n');
  assert.deepEqual(errors(source, 'sentinel'), []);
  assert.notDeepEqual(errors(source, 'defender'), []);
  const result = convert(source, 'sentinel', 'defender');
  assert.equal(
    result.text,
    [
      'DeviceEvents',
      '| extend Cmd = tostring(todynamic(AdditionalFields).Command)',
      '| project-away AdditionalFields',
    ].join('\n'),
  );
  assert.deepEqual(errors(result.text, 'defender'), []);
  assert.deepEqual(result.unconverted, []);
  assert.deepEqual(
    result.edits.filter((e) => e.kind === 'type').map((e) => e.newText),
    ['todynamic(AdditionalFields)'],
  );
});

test('a column whose type is the same in both environments is not wrapped', () => {
  const result = convert(
    "DeviceEvents | where FileName has 'a' | summarize count() by FileName",
    'defender',
    'sentinel',
  );
  assert.deepEqual(
    result.edits.filter((e) => e.kind === 'type'),
    [],
  );
});

test('a fuzzy union leg that the source skipped and the target cannot bind is dropped, and said', () => {
  const source = [
    'union isfuzzy=true',
    '  (DeviceProcessEvents | join kind=leftouter (SecurityAlert | project AlertName) on DeviceId),',
    '  (DeviceNetworkEvents | project DeviceId)',
  ].join('\n');
  assert.deepEqual(errors(source, 'defender'), []);
  const result = convert(source, 'defender', 'sentinel');
  assert.equal(result.text, ['union isfuzzy=true', '  (DeviceNetworkEvents | project DeviceId)'].join('\n'));
  assert.deepEqual(errors(result.text, 'sentinel'), []);
  assert.deepEqual(result.unconverted, []);
  const dropped = result.edits.filter((e) => e.kind === 'fuzzyLeg');
  assert.equal(dropped.length, 1);
  assert.match(dropped[0].oldText, /^\(DeviceProcessEvents .*on DeviceId\),\n {2}$/);
  assert.match(
    dropped[0].note ?? '',
    /names 'SecurityAlert', which Defender XDR lacks, so there the union skipped it .* in Microsoft Sentinel it does not bind \(.*The column 'DeviceId' must exist on both sides of the join/,
  );
});

test('the last fuzzy leg is dropped with the comma before it', () => {
  const source = [
    'union isfuzzy=true',
    '  (DeviceNetworkEvents | project DeviceId),',
    '  (DeviceProcessEvents | join kind=leftouter (SecurityAlert | project AlertName) on DeviceId)',
  ].join('\n');
  const result = convert(source, 'defender', 'sentinel');
  assert.equal(result.text, ['union isfuzzy=true', '  (DeviceNetworkEvents | project DeviceId)'].join('\n'));
  assert.deepEqual(errors(result.text, 'sentinel'), []);
});

test('a fuzzy union whose every leg would be dropped keeps them and says why, by name', () => {
  const source = [
    'union isfuzzy=true',
    '  (DeviceProcessEvents | join kind=leftouter (SecurityAlert | project AlertName) on DeviceId)',
  ].join('\n');
  const result = convert(source, 'defender', 'sentinel');
  assert.equal(result.text, source);
  assert.equal(result.unconverted.length, 1);
  const [u] = result.unconverted;
  assert.equal(u.kind, 'binding');
  assert.equal(u.name, 'DeviceId');
  assert.match(
    u.reason,
    /union isfuzzy=true names 'SecurityAlert', which Defender XDR lacks, so there the union skipped it .* cannot be converted: The column 'DeviceId' must exist on both sides of the join/,
  );
});

test('a call that takes the column itself (prev) is converted as a whole, so a comparison keeps one type', () => {
  const source = 'DeviceInfo\n| sort by DeviceId\n| extend Changed = prev(LoggedOnUsers, 1) != LoggedOnUsers';
  assert.deepEqual(errors(source, 'defender'), []);
  const result = convert(source, 'defender', 'sentinel');
  assert.equal(
    result.text,
    'DeviceInfo\n| sort by DeviceId\n| extend Changed = tostring(prev(LoggedOnUsers, 1)) != tostring(LoggedOnUsers)',
  );
  assert.deepEqual(errors(result.text, 'sentinel'), []);
  const [call] = result.edits;
  assert.equal(call.oldText, 'prev(LoggedOnUsers, 1)');
  assert.match(
    call.note ?? '',
    /'LoggedOnUsers' of DeviceInfo is string .* the call that takes it is written in tostring\(\)/,
  );
});

test('a call wrap holds the renames inside it', () => {
  const source =
    'DeviceInfo\n| sort by Timestamp\n| extend Same = prev(LoggedOnUsers, 1, Timestamp) == LoggedOnUsers';
  const result = convert(source, 'defender', 'sentinel');
  assert.equal(
    result.text,
    'DeviceInfo\n| sort by TimeGenerated\n| extend Same = tostring(prev(LoggedOnUsers, 1, TimeGenerated)) == tostring(LoggedOnUsers)',
  );
});
