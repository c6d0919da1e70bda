import type { QueryAnalysis } from '../language/documentAnalysis';
import { analysedCode } from '../language/engineBlocks';
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
  /** Names of the tables read that have a `ReportId` column (Defender's event tables); absent when not gathered. */
  readonly tablesWithReportId?: readonly string[];
}

export function queryFacts(query: QueryAnalysis): QueryFacts {
  const K = kusto();
  let outputColumns: string[] | undefined;
  const tables = new Set<string>();
  const withReportId = new Set<string>();
  for (const block of toArray(query.script.Blocks)) {
    // Without the engine's analysis (see analysedCode) the checks that need it are skipped rather
    // than wrong.
    const code = analysedCode(block);
    if (!code?.Syntax) continue;
    K.Syntax.SyntaxElement.WalkNodes(code.Syntax, (node: Kusto.Language.Syntax.SyntaxNode) => {
      const symbol = node.ReferencedSymbol;
      if (symbol?.Kind === K.Symbols.SymbolKind.Table && node.Kind === K.Syntax.SyntaxKind.NameReference) {
        tables.add(symbol.Name!);
        // Only Defender's custom detection check asks; the engine finds a column by name cheaply.
        if ((symbol as Kusto.Language.Symbols.TableSymbol).TryGetColumn('ReportId', { v: null }))
          withReportId.add(symbol.Name!);
      }
    });
    const result = code.ResultType;
    if (result?.Kind === K.Symbols.SymbolKind.Table) {
      const table = result as Kusto.Language.Symbols.TableSymbol;
      outputColumns = table.IsOpen ? undefined : toArray(table.Columns).map((c) => c.Name!);
    }
  }
  return { outputColumns, tablesRead: [...tables], tablesWithReportId: [...withReportId] };
}
