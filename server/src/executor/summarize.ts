import { aggregateWidth, compileAggregate, type Accumulator, type CompiledAggregate } from './aggregates';
import { ExecutionError, UnsupportedError } from './errors';
import type { QueryContext } from './queryContext';
import { compileScalar, isAggregateName, type Evaluator, type Scope } from './scalarCompiler';
import { scopeOf } from './scope';
import { elements, kindName, rejectParameters, resultColumns, type Expr } from './syntax';
import type { Table } from './table';
import { compositeKey, type Row } from './values';

/**
 * summarize: groups rows by the `by` expressions and folds each group with its aggregates.
 * The binder's result type lists the by columns first, then each aggregate's columns.
 */
export function summarize(
  op: Kusto.Language.Syntax.SummarizeOperator,
  input: Table,
  ctx: QueryContext,
): Table {
  // The shuffle hints (summarize-operator.md) say how the service spreads the work, not what it computes.
  rejectParameters(op, 'summarize', ['hint.strategy', 'hint.shufflekey', 'hint.num_partitions']);
  if (op.ByClause?.BinClause) throw new UnsupportedError("summarize's bin= clause");
  const out = resultColumns(op);
  const scope = scopeOf(input, ctx);
  const byItems = elements(op.ByClause?.Expressions);
  const byNames = starExclusions(byItems);
  const byFs = byItems.map((e) => compileScalar(unnamed(e), scope));
  const aggItems = elements(op.Aggregates).map(unnamed);
  let at = byItems.length;
  const aggs = aggItems.map((e) => {
    if (!isAggregateCall(e)) {
      at += 1;
      return compileAggregateExpression(e, scope, byNames);
    }
    const width = aggregateWidth(e, input.columns, byNames);
    const agg = compileAggregate(e, scope, out.slice(at, at + width), byNames);
    at += width;
    return agg;
  });
  if (at !== out.length)
    throw new ExecutionError(`summarize: computed ${at} columns where Kusto expects ${out.length}`);

  const groups = new Map<unknown, { by: unknown[]; accs: Accumulator[] }>();
  const single = byFs.length === 1 ? byFs[0] : undefined;
  let n = 0;
  for (const r of input.rows) {
    if ((++n & 0xffff) === 0) ctx.checkCancelled();
    const by = single ? [single(r)] : byFs.map((f) => f(r));
    const key = compositeKey(by);
    let g = groups.get(key);
    if (!g) {
      g = { by, accs: aggs.map((a) => a.create()) };
      groups.set(key, g);
    }
    for (const acc of g.accs) acc.add(r);
  }
  // Without by columns, summarize returns one row even for empty input (count() = 0).
  if (byFs.length === 0 && groups.size === 0) groups.set(null, { by: [], accs: aggs.map((a) => a.create()) });
  const rows: Row[] = [];
  for (const g of groups.values()) {
    const row: Row = [...g.by];
    for (const acc of g.accs) row.push(...acc.result());
    rows.push(row);
  }
  return { columns: out, rows };
}

export function isAggregateCall(e: Expr): boolean {
  if (kindName(e) !== 'FunctionCallExpression') return false;
  const call = e as Kusto.Language.Syntax.FunctionCallExpression;
  return isAggregateName(call.Name?.SimpleName ?? '', elements(call.ArgumentList?.Expressions).length);
}

/** The aggregate calls inside an expression, outermost first (an aggregate's own arguments are not searched). */
export function aggregateCallsIn(e: Expr): Expr[] {
  if (isAggregateCall(e)) return [e];
  const found: Expr[] = [];
  for (let i = 0; i < e.ChildCount; i++) {
    const child = e.GetChild(i);
    if (child && !child.IsToken) found.push(...aggregateCallsIn(child as Expr));
  }
  return found;
}

/**
 * An expression over aggregates, such as `datetime_diff('minute', max(T), min(T))` or
 * `count() * 2`: each aggregate call folds the group as usual, and the expression around them is
 * computed from their results once the group is complete.
 */
export function compileAggregateExpression(
  e: Expr,
  scope: Scope,
  byNames: ReadonlySet<string>,
): CompiledAggregate {
  const calls = aggregateCallsIn(e);
  if (calls.length === 0) throw new UnsupportedError('a summarize item with no aggregate function');
  const parts = calls.map((call) => {
    const agg = compileAggregate(call, scope, [], byNames);
    if (agg.width !== 1) throw new UnsupportedError('an aggregate of several columns inside an expression');
    return agg;
  });
  const compiled = new Map<object, Evaluator>(calls.map((call, i) => [call, (r: Row) => r[i]]));
  // Outside its aggregates the expression sees no row: only constants and the aggregates' results.
  const outer = compileScalar(e, { columns: [], index: new Map(), ctx: scope.ctx, compiled });
  return {
    width: 1,
    create: () => {
      const accs = parts.map((p) => p.create());
      return {
        add: (r) => {
          for (const acc of accs) acc.add(r);
        },
        result: () => [outer(accs.map((acc) => acc.result()[0]))],
      };
    },
  };
}

/**
 * The input columns that `arg_max(x, *)` leaves out as by columns: those a by item names as a plain
 * column (`by a`, `by x = a`). A computed one (`by bin(TimeGenerated, 1h)`) leaves its column in,
 * renamed TimeGenerated1, as the binder's result shows.
 */
export function starExclusions(byItems: Expr[]): Set<string> {
  const names = byItems
    .map(unnamed)
    .filter((e) => kindName(e) === 'NameReference')
    .map((e) => (e as Kusto.Language.Syntax.NameReference).SimpleName!);
  return new Set(names);
}

function unnamed(e: Expr): Expr {
  const kind = kindName(e);
  // `(A, B) = arg_min(...)` names several columns at once; the binder has named the outputs.
  return kind === 'SimpleNamedExpression' || kind === 'CompoundNamedExpression'
    ? (e as Kusto.Language.Syntax.NamedExpression & { Expression: Expr | null }).Expression!
    : e;
}
