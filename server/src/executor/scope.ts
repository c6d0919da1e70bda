import type { QueryContext } from './queryContext';
import { compileScalar, type Scope } from './scalarCompiler';
import type { Expr } from './syntax';
import { columnIndex, type Table } from './table';

/** The scope in which an operator's expressions see the columns of its input. */
export function scopeOf(input: Table, ctx: QueryContext): Scope {
  return {
    columns: input.columns,
    index: columnIndex(input.columns),
    ctx,
    rows: input.rows,
    serialized: input.serialized ?? false,
  };
}

/** The value of an expression that reads no row: a plugin's or operator's constant argument. */
export function constantValue(e: Expr, ctx: QueryContext): unknown {
  return compileScalar(e, scopeOf({ columns: [], rows: [] }, ctx))([]);
}
