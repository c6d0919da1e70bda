import { binAt } from './datetimeFunctions';
import { ExecutionError, UnsupportedError } from './errors';
import type { QueryContext } from './queryContext';
import { compileScalar } from './scalarCompiler';
import { scopeOf } from './scope';
import { elements, resultColumns, type Expr } from './syntax';
import type { Table } from './table';
import { keyPart, type Row } from './values';

/**
 * evaluate activity_counts_metrics(IdColumn, TimelineColumn, Start, End, Step [, dim, ...])
 * (activity-counts-metrics-plugin.md): for each window of Step from Start to End, and each
 * combination of dimensions, the rows (count), the distinct ids (dcount), the ids not seen in any
 * earlier window (new_dcount) and the distinct ids from the first window up to this one
 * (aggregated_dcount). Ids are counted as dcount() counts them; rows after End are left out.
 *
 * Refused by name where the page is silent: a row before Start (whether it counts as "seen
 * before"), a window with no rows for a combination that appears in the period (whether it gives
 * a row of zeros or none) and numeric timelines; the binder takes no calendar step such as 'week'.
 */
export function activityCountsMetrics(
  op: Kusto.Language.Syntax.EvaluateOperator,
  input: Table,
  ctx: QueryContext,
): Table {
  const args = elements<Expr>(op.FunctionCall!.ArgumentList?.Expressions);
  if (args.length < 5)
    throw new ExecutionError('activity_counts_metrics() needs an id, a timeline, a start, an end and a step');
  const [idExpr, timeExpr, startExpr, endExpr, stepExpr, ...dimExprs] = args;
  const constant = (e: Expr) => compileScalar(e, scopeOf({ columns: [], rows: [] }, ctx))([]);
  const [start, end, step] = [startExpr, endExpr, stepExpr].map(constant);
  if (typeof start !== 'bigint' || typeof end !== 'bigint' || typeof step !== 'bigint')
    throw new UnsupportedError(
      'activity_counts_metrics() over a numeric timeline',
      'only a datetime timeline with a timespan step is run locally',
    );
  if (step <= 0n) throw new ExecutionError('activity_counts_metrics(): the step must be a positive timespan');

  const scope = scopeOf(input, ctx);
  const idOf = compileScalar(idExpr, scope);
  const timeOf = compileScalar(timeExpr, scope);
  const dimsOf = dimExprs.map((d) => compileScalar(d, scope));
  const last = binAt(end, step, start) as bigint;

  // The ids and rows of each (window, combination), and the combinations in first-seen order.
  const combos = new Map<string, unknown[]>();
  const cells = new Map<string, { count: number; ids: Set<unknown> }>();
  for (const r of input.rows) {
    ctx.checkCancelled();
    const t = timeOf(r);
    if (typeof t !== 'bigint') continue;
    if (t < start)
      throw new UnsupportedError(
        'activity_counts_metrics() over a row before Start',
        'its page does not say whether such an id counts as seen before; filter the rows to the period first',
      );
    const window = binAt(t, step, start) as bigint;
    if (window > last) continue;
    const dims = dimsOf.map((f) => f(r));
    const combo = JSON.stringify(dims.map((v) => String(keyPart(v))));
    if (!combos.has(combo)) combos.set(combo, dims);
    const key = `${window}|${combo}`;
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = { count: 0, ids: new Set() }));
    cell.count++;
    const id = idOf(r);
    if (id !== null && id !== '') cell.ids.add(keyPart(id));
  }

  const rows: Row[] = [];
  for (const [combo, dims] of combos) {
    const seen = new Set<unknown>();
    for (let window = start; window <= last; window += step) {
      const cell = cells.get(`${window}|${combo}`);
      if (!cell)
        throw new UnsupportedError(
          'activity_counts_metrics() with a window that has no rows',
          'its page does not say whether such a window gives a row of zeros or no row',
        );
      let fresh = 0;
      for (const id of cell.ids)
        if (!seen.has(id)) {
          seen.add(id);
          fresh++;
        }
      rows.push([window, ...dims, cell.count, cell.ids.size, fresh, seen.size]);
    }
  }
  rows.sort((a, b) =>
    (a[0] as bigint) < (b[0] as bigint) ? -1 : (a[0] as bigint) > (b[0] as bigint) ? 1 : 0,
  );
  const columns = resultColumns(op);
  if (columns.length !== dimExprs.length + 5)
    throw new ExecutionError(
      'activity_counts_metrics(): the binder gave an output shape this executor does not know',
    );
  return { columns, rows };
}
