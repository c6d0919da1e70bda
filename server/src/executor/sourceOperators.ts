import { ExecutionError, UnsupportedError } from './errors';
import { ExactDecimal } from './exactDecimal';
import type { QueryContext } from './queryContext';
import { compileScalar } from './scalarCompiler';
import { scopeOf } from './scope';
import { elements, kindName, resultColumns, scalarTypeOf } from './syntax';
import { compileTupleItem } from './tupleItems';
import type { Table } from './table';
import { LONG_MAX, LONG_MIN, normalLong } from './longs';
import { fromExternal, isIntegerType, toDynamic, type Row } from './values';

/** Operators that make a table from nothing: datatable, range, print. */

const NO_INPUT: Table = { columns: [], rows: [] };

export function datatable(expr: Kusto.Language.Syntax.DataTableExpression, ctx: QueryContext): Table {
  const out = resultColumns(expr);
  const scope = scopeOf(NO_INPUT, ctx);
  const values = elements(expr.Values).map((e) => {
    const v = compileScalar(e, scope)([]);
    return { v, type: scalarTypeOf(e) };
  });
  if (out.length === 0 || values.length % out.length !== 0) {
    throw new ExecutionError(`datatable: ${values.length} values do not fill rows of ${out.length} columns`);
  }
  const rows: Row[] = [];
  for (let i = 0; i < values.length; i += out.length) {
    rows.push(
      out.map((c, j) => {
        const { v, type } = values[i + j];
        if (type === c.type || v === null) return v === null ? fromExternal(null, c.type) : v;
        // A real becomes a decimal only where no rounding comes in (exactDecimal.ts).
        if (c.type === 'decimal' && type === 'real')
          return ExactDecimal.fromReal(v as number, 'a real in a decimal column of datatable');
        // A literal of another type (an int for a real column, a string for dynamic) is converted.
        return c.type === 'dynamic' ? toDynamic(v, type) : fromExternal(v, c.type);
      }),
    );
  }
  return { columns: out, rows };
}

const MAX_RANGE_ROWS = 10_000_000;

export function range(op: Kusto.Language.Syntax.RangeOperator, ctx: QueryContext): Table {
  const out = resultColumns(op);
  const scope = scopeOf(NO_INPUT, ctx);
  const from = compileScalar(op.From!, scope)([]);
  const to = compileScalar(op.To!, scope)([]);
  const step = compileScalar(op.Step!, scope)([]);
  if ([from, to, step].some((v) => v instanceof ExactDecimal))
    throw new UnsupportedError('range over decimals', 'its steps would need decimal arithmetic of its own');
  if (isIntegerType(out[0]?.type) && [from, to, step].some((v) => typeof v === 'bigint'))
    return { columns: out, rows: bigLongRange(from, to, step) };
  // Numbers step as numbers; datetimes and timespans (bigint ticks) step by a timespan.
  const numeric = typeof from === 'number' && typeof to === 'number' && typeof step === 'number';
  const ticks = typeof from === 'bigint' && typeof to === 'bigint' && typeof step === 'bigint';
  if ((!numeric && !ticks) || !step) {
    throw new ExecutionError('range needs numeric, datetime or timespan bounds and a non-zero step');
  }
  const add = ticks
    ? (v: unknown) => (v as bigint) + (step as bigint)
    : (v: unknown) => (v as number) + (step as number);
  const rising = (step as number | bigint) > 0;
  const rows: Row[] = [];
  for (
    let v: unknown = from;
    rising ? (v as number) <= (to as number) : (v as number) >= (to as number);
    v = add(v)
  ) {
    if (rows.length >= MAX_RANGE_ROWS)
      throw new ExecutionError(`range produces more than ${MAX_RANGE_ROWS} rows`);
    rows.push([v]);
  }
  return { columns: out, rows };
}

/** A range of longs with a bound or step beyond 2^53, stepped exactly (longs.ts); it stops at 2^63. */
function bigLongRange(from: unknown, to: unknown, step: unknown): Row[] {
  const asBig = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) ? BigInt(v) : v);
  const [a, b, s] = [asBig(from), asBig(to), asBig(step)];
  if (typeof a !== 'bigint' || typeof b !== 'bigint' || typeof s !== 'bigint' || s === 0n)
    throw new ExecutionError('range needs numeric, datetime or timespan bounds and a non-zero step');
  const rows: Row[] = [];
  for (let v = a; s > 0n ? v <= b : v >= b; v += s) {
    if (v > LONG_MAX || v < LONG_MIN) break;
    if (rows.length >= MAX_RANGE_ROWS)
      throw new ExecutionError(`range produces more than ${MAX_RANGE_ROWS} rows`);
    rows.push([normalLong(v)]);
  }
  return rows;
}

export function print(op: Kusto.Language.Syntax.PrintOperator, ctx: QueryContext): Table {
  const out = resultColumns(op);
  const scope = scopeOf(NO_INPUT, ctx);
  // An item of several columns (print array_sort_asc(a, b)) fills as many of the binder's columns;
  // a named one (print x = series_fft(y)) only the columns it names, as the binder gives print.
  const row = elements(op.Expressions).flatMap((e) => {
    const tuple = compileTupleItem(e, scope);
    if (tuple)
      return (tuple.declared > 0 ? tuple.columns.slice(0, tuple.declared) : tuple.columns).map((f) => f([]));
    const value =
      kindName(e) === 'SimpleNamedExpression'
        ? (e as Kusto.Language.Syntax.SimpleNamedExpression).Expression!
        : e;
    return [compileScalar(value, scope)([])];
  });
  if (row.length !== out.length)
    throw new UnsupportedError(`print of ${row.length} values where the binder gives ${out.length} columns`);
  return { columns: out, rows: [row] };
}
