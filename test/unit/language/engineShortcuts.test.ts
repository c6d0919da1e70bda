import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { installAnalyzerWalkSharing, uninstallAnalyzerWalkSharing } from '../../../server/src/language/engineTuning/analyzerWalks';
import { installSharedColumnMaps, uninstallSharedColumnMaps } from '../../../server/src/language/engineTuning/columnMaps';
import { analysedCode } from '../../../server/src/language/engineBlocks';
import { kusto, toArray } from '../../../server/src/language/kustoEngine';
import { installOperatorOverloadMemo, uninstallOperatorOverloadMemo } from '../../../server/src/language/engineTuning/operatorOverloads';
import { BuiltinSchemaProvider } from '../../../server/src/schema/schemaProvider';
import { REPO_ROOT, SHARED } from '../../helpers/paths';
import { loadCorpus } from '../schema/ruleCorpus';

/**
 * Shortcuts through the engine's own work (analyzers sharing one walk of the tree, operator
 * overloads remembered by operand types, one column dictionary per column list) must change nothing the engine answers: every
 * diagnostic, and the type, symbol and signature bound to every node, are compared with the
 * engine as shipped on real Sentinel rules and on queries that reach the shortcuts' edges.
 */

const EDGES = [
  fs.readFileSync(path.join(REPO_ROOT, 'test/fixtures/tightvnc-network.kql'), 'utf8'),
  // Dynamic operands, whose values the engine unwraps and re-chooses for; lists; `between`.
  'SigninLogs | extend d = parse_json(Status) | where d.errorCode == 0 or d.errorCode in (50126, "x") or toint(d.errorCode) between (1 .. 5)',
  // Operands of types that are not built-in scalars, a star, named arguments, an unknown name.
  'SecurityEvent | summarize c = count(), arg_max(TimeGenerated, *) by Computer | where c > 1 and NoSuchColumn == 2 and pack_all() == dynamic({})',
  'let f = (a:long, b:string = "x") { a + strlen(b) }; print f(1) > 0, f(b = "y", a = 2) == 3, 1 + 1.5, now() - 1d > ago(1h), "a" has "b"',
  'SecurityEvent | where EventID == "4624" and TimeGenerated > "2024" and Computer == 12 | where (EventID + 1) / 2 >= 2.5',
  'union SecurityEvent, SigninLogs | where isnotempty(Computer) | project x = iff(Computer =~ "a", 1, 2.0) | where x != 1',
];

function fingerprint(globals: Kusto.Language.GlobalState, text: string): string {
  const K = kusto();
  const out: string[] = [];
  for (const block of toArray(K.Editor.CodeScript.From$1(text, globals)!.Blocks)) {
    const svc = block.Service!;
    for (const d of [...toArray(svc.GetDiagnostics()), ...toArray(svc.GetAnalyzerDiagnostics())]) {
      out.push(`dx ${d.Code} ${d.Severity} ${d.Start}+${d.Length} ${d.Message}`);
    }
    const code = analysedCode(block);
    if (!code?.Syntax) continue;
    for (const node of toArray(code.Syntax.GetDescendants(K.Syntax.SyntaxNode))) {
      const signature = node.ReferencedSignature;
      const signatures = signature?.Symbol ? toArray((signature.Symbol as Kusto.Language.Symbols.FunctionSymbol).Signatures) : [];
      out.push(`${node.Kind}@${node.TextStart} ${(node as Kusto.Language.Syntax.Expression).ResultType?.Name ?? '-'} ${node.ReferencedSymbol?.Name ?? '-'} `
        + `${signature?.Symbol?.Name ?? '-'}#${signatures.indexOf(signature!)}`);
    }
  }
  return out.join('\n');
}

test('the shortcuts give exactly the engine\'s diagnostics and bound trees', () => {
  const K = kusto();
  const sentinel = new BuiltinSchemaProvider().globalsFor('sentinel')!;
  // Every fourth rule keeps the test to a few seconds and still covers ~190 real queries.
  const texts = [...EDGES, ...loadCorpus(SHARED).filter((_, i) => i % 4 === 0).map((r) => r.query)];
  const withShortcuts = texts.map((t) => fingerprint(sentinel, t));
  uninstallAnalyzerWalkSharing();
  uninstallOperatorOverloadMemo();
  uninstallSharedColumnMaps();
  let shipped: string[];
  try {
    shipped = texts.map((t) => fingerprint(sentinel, t));
  } finally {
    installAnalyzerWalkSharing(K);
    installOperatorOverloadMemo(K);
    installSharedColumnMaps(K);
  }
  assert.ok(texts.length > 150);
  const operators = shipped.join('\n').match(/ (Equal|Between|And|Or|GreaterThan|Has)[A-Za-z]*#\d/g) ?? [];
  assert.ok(operators.length > 500, 'the queries bind many operators to their overloads');
  assert.ok(shipped.some((f) => f.includes('dx KS5')), 'the analyzers report something');
  for (let i = 0; i < texts.length; i++) assert.equal(withShortcuts[i], shipped[i], `query ${i} differs:\n${texts[i]}`);
});
