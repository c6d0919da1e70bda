import type { QueryAnalysis } from '../language/documentAnalysis';
import { kusto, toArray } from '../language/kustoEngine';

/**
 * What the engine knows about a rule's query: the columns of its result and the tables it
 * reads. A rule query is one query, but the engine splits text at blank lines into blocks with
 * the earlier `let` statements in scope, so the result is that of the last block that yields a
 * table, and the tables read are gathered from every block.
 */
export interface QueryFacts {
  /** Output column names, or undefined when the result's shape is not known exactly. */
  readonly outputColumns: readonly string[] | undefined;
  /** Names of the tables the query reads, as the schema spells them. */
  readonly tablesRead: readonly string[];
}

interface BoundCodeService {
  TryGetBoundCode(cancellationToken: unknown, waitForAnalysis: boolean, code: { v: Kusto.Language.KustoCode | null }): boolean;
}

/**
 * The bound syntax tree of a block. The block's public service has no accessor for it, so this
 * reaches the KustoCodeService inside the offset wrapper; it returns undefined if that ever
 * changes or the engine fails on the text, and the checks that need it are then skipped rather
 * than wrong.
 */
function boundCode(block: Kusto.Language.Editor.CodeBlock): Kusto.Language.KustoCode | undefined {
  const inner = (block.Service as unknown as { _service?: Partial<BoundCodeService> })._service;
  if (typeof inner?.TryGetBoundCode !== 'function') return undefined;
  const ref: { v: Kusto.Language.KustoCode | null } = { v: null };
  try {
    return inner.TryGetBoundCode(null, true, ref) && ref.v ? ref.v : undefined;
  } catch {
    // The engine's binder throws on some malformed text; the diagnostics report that query.
    return undefined;
  }
}

export function queryFacts(query: QueryAnalysis): QueryFacts {
  const K = kusto();
  let outputColumns: string[] | undefined;
  const tables = new Set<string>();
  for (const block of toArray(query.script.Blocks)) {
    const code = boundCode(block);
    if (!code?.Syntax) continue;
    K.Syntax.SyntaxElement.WalkNodes(code.Syntax, (node: Kusto.Language.Syntax.SyntaxNode) => {
      const symbol = node.ReferencedSymbol;
      if (symbol?.Kind === K.Symbols.SymbolKind.Table && node.Kind === K.Syntax.SyntaxKind.NameReference) tables.add(symbol.Name!);
    });
    const result = code.ResultType;
    if (result?.Kind === K.Symbols.SymbolKind.Table) {
      const table = result as Kusto.Language.Symbols.TableSymbol;
      outputColumns = table.IsOpen ? undefined : toArray(table.Columns).map((c) => c.Name!);
    }
  }
  return { outputColumns, tablesRead: [...tables] };
}
