import { test, before } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';
import { REPO_ROOT } from '../../helpers/paths';

/**
 * The TextMate grammar tokenised by the same libraries VS Code uses, so a scope asserted here is
 * the scope the editor colours.
 */
let grammar: vsctm.IGrammar;

before(async () => {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(
    wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer,
  );
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (s) => new oniguruma.OnigScanner(s),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async () =>
      vsctm.parseRawGrammar(
        fs.readFileSync(path.join(REPO_ROOT, 'syntaxes/kql.tmLanguage.json'), 'utf8'),
        'kql.tmLanguage.json',
      ),
  });
  grammar = (await registry.loadGrammar('source.kql'))!;
});

/** The innermost scope of the token that covers `fragment` on a one-line query. */
function scopeOf(line: string, fragment: string): string {
  const at = line.indexOf(fragment);
  assert.ok(at >= 0, `${fragment} not in ${line}`);
  const { tokens } = grammar.tokenizeLine(line, vsctm.INITIAL);
  const token = tokens.find((t) => t.startIndex <= at && at < t.endIndex)!;
  return token.scopes[token.scopes.length - 1];
}

const cases: [string, string, RegExp][] = [
  ['DeviceNetworkEvents | where RemotePort == 443', 'where', /^keyword\.control\.tabular/],
  ['T | summarize count() by DeviceName', 'summarize', /^keyword\.control\.tabular/],
  ['T | project-away ReportId', 'project-away', /^keyword\.control\.tabular/],
  ['T | mv-expand Tags', 'mv-expand', /^keyword\.control\.tabular/],
  ['T | where Timestamp > ago(5d)', '5d', /^constant\.numeric\.timespan/],
  ['T | where Timestamp > ago(30m)', '30m', /^constant\.numeric\.timespan/],
  ['T | where x == 42', '42', /^constant\.numeric/],
  ["T | where Path == @'C:\\Windows\\'", 'C:', /^string\.quoted\.single\.verbatim/],
  ['T | where Secret == h"hidden"', 'hidden', /^string\.quoted\.double/],
  ["T | where Secret == h'hidden'", "h'", /^storage\.modifier\.obfuscated/],
  ['T | where Name == "tvnc\\"server"', 'server', /^string\.quoted\.double/],
  ['// a comment with | where inside', 'where', /^comment\.line/],
  ['T | where Timestamp > datetime(2024-01-01)', 'datetime', /^storage\.type\.literal/],
  ['T | where Name has_any ("a", "b")', 'has_any', /^keyword\.operator\.string/],
  ['T | where Name !contains "x"', '!contains', /^keyword\.operator\.string/],
  ['T | extend n = tolower(Name)', 'tolower', /^support\.function/],
  ['let start = ago(1d);', 'let', /^keyword\.other/],
  ['T | join kind=leftouter (U) on DeviceId', 'leftouter', /^keyword\.other/],
  ['T | where IsRemote == true', 'true', /^constant\.language/],
  ['.show tables', '.show', /^keyword\.control\.management/],
];

for (const [line, fragment, scope] of cases) {
  test(`grammar: '${fragment}' in «${line}»`, () => {
    assert.match(scopeOf(line, fragment), scope);
  });
}

test('grammar: a multi-line query keeps its state across lines', () => {
  let state = vsctm.INITIAL;
  const lines = [
    'DeviceNetworkEvents',
    "| where InitiatingProcessVersionInfoCompanyName has 'GlavSoft'",
    '| summarize Count=count() by DeviceId',
  ];
  const scopes: string[] = [];
  for (const line of lines) {
    const r = grammar.tokenizeLine(line, state);
    state = r.ruleStack;
    scopes.push(...r.tokens.map((t) => t.scopes.at(-1)!));
  }
  assert.ok(scopes.includes('string.quoted.single.kql'));
  assert.ok(scopes.filter((s) => s === 'keyword.control.tabular.kql').length === 2);
});
