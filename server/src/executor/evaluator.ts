import type { QueryContext } from './queryContext';
import type { Serialized } from './table';
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
  /** The operator's input rows and whether their order is defined, for the window functions. */
  readonly rows?: readonly Row[];
  readonly serialized?: Serialized;
  /**
   * Syntax nodes already compiled by the caller: in `summarize d = max(T) - min(T)` each aggregate
   * call is folded by summarize and read from here by the expression around it.
   */
  readonly compiled?: ReadonlyMap<object, Evaluator>;
}
