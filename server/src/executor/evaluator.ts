import type { QueryContext } from './queryContext';
import type { Column, Row } from './values';

/**
 * Compiles a bound scalar expression to a closure over one row. Compiling once per operator,
 * rather than walking the tree per row, is what keeps a million-row scan within budget.
 */
export type Evaluator = (row: Row) => unknown;

export interface Scope {
  readonly columns: readonly Column[];
  readonly index: ReadonlyMap<string, number>;
  readonly ctx: QueryContext;
  /**
   * Syntax nodes already compiled by the caller: in `summarize d = max(T) - min(T)` each aggregate
   * call is folded by summarize and read from here by the expression around it.
   */
  readonly compiled?: ReadonlyMap<object, Evaluator>;
}
