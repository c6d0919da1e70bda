import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { SymbolKind } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SEMANTIC_TOKENS_LEGEND } from '../../../../server/src/language/semanticTokens';
import { doc, settings, testService } from '../../../helpers/languageService';
import { analysisOfRegions, indentedRegion } from './editingHelpers';

const service = testService();

const TEXT = [
  '// Hunt for remote access tools',
  '// across two tables',
  'let tools = dynamic(["tvnserver.exe"]);',
  'let f = (n: long) {',
  '    n + 1',
  '};',
  'DeviceProcessEvents',
  '| where Timestamp > ago(1d)',
  '| where FileName in~ (tools)',
  '',
  'DeviceNetworkEvents',
  '| take 1',
].join('\n');

test('document symbols: one per query with its lets inside', () => {
  const symbols = service.getDocumentSymbols(service.analyze(doc(TEXT), settings()));
  assert.deepEqual(
    symbols.map((s) => [s.name, s.detail, s.range.start.line, s.range.end.line]),
    [
      ['Query 1', 'DeviceProcessEvents', 0, 8],
      ['Query 2', 'DeviceNetworkEvents', 10, 11],
    ],
  );
  assert.deepEqual(
    symbols[0].children!.map((c) => [c.name, c.kind, c.selectionRange.start.line]),
    [
      ['tools', SymbolKind.Variable, 2],
      ['f', SymbolKind.Function, 3],
    ],
  );
});

test('folding ranges: each query, a multi-line function body and comment runs', () => {
  const ranges = service.getFoldingRanges(service.analyze(doc(TEXT), settings()));
  const pairs = ranges.map((r) => [r.startLine, r.endLine, r.kind ?? '']);
  assert.ok(
    pairs.some(([s, e]) => s === 0 && e === 8),
    JSON.stringify(pairs),
  );
  assert.ok(
    pairs.some(([s, e]) => s === 10 && e === 11),
    JSON.stringify(pairs),
  );
  assert.ok(
    pairs.some(([s, e, k]) => s === 0 && e === 1 && k === 'comment'),
    JSON.stringify(pairs),
  );
  assert.ok(
    pairs.some(([s, e]) => s === 3 && e === 5),
    JSON.stringify(pairs),
  );
});

test('formatting puts each operator on its own line with the engine formatter', () => {
  const d = doc('DeviceNetworkEvents | where RemotePort==443 | summarize c=count() by DeviceName');
  const edits = service.format(service.analyze(d, settings()), settings(), {
    insertSpaces: true,
    tabSize: 4,
  });
  assert.equal(edits.length, 1);
  assert.equal(
    edits[0].newText,
    'DeviceNetworkEvents\n| where RemotePort == 443\n| summarize c = count() by DeviceName',
  );
  const formatted = doc(edits[0].newText);
  assert.deepEqual(
    service.format(service.analyze(formatted, settings()), settings(), { insertSpaces: true, tabSize: 4 }),
    [],
    'formatting is stable',
  );
});

test('range formatting touches only the queries in the range; CRLF documents keep CRLF', () => {
  const d = doc('print a=1\r\n\r\nprint   b=2');
  const analysis = service.analyze(d, settings());
  const edits = service.format(
    analysis,
    settings(),
    { insertSpaces: true, tabSize: 4 },
    { start: { line: 2, character: 0 }, end: { line: 2, character: 3 } },
  );
  assert.equal(edits.length, 1);
  assert.equal(edits[0].range.start.line, 2);
  assert.equal(edits[0].newText, 'print b = 2');
});

test('formatting a de-indented region keeps the host indentation on new lines', () => {
  const host = 'query: |\n  DeviceNetworkEvents | where RemotePort==443 | take 1\nnext: 1\n';
  const start = host.indexOf('  Device');
  const analysis = analysisOfRegions(host, [indentedRegion(host, start, host.indexOf('next'), 2)]);
  const edits = service.format(analysis, settings(), { insertSpaces: true, tabSize: 2 });
  assert.equal(edits.length, 1);
  assert.equal(edits[0].newText, 'DeviceNetworkEvents\n  | where RemotePort == 443\n  | take 1');
  assert.equal(
    analysis.document.getText(edits[0].range),
    'DeviceNetworkEvents | where RemotePort==443 | take 1',
  );
});

test('formatting a rule query that opens with a blank line keeps every line inside the YAML block', () => {
  // The block starts at the empty line, where there is no indentation to copy; the formatted
  // lines must still take the block's two spaces, or they would end the block and break the rule.
  const rule = (lines: string[]) =>
    [
      'id: 1',
      'name: n',
      'severity: Low',
      'query: |',
      '',
      ...lines.map((l) => `  ${l}`),
      'kind: Scheduled',
      '',
    ].join('\n');
  const d = doc(rule(['DeviceNetworkEvents | where RemotePort==443 | take 1']), 'file:///r.yaml', 'yaml');
  const edits = service.format(service.analyze(d, settings()), settings(), {
    insertSpaces: true,
    tabSize: 4,
  });
  assert.equal(
    TextDocument.applyEdits(d, edits),
    rule(['DeviceNetworkEvents', '| where RemotePort == 443', '| take 1']),
  );
});

test('semantic tokens colour tables, columns, functions and variables by meaning', () => {
  const text =
    'let limit = 5;\nDeviceNetworkEvents | where RemotePort > limit | extend h = strlen(RemoteUrl)';
  const tokens = service.getSemanticTokens(service.analyze(doc(text), settings())).data;
  const d = doc(text);
  const decoded: [string, string][] = [];
  let line = 0;
  let char = 0;
  for (let i = 0; i < tokens.length; i += 5) {
    line += tokens[i];
    char = tokens[i] === 0 ? char + tokens[i + 1] : tokens[i + 1];
    const start = d.offsetAt({ line, character: char });
    decoded.push([
      text.slice(start, start + tokens[i + 2]),
      SEMANTIC_TOKENS_LEGEND.tokenTypes[tokens[i + 3]],
    ]);
  }
  for (const expected of [
    ['DeviceNetworkEvents', 'class'],
    ['RemotePort', 'property'],
    ['limit', 'variable'],
    ['strlen', 'function'],
    ['5', 'number'],
  ]) {
    assert.ok(
      decoded.some(([t, k]) => t === expected[0] && k === expected[1]),
      `${expected.join(' as ')} in ${JSON.stringify(decoded)}`,
    );
  }
});
