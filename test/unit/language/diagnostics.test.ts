import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseMarkers } from '../../helpers/markers';
import { diagnosticsOf, doc, settings, testService } from '../../helpers/languageService';
import { FIXTURES } from '../../helpers/paths';

const TIGHTVNC = fs.readFileSync(path.join(FIXTURES, 'tightvnc-network.kql'), 'utf8');
const TYPO = 'InitiatingProcessVersionInfoCompanyNme';

/** Asserts exactly one error, whose range is the marked range of `marked`. */
function assertOneErrorAt(marked: string, name: string) {
  const m = parseMarkers(marked);
  const { document, diagnostics } = diagnosticsOf(m.text);
  const errors = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error);
  assert.equal(errors.length, 1, JSON.stringify(diagnostics));
  const [e] = errors;
  assert.equal(document.offsetAt(e.range.start), m.ranges[0].start);
  assert.equal(document.offsetAt(e.range.end), m.ranges[0].end);
  assert.match(String(e.message), new RegExp(`'${name}'`));
  return e;
}

test('the TightVNC detection validates with no errors', () => {
  const { diagnostics } = diagnosticsOf(TIGHTVNC);
  assert.deepEqual(
    diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error),
    [],
  );
});

test('a misspelled column gets one error covering exactly that name', () => {
  const marked = TIGHTVNC.replace('InitiatingProcessVersionInfoCompanyName', `«${TYPO}»`);
  const e = assertOneErrorAt(marked, TYPO);
  assert.equal(e.code, 'KS142');
  assert.equal(e.source, 'kql');
});

test('an unknown table is reported on the table name', () => {
  assertOneErrorAt('«DeviceNetworkEvent»\n| take 10', 'DeviceNetworkEvent');
});

test('positions are exact with CRLF line ends and tabs', () => {
  const marked = TIGHTVNC.replace(/\n/g, '\r\n')
    .replace('| where Initiating', '|\twhere Initiating')
    .replace('InitiatingProcessVersionInfoCompanyName', `«${TYPO}»`);
  const m = parseMarkers(marked);
  const { document, diagnostics } = diagnosticsOf(m.text);
  const e = diagnostics[0];
  const lineIndex = m.text.slice(0, m.ranges[0].start).split('\r\n').length - 1;
  assert.equal(e.range.start.line, lineIndex);
  assert.equal(e.range.start.character, m.text.slice(0, m.ranges[0].start).split('\r\n').pop()!.length);
  assert.equal(document.getText(e.range), TYPO);
});

test('positions count UTF-16 code units after non-ASCII text on the same line', () => {
  // The emoji is two UTF-16 code units and the accented letters one each, as LSP counts them.
  const marked = `print s = "café 🔎 ü", «Unknwn»`;
  const e = assertOneErrorAt(marked, 'Unknwn');
  assert.equal(e.range.start.character, marked.indexOf('«'));
});

test('each blank-line separated query is checked on its own', () => {
  const m = parseMarkers(
    'DeviceNetworkEvents | take 1\n\nDeviceNetworkEvents | project «Nope»\n\nDeviceNetworkEvents | count',
  );
  const { document, diagnostics: all } = diagnosticsOf(m.text);
  // Only the engine's own diagnostics: the hunting lints (tested in editing/lints.test.ts) also flag the missing time filters.
  const diagnostics = all.filter((d) => d.source === 'kql');
  assert.equal(diagnostics.length, 1);
  assert.equal(document.offsetAt(diagnostics[0].range.start), m.ranges[0].start);
});

test('a syntax error is reported', () => {
  const { diagnostics } = diagnosticsOf('DeviceNetworkEvents | where (RemotePort == 443');
  assert.ok(
    diagnostics.some((d) => d.severity === DiagnosticSeverity.Error),
    JSON.stringify(diagnostics),
  );
});

test('a severity override changes or hides a diagnostic by code', () => {
  const text = 'DeviceNetworkEvents | project Nope';
  assert.equal(
    diagnosticsOf(text, settings({ lints: { KS142: 'warning' } })).diagnostics[0].severity,
    DiagnosticSeverity.Warning,
  );
  assert.deepEqual(
    diagnosticsOf(text, settings({ lints: { KS142: 'off' } })).diagnostics.filter((d) => d.code === 'KS142'),
    [],
  );
});

test('a first-line comment pins the environment of a file', () => {
  const service = testService();
  const pinned = doc('// kql-environment: sentinel\nDeviceNetworkEvents | take 1');
  assert.equal(service.environmentOf(pinned, settings()), 'sentinel');
  assert.equal(service.environmentOf(doc('DeviceNetworkEvents | take 1'), settings()), 'defender');
  assert.equal(
    service.environmentOf(doc('DeviceNetworkEvents'), settings({ environment: 'sentinel' })),
    'sentinel',
  );
});

test('re-analysing an edited document reuses the unchanged queries', () => {
  const service = testService();
  const s = settings();
  const first = service.analyze(doc('DeviceNetworkEvents | take 1\n\nDeviceNetworkEvents | take 2'), s);
  service.getDiagnostics(first, s);
  const edited = TextDocument.create(
    'file:///test.kql',
    'kql',
    2,
    'DeviceNetworkEvents | take 1\n\nDeviceNetworkEvents | take 3',
  );
  const second = service.analyze(edited, s, first);
  const blocks = second.queries[0].script.Blocks!;
  // The engine keeps a block's diagnostics only while its text is unchanged, so a cached answer
  // for the first block shows it was not analysed again.
  const cached = (i: number) => blocks.getItem(i).Service!.TryGetCachedDiagnostics({ v: null });
  assert.equal(cached(0), true);
  assert.equal(cached(1), false);
});

test('a query that makes the engine binder throw still gets diagnostics, hover, symbols and rule checks', () => {
  // Found by the long fuzz run: the engine's binder throws on a half-typed sequence_detect call,
  // which is what anyone writing one types on the way.
  const service = testService();
  const s = settings();
  for (const [text, languageId] of [
    ['DeviceEvents\n| evaluate sequence_detect(d', 'kql'],
    [
      'id: 6d1c4a07-56a1-4e9d-9f3e-0f9a4c3b2d10\nname: Sequence\nkind: Scheduled\nquery: |\n  DeviceEvents\n  | evaluate sequence_detect(d\n',
      'yaml',
    ],
  ] as const) {
    const d = doc(text, `file:///binder-failure.${languageId}`, languageId);
    const analysis = service.analyze(d, s);
    const diagnostics = service.getDiagnostics(analysis, s);
    assert.ok(
      diagnostics.some((x) => x.code === 'KS246'),
      JSON.stringify(diagnostics),
    );
    assert.ok(service.getDocumentSymbols(analysis).length > 0);
    service.getHover(analysis, d.positionAt(text.indexOf('sequence_detect') + 3));
    service.getCompletions(analysis, d.positionAt(text.length), { snippetSupport: true });
  }
});

test('a deprecated alias (KS507) is information by default, a join without kind (KS508) stays a warning', () => {
  const q = 'DeviceNetworkEvents\n| where Timestamp > ago(1h)\n| summarize makeset(RemoteIP) by DeviceId';
  const deprecated = diagnosticsOf(q).diagnostics.filter((d) => d.code === 'KS507');
  assert.equal(deprecated.length, 1);
  assert.equal(deprecated[0].severity, DiagnosticSeverity.Information);
  const raised = diagnosticsOf(q, settings({ lints: { KS507: 'warning' } })).diagnostics.filter(
    (d) => d.code === 'KS507',
  );
  assert.equal(raised[0].severity, DiagnosticSeverity.Warning);
  const join = diagnosticsOf(
    'DeviceNetworkEvents\n| where Timestamp > ago(1h)\n| join (DeviceInfo | where Timestamp > ago(1h)) on DeviceId',
  ).diagnostics.filter((d) => d.code === 'KS508');
  assert.equal(join.length, 1);
  assert.equal(join[0].severity, DiagnosticSeverity.Warning);
});
