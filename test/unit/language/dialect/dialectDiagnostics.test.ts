import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseMarkers } from '../../../helpers/markers';
import { doc, settings, testService } from '../../../helpers/languageService';

const service = testService();
type Env = 'defender' | 'sentinel';

/** The diagnostics of a marked query in an environment, and the one on the marked range. */
function onMarked(marked: string, env: Env) {
  const m = parseMarkers(marked);
  const s = settings({ environment: env });
  const analysis = service.analyze(doc(m.text), s);
  const all = service.getDiagnostics(analysis, s);
  const at = all.filter(
    (d) =>
      analysis.document.offsetAt(d.range.start) === m.ranges[0].start &&
      analysis.document.offsetAt(d.range.end) === m.ranges[0].end,
  );
  assert.equal(at.length, 1, JSON.stringify(all));
  return { analysis, all, diagnostic: at[0] };
}

function fixesOf(marked: string, env: Env) {
  const { analysis, diagnostic } = onMarked(marked, env);
  const actions = service.getCodeActions(analysis, diagnostic.range, [diagnostic]);
  const apply = (i: number) =>
    TextDocument.applyEdits(analysis.document, actions[i].edit!.changes![analysis.document.uri]);
  return { diagnostic, actions, apply };
}

const message = (d: Diagnostic) => (typeof d.message === 'string' ? d.message : '');

test("Timestamp in Sentinel on a table without it: says it is Defender's and fixes to TimeGenerated", () => {
  const { diagnostic, actions, apply } = fixesOf('SecurityEvent | where «Timestamp» > ago(1d)', 'sentinel');
  assert.equal(diagnostic.code, 'KS142');
  assert.equal(diagnostic.severity, DiagnosticSeverity.Error);
  assert.equal(
    message(diagnostic),
    "'Timestamp' is the time column of Defender XDR; in Microsoft Sentinel, SecurityEvent has TimeGenerated instead.",
  );
  assert.equal(actions[0].title, "Change to 'TimeGenerated' (the Microsoft Sentinel name)");
  assert.equal(actions[0].isPreferred, true);
  assert.equal(apply(0), 'SecurityEvent | where TimeGenerated > ago(1d)');
  assert.ok(actions.slice(1).every((a) => !a.isPreferred && a.title !== actions[0].title));
});

test('TimeGenerated in Defender fixes back to Timestamp', () => {
  const { diagnostic, actions, apply } = fixesOf(
    'DeviceProcessEvents\n| where «TimeGenerated» > ago(1h)\n| take 5',
    'defender',
  );
  assert.match(
    message(diagnostic),
    /Microsoft Sentinel; in Defender XDR, DeviceProcessEvents has Timestamp instead/,
  );
  assert.equal(actions[0].title, "Change to 'Timestamp' (the Defender XDR name)");
  assert.equal(apply(0), 'DeviceProcessEvents\n| where Timestamp > ago(1h)\n| take 5');
});

test('Timestamp on a Defender table in Sentinel binds: no diagnostic there', () => {
  const s = settings({ environment: 'sentinel' });
  const analysis = service.analyze(doc('DeviceProcessEvents | where Timestamp > ago(1d)'), s);
  assert.deepEqual(
    service.getDiagnostics(analysis, s).filter((d) => d.severity === DiagnosticSeverity.Error),
    [],
  );
});

test('no time column fix where TimeGenerated is not in scope (projected away)', () => {
  const { diagnostic, actions } = fixesOf(
    'SecurityEvent | project Account | where «Timestamp» > ago(1d)',
    'sentinel',
  );
  assert.match(message(diagnostic), /is the time column of Defender XDR/);
  assert.ok(
    actions.every((a) => !a.title.includes('TimeGenerated')),
    JSON.stringify(actions),
  );
});

test('a Sentinel-only table in Defender says so', () => {
  for (const table of ['SigninLogs', 'SecurityEvent']) {
    const { diagnostic } = onMarked(`«${table}» | where TimeGenerated > ago(1d)`, 'defender');
    assert.equal(diagnostic.code, 'KS204');
    assert.equal(
      message(diagnostic),
      `'${table}' is a Microsoft Sentinel table; Defender XDR has no table of that name.`,
    );
  }
});

test('_GetWatchlist in Defender and Defender functions in Sentinel say whose they are', () => {
  const watchlist = onMarked('let w = «_GetWatchlist»("vip"); DeviceEvents | take 1', 'defender').diagnostic;
  assert.equal(watchlist.code, 'KS211');
  assert.equal(
    message(watchlist),
    "'_GetWatchlist' is a Microsoft Sentinel function; Defender XDR has no function of that name.",
  );
  for (const q of [
    'DeviceFileEvents | take 10 | invoke «FileProfile»(SHA1)',
    'print «DeviceFromIP»("10.0.0.1")',
    'print «AssignedIPAddresses»("pc1")',
    'print «SeenBy»("pc1")',
  ]) {
    const { diagnostic } = onMarked(q, 'sentinel');
    assert.match(
      message(diagnostic),
      /^'\w+' is a Defender XDR function; Microsoft Sentinel has no function of that name\.$/,
    );
  }
});

test("a column spelt as Sentinel spells it, in Defender, is fixed to Defender's spelling", () => {
  const { diagnostic, actions, apply } = fixesOf('CloudAppEvents | project «ISP»', 'defender');
  assert.equal(
    message(diagnostic),
    "'ISP' is how Microsoft Sentinel spells this column of CloudAppEvents; Defender XDR spells it 'Isp'.",
  );
  assert.equal(actions[0].title, "Change to 'Isp' (the Defender XDR name)");
  assert.equal(apply(0), 'CloudAppEvents | project Isp');
  assert.equal(
    actions.filter((a) => a.edit!.changes![Object.keys(a.edit!.changes!)[0]][0].newText === 'Isp').length,
    1,
  );
});

test('a typo keeps the engine message and its did-you-mean fixes', () => {
  const { diagnostic, actions } = fixesOf('SecurityEvent | where «TimeGenerate» > ago(1d)', 'sentinel');
  assert.equal(
    message(diagnostic),
    "The name 'TimeGenerate' does not refer to any known column, table, variable or function.",
  );
  assert.equal(diagnostic.data, undefined);
  assert.equal(actions[0].title, "Change to 'TimeGenerated'");
  assert.equal(actions[0].isPreferred, true);
});

test('defender-only-table warns on a Defender table Sentinel never fills, and only in Sentinel', () => {
  const beta = onMarked('«AADSignInEventsBeta» | where TimeGenerated > ago(1d)', 'sentinel').diagnostic;
  assert.equal(beta.code, 'defender-only-table');
  assert.equal(beta.severity, DiagnosticSeverity.Warning);
  assert.match(
    message(beta),
    /^'AADSignInEventsBeta' is a Defender XDR table that Log Analytics does not hold/,
  );
  const tvm = onMarked('«DeviceTvmBrowserExtensions» | where TimeGenerated > ago(7d)', 'sentinel').diagnostic;
  assert.match(message(tvm), /shows in its schema but never fills/);
  for (const [q, env] of [
    ['AADSignInEventsBeta | where Timestamp > ago(1d)', 'defender'],
    ['DeviceTvmBrowserExtensions | take 10', 'defender'],
    ['DeviceProcessEvents | where TimeGenerated > ago(1d)', 'sentinel'],
    ['let DeviceTvmBrowserExtensions = datatable(a: int)[1]; DeviceTvmBrowserExtensions', 'sentinel'],
  ] as const) {
    const s = settings({ environment: env });
    const found = service
      .getDiagnostics(service.analyze(doc(q), s), s)
      .filter((d) => d.code === 'defender-only-table');
    assert.deepEqual(found, [], q);
  }
});

test('defender-only-table can be turned off by its code', () => {
  const s = settings({ environment: 'sentinel', lints: { 'defender-only-table': 'off' } });
  const found = service
    .getDiagnostics(service.analyze(doc('DeviceTvmSoftwareInventory | take 1'), s), s)
    .filter((d) => d.code === 'defender-only-table');
  assert.deepEqual(found, []);
});

test('a pin on the first line decides the environment the names are judged in', () => {
  const s = settings({ environment: 'defender' });
  const text = '// kql-environment: sentinel\nDeviceEvents | invoke FileProfile(SHA1)';
  const d = service.getDiagnostics(service.analyze(doc(text), s), s).find((x) => x.code === 'KS211');
  assert.equal(
    d && message(d),
    "'FileProfile' is a Defender XDR function; Microsoft Sentinel has no function of that name.",
  );
});

test('the tables named are those whose rows reach the name, not every table the query reads', () => {
  const later = onMarked(
    'SecurityEvent | where «Timestamp» > ago(1h) | join kind=inner (SigninLogs | project UserPrincipalName) on $left.Account == $right.UserPrincipalName',
    'sentinel',
  ).diagnostic;
  assert.equal(
    message(later),
    "'Timestamp' is the time column of Defender XDR; in Microsoft Sentinel, SecurityEvent has TimeGenerated instead.",
  );
  const inner = onMarked(
    'SecurityEvent | where TimeGenerated > ago(1h) | join kind=inner (SigninLogs | where «Timestamp» > ago(1h)) on $left.Account == $right.UserPrincipalName',
    'sentinel',
  ).diagnostic;
  assert.match(message(inner), /in Microsoft Sentinel, SigninLogs has TimeGenerated instead\.$/);
  const joined = onMarked(
    'SecurityEvent | join kind=inner (SigninLogs) on $left.Account == $right.UserPrincipalName | where «Timestamp» > ago(1h)',
    'sentinel',
  ).diagnostic;
  assert.match(
    message(joined),
    /in Microsoft Sentinel, SecurityEvent, SigninLogs have TimeGenerated instead\.$/,
  );
});
