import { kusto } from '../language/kustoEngine';
import { ExecutionError, UnsupportedError } from './errors';
import type { QueryContext } from './queryContext';
import { compileScalar, type Evaluator } from './scalarCompiler';
import { compileTupleItem } from './tupleItems';
import { scopeOf } from './scope';
import { elements, kindName, rejectParameters, resultColumns, type Expr } from './syntax';
import { columnIndex, sourcePositions, type Table } from './table';
import { compareValues, compositeKey, type Column, type Row } from './values';

/**
 * The row-at-a-time operators: where, project and its variants, extend, take, top, sort,
 * distinct, count. Output columns always come from the binder's result type for the operator,
 * so the executor names columns exactly as Kusto does (Column1, count_, a1 ...).
 */

export function where(op: Kusto.Language.Syntax.FilterOperator, input: Table, ctx: QueryContext): Table {
  rejectParameters(op, 'where', []);
  const test = compileScalar(op.Condition!, scopeOf(input, ctx));
  const rows: Row[] = [];
  for (const r of input.rows) if (test(r) === true) rows.push(r);
  return { columns: input.columns, rows };
}

/** The name an extend or project item gives its column, when it names one explicitly. */
function declaredName(e: Expr): string | undefined {
  return kindName(e) === 'SimpleNamedExpression'
    ? (e as Kusto.Language.Syntax.SimpleNamedExpression).Name!.SimpleName!
    : undefined;
}

function valueOf(e: Expr): Expr {
  const k = kindName(e);
  if (k === 'SimpleNamedExpression') return (e as Kusto.Language.Syntax.SimpleNamedExpression).Expression!;
  if (k === 'CompoundNamedExpression')
    throw new UnsupportedError('assigning to several columns at once, (a, b) = ...');
  return e;
}

export function project(op: Kusto.Language.Syntax.ProjectOperator, input: Table, ctx: QueryContext): Table {
  const out = resultColumns(op);
  const scope = scopeOf(input, ctx);
  // An item of several columns (series_stats(y)) fills as many of the binder's columns.
  const fs = elements(op.Expressions).flatMap(
    (e) => compileTupleItem(e, scope)?.columns ?? [compileScalar(valueOf(e), scope)],
  );
  if (fs.length !== out.length) throw new UnsupportedError('project with wildcards');
  return { columns: out, rows: input.rows.map((r) => fs.map((f) => f(r))) };
}

export function extend(op: Kusto.Language.Syntax.ExtendOperator, input: Table, ctx: QueryContext): Table {
  const out = resultColumns(op);
  const items = elements(op.Expressions);
  const scope = scopeOf(input, ctx);
  const inputNames = new Set(input.columns.map((c) => c.name));
  const tuples = new Map(items.map((e) => [e, compileTupleItem(e, scope)] as const));
  const explicit = new Set([
    ...items.map(declaredName).filter((n): n is string => !!n),
    ...[...tuples.values()].flatMap((t) => t?.names ?? []),
  ]);
  // Unnamed items take the new columns the binder invented for them, in order.
  const carried = sourcePositions(out, input.columns);
  const invented = out
    .filter((_, i) => carried[i] === undefined)
    .map((c) => c.name)
    .filter((n) => !inputNames.has(n) && !explicit.has(n));
  const assigned = new Map<string, Evaluator>();
  for (const e of items) {
    const tuple = tuples.get(e);
    if (tuple) {
      tuple.names.forEach((name, i) => assigned.set(name, tuple.columns[i]));
      continue;
    }
    // An unnamed item whose name Kusto derives from an input column (`extend Col`,
    // `extend tostring(Col)`) replaces that column rather than adding one.
    const derived = declaredName(e) ? undefined : kusto().KustoFacts.GetExpressionResultName(e, null);
    const name = declaredName(e) ?? (derived && inputNames.has(derived) ? derived : invented.shift());
    if (!name) throw new ExecutionError('extend: could not name a computed column');
    assigned.set(name, compileScalar(valueOf(e), scope));
  }
  const sources: Evaluator[] = out.map((c, at) => {
    const f = assigned.get(c.name);
    if (f) return f;
    const i = carried[at];
    if (i === undefined) throw new ExecutionError(`extend: column '${c.name}' has no source`);
    return (r: Row) => r[i];
  });
  return { columns: out, rows: input.rows.map((r) => sources.map((f) => f(r))) };
}

/** project-away, project-reorder, project-keep: the binder's result already says which columns remain. */
export function selectByResult(op: Expr, input: Table): Table {
  const out = resultColumns(op);
  const from = sourcePositions(out, input.columns);
  const positions = out.map((c, at) => {
    const i = from[at];
    if (i === undefined) throw new ExecutionError(`column '${c.name}' is not in the input`);
    return i;
  });
  return { columns: out, rows: input.rows.map((r) => positions.map((i) => r[i])) };
}

export function projectRename(op: Kusto.Language.Syntax.ProjectRenameOperator, input: Table): Table {
  const out = resultColumns(op);
  const renames = new Map<string, string>();
  for (const e of elements(op.Expressions)) {
    const named = e as Kusto.Language.Syntax.SimpleNamedExpression;
    renames.set(
      named.Name!.SimpleName!,
      (named.Expression as Kusto.Language.Syntax.NameReference).SimpleName!,
    );
  }
  const index = columnIndex(input.columns);
  const from = sourcePositions(out, input.columns);
  const positions = out.map((c, at) => {
    const renamed = renames.get(c.name);
    const i = renamed !== undefined ? index.get(renamed) : from[at];
    if (i === undefined) throw new ExecutionError(`project-rename: column '${c.name}' has no source`);
    return i;
  });
  return { columns: out, rows: input.rows.map((r) => positions.map((i) => r[i])) };
}

export function constantNumber(e: Expr, input: Table, ctx: QueryContext, what: string): number {
  const v = compileScalar(e, scopeOf({ columns: [], rows: [] }, ctx))([]);
  void input;
  if (typeof v !== 'number' || v < 0)
    throw new ExecutionError(`${what} needs a non-negative number, got ${String(v)}`);
  return Math.floor(v);
}

export function take(op: Kusto.Language.Syntax.TakeOperator, input: Table, ctx: QueryContext): Table {
  rejectParameters(op, 'take', []);
  const n = constantNumber(op.Expression!, input, ctx, 'take');
  return { columns: input.columns, rows: input.rows.slice(0, n) };
}

interface SortKey {
  f: Evaluator;
  desc: boolean;
  nullsFirst: boolean;
}

function sortKeys(items: Expr[], input: Table, ctx: QueryContext): SortKey[] {
  const scope = scopeOf(input, ctx);
  return items.map((item) => {
    let e = item;
    let desc = true;
    let nullsFirst: boolean | undefined;
    if (kindName(item) === 'OrderedExpression') {
      const o = item as Kusto.Language.Syntax.OrderedExpression;
      e = o.Expression!;
      const dir = o.Ordering?.AscOrDescKeyword?.Text?.toLowerCase();
      if (dir === 'asc') desc = false;
      const nulls = o.Ordering?.NullsClause?.FirstOrLastKeyword?.Text?.toLowerCase();
      if (nulls) nullsFirst = nulls === 'first';
    }
    // Kusto puts nulls last when descending and first when ascending, unless told otherwise.
    return { f: compileScalar(e, scope), desc, nullsFirst: nullsFirst ?? !desc };
  });
}

function sortRows(rows: Row[], keys: SortKey[]): Row[] {
  const decorated = rows.map((r) => ({ r, k: keys.map((key) => key.f(r)) }));
  decorated.sort((a, b) => {
    for (let i = 0; i < keys.length; i++) {
      const x = a.k[i];
      const y = b.k[i];
      if (x === y) continue;
      const xNull = x === null || x === undefined;
      const yNull = y === null || y === undefined;
      if (xNull || yNull) {
        if (xNull && yNull) continue;
        return (xNull ? -1 : 1) * (keys[i].nullsFirst ? 1 : -1);
      }
      const c = compareValues(x, y);
      if (c !== 0) return keys[i].desc ? -c : c;
    }
    return 0;
  });
  return decorated.map((d) => d.r);
}

export function sort(op: Kusto.Language.Syntax.SortOperator, input: Table, ctx: QueryContext): Table {
  rejectParameters(op, 'sort', []);
  return {
    columns: input.columns,
    rows: sortRows(input.rows, sortKeys(elements(op.Expressions), input, ctx)),
  };
}

export function top(op: Kusto.Language.Syntax.TopOperator, input: Table, ctx: QueryContext): Table {
  rejectParameters(op, 'top', []);
  const n = constantNumber(op.Expression!, input, ctx, 'top');
  return {
    columns: input.columns,
    rows: sortRows(input.rows, sortKeys([op.ByExpression!], input, ctx)).slice(0, n),
  };
}

export function distinct(op: Kusto.Language.Syntax.DistinctOperator, input: Table, ctx: QueryContext): Table {
  rejectParameters(op, 'distinct', []);
  const out: Column[] = resultColumns(op);
  const scope = scopeOf(input, ctx);
  const items = elements(op.Expressions);
  const fs: Evaluator[] =
    items.length === 1 && kindName(items[0]) === 'StarExpression'
      ? sourcePositions(out, input.columns).map((i, at) => {
          if (i === undefined) throw new ExecutionError(`distinct: column '${out[at].name}' has no source`);
          return (r: Row) => r[i];
        })
      : items.map((e) => compileScalar(valueOf(e), scope));
  const seen = new Set<unknown>();
  const rows: Row[] = [];
  for (const r of input.rows) {
    const values = fs.map((f) => f(r));
    const key = compositeKey(values);
    if (seen.has(key)) continue;
    seen.add(key);
    rows.push(values);
  }
  return { columns: out, rows };
}

export function count(op: Kusto.Language.Syntax.CountOperator, input: Table): Table {
  return { columns: resultColumns(op), rows: [[input.rows.length]] };
}
