import { ExecutionError, UnsupportedError } from './errors';
import type { QueryContext } from './queryContext';
import { compileScalar } from './scalarCompiler';
import { constantValue, scopeOf } from './scope';
import { elements, type Expr } from './syntax';
import type { Table } from './table';

/**
 * evaluate rows_near(Condition, NumRows [, RowsAfter]) (rows-near-plugin.md): every row within
 * NumRows before, or RowsAfter (default NumRows) after, a row where Condition is true, each once
 * and in input order. "Near" is by position, so the rows must be in an order the query defined
 * (the page sorts first); over rows in no defined order Kusto's answer depends on an order it
 * does not promise, and the plugin is refused rather than answered with this executor's order.
 */
export function rowsNear(op: Kusto.Language.Syntax.EvaluateOperator, input: Table, ctx: QueryContext): Table {
  const args = elements<Expr>(op.FunctionCall!.ArgumentList?.Expressions);
  if (args.length < 2 || args.length > 3)
    throw new ExecutionError(
      'rows_near() takes a condition, a number of rows and an optional number of rows after',
    );
  if (input.serialized !== true)
    throw new UnsupportedError(
      'rows_near() over rows in no defined order',
      'which rows are near depends on the order; sort by, or serialize, before it',
    );
  const constant = (e: Expr) => constantValue(e, ctx);
  const count = (e: Expr, what: string): number => {
    const v = constant(e);
    const n = typeof v === 'bigint' ? Number(v) : v;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0)
      throw new ExecutionError(`rows_near(): ${what} must be a whole number, zero or more; got ${String(v)}`);
    return n;
  };
  const before = count(args[1], 'NumRows');
  const after = args[2] ? count(args[2], 'RowsAfter') : before;
  const condition = compileScalar(args[0], scopeOf(input, ctx));

  const keep = new Uint8Array(input.rows.length);
  input.rows.forEach((r, i) => {
    if (condition(r) !== true) return;
    const last = Math.min(input.rows.length - 1, i + after);
    for (let j = Math.max(0, i - before); j <= last; j++) keep[j] = 1;
  });
  return { columns: input.columns, rows: input.rows.filter((_, i) => keep[i]), serialized: true };
}
