import type { DocumentAnalysis } from '../../language/documentAnalysis';
import { analysedCode } from '../../language/engineBlocks';
import { kusto, toArray } from '../../language/kustoEngine';

/**
 * What formatting must not change about a document's queries: for every query block, in order,
 * the columns (name and type) or scalar type it yields and the errors the engine reports on it.
 * Whitespace and line breaks are all a formatter should touch, so both must come out the same; a
 * difference means the formatter (or the way its text was written back) changed the query.
 */
export interface BlockMeaning {
  /** `name:type, ...` for a tabular result, the type's name for a scalar one, `none` otherwise. */
  readonly result: string;
  /** The engine's errors as `code message`, sorted; positions are left out since they move. */
  readonly errors: readonly string[];
}

export function documentMeaning(analysis: DocumentAnalysis): BlockMeaning[][] {
  return analysis.queries.map((query) => toArray(query.script.Blocks).map(blockMeaning));
}

function blockMeaning(block: Kusto.Language.Editor.CodeBlock): BlockMeaning {
  const K = kusto();
  const errors = toArray(block.Service!.GetDiagnostics())
    .filter((d) => d.Severity === 'Error')
    .map((d) => `${d.Code ?? ''} ${d.Message ?? ''}`)
    .sort();
  const type = analysedCode(block)?.ResultType;
  let result = 'none';
  if (type?.Kind === K.Symbols.SymbolKind.Table) {
    const table = type as Kusto.Language.Symbols.TableSymbol;
    const columns = toArray(table.Columns).map((c) => `${c.Name}:${c.Type?.Name ?? '?'}`);
    result = `(${columns.join(', ')})${table.IsOpen ? ' open' : ''}`;
  } else if (type) result = type.Name ?? 'unknown';
  return { result, errors };
}

/**
 * Why `after` does not mean what `before` does, or undefined when it does: the same number of
 * queries and blocks, each with the same result, and no error that was not there before.
 */
export function meaningChange(
  before: readonly (readonly BlockMeaning[])[],
  after: readonly (readonly BlockMeaning[])[],
): string | undefined {
  if (before.length !== after.length)
    return `it would hold ${after.length} queries instead of ${before.length}`;
  for (let q = 0; q < before.length; q++) {
    if (before[q].length !== after[q].length)
      return `a query would split into ${after[q].length} parts instead of ${before[q].length}`;
    for (let b = 0; b < before[q].length; b++) {
      const was = before[q][b];
      const now = after[q][b];
      if (was.result !== now.result)
        return `a query's result would change from ${shortened(was.result)} to ${shortened(now.result)}`;
      const known = new Set(was.errors);
      const added = now.errors.find((e) => !known.has(e));
      if (added !== undefined) return `a query would gain the error ${added.trim()}`;
    }
  }
  return undefined;
}

/** A result for a message: a wide table's column list is cut, since one line is enough to find the query. */
function shortened(result: string): string {
  return result.length <= 120 ? result : `${result.slice(0, 117)}...)`;
}
