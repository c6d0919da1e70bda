import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver-types';
import { ALL_LINT_RULES, LINT_RULES } from '../../../../server/src/language/lints/lintRules';
import { parseMarkers } from '../../../helpers/markers';
import { diagnosticsOf, settings, testService } from '../../../helpers/languageService';
import { FIXTURES } from '../../../helpers/paths';
import { analysisOfRegions, indentedRegion } from './editingHelpers';

const TIME = '| where Timestamp > ago(1d) ';

function lintsOf(text: string, id: string, s = settings()) {
  const { document, diagnostics } = diagnosticsOf(text, s);
  return { document, found: diagnostics.filter((d) => d.code === id) };
}

/** Asserts exactly one finding of `id`, on the marked range. */
function assertOneAt(marked: string, id: string) {
  const m = parseMarkers(marked);
  const { document, found } = lintsOf(m.text, id);
  assert.equal(found.length, 1, JSON.stringify(found));
  assert.equal(document.offsetAt(found[0].range.start), m.ranges[0].start);
  assert.equal(document.offsetAt(found[0].range.end), m.ranges[0].end);
  assert.equal(found[0].source, 'kql-hunting');
  return found[0];
}

test('the lint table has unique ids, a default severity and a message for every rule', () => {
  const ids = ALL_LINT_RULES.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const r of ALL_LINT_RULES) assert.ok(r.message && r.description && r.defaultSeverity, r.id);
});

test("the TightVNC guide's exclusion `!= a or != b` is always true", () => {
  const d = assertOneAt(
    `DeviceProcessEvents ${TIME}| where «FileName != "tvncviewer.exe" or FileName != "tvncserver.exe"»`,
    LINT_RULES.constantCondition.id,
  );
  assert.equal(d.severity, DiagnosticSeverity.Warning);
  assert.match(String(d.message), /always true/);
  assert.match(String(d.message), /!in \("tvncviewer.exe", "tvncserver.exe"\)/);
});

test('`== a and == b` is always false, also inside longer chains and parentheses', () => {
  const d = assertOneAt(
    `DeviceProcessEvents ${TIME}| where «(FileName == "a.exe") and ProcessId > 4 and FileName == "b.exe"»`,
    LINT_RULES.constantCondition.id,
  );
  assert.match(String(d.message), /always false/);
  assertOneAt(
    `DeviceProcessEvents ${TIME}| where «FileName =~ "A.exe" and FileName =~ "b.exe"»`,
    LINT_RULES.constantCondition.id,
  );
});

test('correct exclusions and allow lists are not reported', () => {
  for (const ok of [
    'FileName != "a" and FileName != "b"',
    'FileName == "a" or FileName == "b"',
    'FileName != "a" or FolderPath != "b"',
    'FileName =~ "A" and FileName =~ "a"',
    'FileName != "a" or FileName != "a"',
  ]) {
    assert.deepEqual(
      lintsOf(`DeviceProcessEvents ${TIME}| where ${ok}`, LINT_RULES.constantCondition.id).found,
      [],
      ok,
    );
  }
});

test('an event table without a time filter is reported on the table name', () => {
  const d = assertOneAt('«DeviceNetworkEvents» | where RemotePort == 443', LINT_RULES.missingTimeFilter.id);
  assert.match(String(d.message), /Timestamp/);
  assert.deepEqual(d.data, { timeColumn: 'Timestamp' });
  // The joined table is read whole even when the left side is filtered.
  assertOneAt(
    `DeviceProcessEvents ${TIME}| join kind=inner («DeviceNetworkEvents» | where RemotePort == 443) on DeviceId`,
    LINT_RULES.missingTimeFilter.id,
  );
});

test('time filters through between, union, lets and the Sentinel time column count', () => {
  const fixture = fs.readFileSync(path.join(FIXTURES, 'tightvnc-network.kql'), 'utf8');
  for (const ok of [
    fixture,
    'union DeviceNetworkEvents, DeviceProcessEvents | where Timestamp > ago(1h)',
    'let base = DeviceNetworkEvents;\nbase | where Timestamp > ago(1h)',
    'print 1',
  ]) {
    assert.deepEqual(lintsOf(ok, LINT_RULES.missingTimeFilter.id).found, [], ok);
  }
  const sentinel = settings({ environment: 'sentinel' });
  // Sentinel's copies of the Defender tables keep Timestamp next to TimeGenerated: either bounds them.
  for (const ok of [
    'DeviceNetworkEvents | where TimeGenerated > ago(1h)',
    'DeviceNetworkEvents | where Timestamp > ago(1h)',
    'union DeviceNetworkEvents, DeviceProcessEvents | where Timestamp between (ago(2h) .. ago(1h))',
  ]) {
    assert.deepEqual(lintsOf(ok, LINT_RULES.missingTimeFilter.id, sentinel).found, [], ok);
  }
  // A filter on another column still leaves the table unbounded, and the advice names TimeGenerated.
  const unbounded = lintsOf(
    'DeviceNetworkEvents | where RemotePort == 443',
    LINT_RULES.missingTimeFilter.id,
    sentinel,
  ).found;
  assert.equal(unbounded.length, 1);
  assert.deepEqual(unbounded[0].data, { timeColumn: 'TimeGenerated' });
  // A Sentinel table without a Timestamp column is not excused by a Timestamp it cannot have.
  assert.equal(
    lintsOf('SecurityEvent | where EventID == 4625', LINT_RULES.missingTimeFilter.id, sentinel).found.length,
    1,
  );
  // Defender has no TimeGenerated; its own column is the only one that counts there.
  assert.equal(
    lintsOf('DeviceNetworkEvents | where RemotePort == 443', LINT_RULES.missingTimeFilter.id).found.length,
    1,
  );
});

test("a scheduled rule's or hunting query file's query is not reported for a missing time filter", () => {
  const host = 'query: |\n  DeviceNetworkEvents\n  | where RemotePort == 443\n';
  const start = host.indexOf('  Device');
  const service = testService();
  for (const kind of ['scheduledRule', 'huntingQuery'] as const) {
    const hosted = analysisOfRegions(host, [indentedRegion(host, start, host.length, 2, kind)]);
    assert.deepEqual(
      service.getDiagnostics(hosted, settings()).filter((d) => d.code === LINT_RULES.missingTimeFilter.id),
      [],
      kind,
    );
  }
  const adHoc = analysisOfRegions(host, [indentedRegion(host, start, host.length, 2)]);
  const found = service
    .getDiagnostics(adHoc, settings())
    .filter((d) => d.code === LINT_RULES.missingTimeFilter.id);
  assert.equal(found.length, 1);
  assert.equal(adHoc.document.getText(found[0].range), 'DeviceNetworkEvents');
});

test('a case-sensitive comparison of a file or process name is reported on the operator', () => {
  const d = assertOneAt(
    `DeviceProcessEvents ${TIME}| where InitiatingProcessFileName «==» "tvnserver.exe"`,
    LINT_RULES.caseSensitiveName.id,
  );
  assert.deepEqual(d.data, { replacement: '=~' });
  assert.equal(d.severity, DiagnosticSeverity.Information);
  assertOneAt(
    `DeviceProcessEvents ${TIME}| where FileName «in» ("a.exe", "b.exe")`,
    LINT_RULES.caseSensitiveName.id,
  );
  for (const ok of [
    'FileName =~ "a.exe"',
    'FileName in~ ("a.exe")',
    'ProcessId == 4',
    'AccountName == "bob"',
    'FileName == "123"',
  ]) {
    assert.deepEqual(
      lintsOf(`DeviceProcessEvents ${TIME}| where ${ok}`, LINT_RULES.caseSensitiveName.id).found,
      [],
      ok,
    );
  }
});

test('an unused let is reported and faded; used ones and _names are not', () => {
  const d = assertOneAt(
    `let «unused» = 5;\nlet used = 3;\nlet _ignored = 1;\nDeviceNetworkEvents ${TIME}| where RemotePort > used`,
    LINT_RULES.unusedLet.id,
  );
  assert.deepEqual(d.tags, [DiagnosticTag.Unnecessary]);
  assert.deepEqual(lintsOf(`let f = (n: long) { n + 1 };\nprint f(1)`, LINT_RULES.unusedLet.id).found, []);
});

test('lint severities follow settings and can be turned off by id', () => {
  const text = '«DeviceNetworkEvents» | take 1';
  const m = parseMarkers(text);
  const id = LINT_RULES.missingTimeFilter.id;
  assert.equal(
    lintsOf(m.text, id, settings({ lints: { [id]: 'error' } })).found[0].severity,
    DiagnosticSeverity.Error,
  );
  assert.deepEqual(lintsOf(m.text, id, settings({ lints: { [id]: 'off' } })).found, []);
});

test('engine analyzer warnings are included and switchable by code', () => {
  // Not a single term, so contains-vs-has leaves this one to the engine.
  const text = `DeviceNetworkEvents ${TIME}| where RemoteUrl contains "tightvnc.com"`;
  assert.equal(lintsOf(text, 'KS500').found.length, 1);
  assert.deepEqual(lintsOf(text, 'KS500', settings({ lints: { KS500: 'off' } })).found, []);
});
