import { aggregateWidth, compileAggregate, type Accumulator } from './aggregates';
import { ExecutionError, UnsupportedError } from './errors';
import type { QueryContext } from './queryContext';
import { compileScalar } from './scalarCompiler';
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
  rejectParameters(op, 'summarize', []);
  if (op.ByClause?.BinClause) throw new UnsupportedError("summarize's bin= clause");
  const out = resultColumns(op);
  const scope = scopeOf(input, ctx);
  const byItems = elements(op.ByClause?.Expressions);
  const byNames = new Set(out.slice(0, byItems.length).map((c) => c.name));
  const byFs = byItems.map((e) => compileScalar(unnamed(e), scope));
  const aggItems = elements(op.Aggregates).map(unnamed);
  let at = byItems.length;
  const aggs = aggItems.map((e) => {
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

function unnamed(e: Expr): Expr {
  return kindName(e) === 'SimpleNamedExpression'
    ? (e as Kusto.Language.Syntax.SimpleNamedExpression).Expression!
    : e;
}
