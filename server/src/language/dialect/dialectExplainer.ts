import type { DocumentAnalysis } from '../documentAnalysis';
import { boundCode, type BlockContext } from '../engineBlocks';
import { UNKNOWN_NAME_CODES } from '../engineCodes';
import { kusto } from '../kustoEngine';
import { nodesOfKind } from '../lints/lintContext';
import { builtinDialectFacts } from './dialectFacts';
import { explainUnknownName, type DialectExplanation } from './unknownName';

/** Data kept on an unknown-name diagnostic that the other environment explains, for its quick fix. */
export interface DialectFixData {
  dialectReplacement: string;
}

/** The database tables a block reads, each once, in the order they appear. */
function tablesRead(ctx: BlockContext, globals: Kusto.Language.GlobalState): string[] {
  const root = boundCode(ctx, globals).Syntax;
  if (!root) return [];
  const K = kusto();
  const names = new Set<string>();
  for (const ref of nodesOfKind(root, K.Syntax.SyntaxKind.NameReference)) {
    const symbol = ref.ReferencedSymbol;
    if (symbol?.Kind === K.Symbols.SymbolKind.Table && symbol.Name) names.add(symbol.Name);
  }
  return [...names];
}

/**
 * For one block, a function that explains the engine's unknown-name diagnostics whose name
 * belongs to the other environment (dialect/unknownName.ts). The tables the block reads are
 * only gathered when a block has such a diagnostic.
 */
export function dialectExplainer(
  analysis: DocumentAnalysis,
  ctx: BlockContext,
): (d: Kusto.Language.Diagnostic) => DialectExplanation | undefined {
  let tables: string[] | undefined;
  return (d) => {
    if (!d.Code || !UNKNOWN_NAME_CODES.has(d.Code)) return undefined;
    const name = ctx.query.region.text.slice(d.Start, d.Start + d.Length);
    if (!name) return undefined;
    tables ??= tablesRead(ctx, analysis.globals);
    return explainUnknownName({ name, environment: analysis.environment, tables }, builtinDialectFacts());
  };
}
