import {
  installAnalyzerWalkSharing,
  uninstallAnalyzerWalkSharing,
} from '../../server/src/language/engineTuning/analyzerWalks';
import {
  installSharedColumnMaps,
  uninstallSharedColumnMaps,
} from '../../server/src/language/engineTuning/columnMaps';
import { analysedCode } from '../../server/src/language/engineBlocks';
import { kusto, toArray } from '../../server/src/language/kustoEngine';
import {
  installOperatorOverloadMemo,
  uninstallOperatorOverloadMemo,
} from '../../server/src/language/engineTuning/operatorOverloads';
import { BuiltinSchemaProvider } from '../../server/src/schema/schemaProvider';

/**
 * Shortcuts through the engine's own work (analyzers sharing one walk of the tree, operator
 * overloads remembered by operand types, one column dictionary per column list) must change
 * nothing the engine answers. These fingerprints hold every diagnostic and the type, symbol and
 * signature bound to every node, with the shortcuts and with the engine as shipped. Used by the
 * unit test (edge cases) and by the corpus measure (real rules).
 */
export function fingerprint(globals: Kusto.Language.GlobalState, text: string): string {
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
      const signatures = signature?.Symbol
        ? toArray((signature.Symbol as Kusto.Language.Symbols.FunctionSymbol).Signatures)
        : [];
      out.push(
        `${node.Kind}@${node.TextStart} ${(node as Kusto.Language.Syntax.Expression).ResultType?.Name ?? '-'} ${node.ReferencedSymbol?.Name ?? '-'} ` +
          `${signature?.Symbol?.Name ?? '-'}#${signatures.indexOf(signature!)}`,
      );
    }
  }
  return out.join('\n');
}

/** Fingerprints of each text in the `sentinel` environment, with the shortcuts and without. */
export function fingerprintsBothWays(texts: string[]): { withShortcuts: string[]; shipped: string[] } {
  const K = kusto();
  const sentinel = new BuiltinSchemaProvider().globalsFor('sentinel')!;
  const withShortcuts = texts.map((t) => fingerprint(sentinel, t));
  uninstallAnalyzerWalkSharing();
  uninstallOperatorOverloadMemo();
  uninstallSharedColumnMaps();
  try {
    return { withShortcuts, shipped: texts.map((t) => fingerprint(sentinel, t)) };
  } finally {
    installAnalyzerWalkSharing(K);
    installOperatorOverloadMemo(K);
    installSharedColumnMaps(K);
  }
}

/** Operator nodes bound to an overload, counted so a test can tell the shortcuts were exercised. */
export function boundOperators(fingerprints: string[]): number {
  return (fingerprints.join('\n').match(/ (Equal|Between|And|Or|GreaterThan|Has)[A-Za-z]*#\d/g) ?? []).length;
}
