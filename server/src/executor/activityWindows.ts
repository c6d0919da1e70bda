import { binAt } from './datetimeFunctions';
import { ExecutionError, UnsupportedError } from './errors';
import type { QueryContext } from './queryContext';
import { compileScalar } from './scalarCompiler';
import { constantValue, scopeOf } from './scope';
import type { Expr } from './syntax';
import type { Table } from './table';
import { keyPart } from './values';

/** The rows and distinct ids of one window for one combination of dimensions. */
export interface ActivityCell {
  count: number;
  ids: Set<unknown>;
}

/** The input of an activity plugin cut into windows of Step from Start to End, per combination. */
export interface ActivityWindows {
  windows: bigint[];
  /** Each combination of dimension values, in the order the input first shows it. */
  combos: Map<string, unknown[]>;
  /** The cell of a window and combination, with every window of a combination present. */
  cell(window: bigint, combo: string): ActivityCell;
}

/**
 * The windowing the activity plugins share (activity-counts-metrics-plugin.md,
 * activity-metrics-plugin.md): rows binned by Step from Start, rows after End left out, ids
 * counted as dcount() counts them. What their pages leave open is refused by name: a row before
 * Start (whether its id counts as seen before), a window with no rows for a combination that
 * appears in the period (a row of zeros or none), and a numeric timeline.
 */
export function activityWindows(
  plugin: string,
  exprs: { id: Expr; time: Expr; start: Expr; end: Expr; step: Expr; dims: Expr[] },
  input: Table,
  ctx: QueryContext,
): ActivityWindows {
  const constant = (e: Expr) => constantValue(e, ctx);
  const [start, end, step] = [exprs.start, exprs.end, exprs.step].map(constant);
  if (typeof start !== 'bigint' || typeof end !== 'bigint' || typeof step !== 'bigint')
    throw new UnsupportedError(
      `${plugin}() over a numeric timeline`,
      'only a datetime timeline with a timespan step is run locally',
    );
  if (step <= 0n) throw new ExecutionError(`${plugin}(): the step must be a positive timespan`);

  const scope = scopeOf(input, ctx);
  const idOf = compileScalar(exprs.id, scope);
  const timeOf = compileScalar(exprs.time, scope);
  const dimsOf = exprs.dims.map((d) => compileScalar(d, scope));
  const last = binAt(end, step, start) as bigint;
  const combos = new Map<string, unknown[]>();
  const cells = new Map<string, ActivityCell>();
  for (const r of input.rows) {
    ctx.checkCancelled();
    const t = timeOf(r);
    if (typeof t !== 'bigint') continue;
    if (t < start)
      throw new UnsupportedError(
        `${plugin}() over a row before Start`,
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
  const windows: bigint[] = [];
  for (let w = start; w <= last; w += step) windows.push(w);
  return {
    windows,
    combos,
    cell: (window, combo) => {
      const found = cells.get(`${window}|${combo}`);
      if (!found)
        throw new UnsupportedError(
          `${plugin}() with a window that has no rows`,
          'its page does not say whether such a window gives a row of zeros or no row',
        );
      return found;
    },
  };
}

/** Rows in order of their first column, a window's start. */
export function byWindow<R extends unknown[]>(rows: R[]): R[] {
  return rows.sort((a, b) =>
    (a[0] as bigint) < (b[0] as bigint) ? -1 : (a[0] as bigint) > (b[0] as bigint) ? 1 : 0,
  );
}
