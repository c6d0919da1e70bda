import type { QueryContext } from './queryContext';
import type { Scope } from './scalarCompiler';
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
