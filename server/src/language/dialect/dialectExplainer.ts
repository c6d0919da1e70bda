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

type Node = Kusto.Language.Syntax.SyntaxNode;

/** The database tables named inside `scope`, each once, in the order they appear. */
function tablesIn(refs: readonly Node[], scope: Node): string[] {
  const K = kusto();
  const names = new Set<string>();
  for (const ref of refs) {
    if (ref.TextStart < scope.TextStart || ref.End > scope.End) continue;
    const symbol = ref.ReferencedSymbol;
    if (symbol?.Kind === K.Symbols.SymbolKind.Table && symbol.Name) names.add(symbol.Name);
  }
  return [...names];
}

/**
 * The tables whose rows reach the name at `offset` (block-relative): those read by the input
 * of the nearest pipe operator around it, plus a join's or lookup's other side. A query that
 * reads a second table elsewhere (a join further on) does not put that table's columns here.
 * Without a pipe around the name, every table the block reads.
 */
function tablesInScope(root: Node, offset: number): string[] {
  const K = kusto();
  const S = K.Syntax.SyntaxKind;
  const refs = nodesOfKind(root, S.NameReference);
  const at = refs.find((r) => r.TextStart === offset);
  for (let node: Node | null = at ?? null; node?.Parent; node = node.Parent) {
    const parent = node.Parent;
    if (parent.Kind !== S.PipeExpression) continue;
    const pipe = parent as Kusto.Language.Syntax.PipeExpression;
    if (pipe.Operator !== node || !pipe.Expression) continue;
    const input = tablesIn(refs, pipe.Expression);
    const joined = node.Kind === S.JoinOperator || node.Kind === S.LookupOperator ? tablesIn(refs, node) : [];
    return [...new Set([...input, ...joined])];
  }
  return tablesIn(refs, root);
}

/**
 * For one block, a function that explains the engine's unknown-name diagnostics whose name
 * belongs to the other environment (dialect/unknownName.ts). The block's syntax tree is only
 * read when it has such a diagnostic.
 */
export function dialectExplainer(
  analysis: DocumentAnalysis,
  ctx: BlockContext,
): (d: Kusto.Language.Diagnostic) => DialectExplanation | undefined {
  let root: Node | null | undefined;
  return (d) => {
    if (!d.Code || !UNKNOWN_NAME_CODES.has(d.Code)) return undefined;
    const name = ctx.query.region.text.slice(d.Start, d.Start + d.Length);
    if (!name) return undefined;
    root ??= boundCode(ctx, analysis.globals).Syntax;
    const tables = root ? tablesInScope(root, d.Start - ctx.block.Start) : [];
    return explainUnknownName({ name, environment: analysis.environment, tables }, builtinDialectFacts());
  };
}
