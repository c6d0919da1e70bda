import { activityWindows, byWindow } from './activityWindows';
import { ExecutionError } from './errors';
import type { QueryContext } from './queryContext';
import { elements, resultColumns, type Expr } from './syntax';
import type { Table } from './table';
import type { Row } from './values';

/**
 * evaluate activity_counts_metrics(IdColumn, TimelineColumn, Start, End, Step [, dim, ...])
 * (activity-counts-metrics-plugin.md): for each window and combination of dimensions, the rows
 * (count), the distinct ids (dcount), the ids not seen in any earlier window (new_dcount) and the
 * distinct ids from the first window up to this one (aggregated_dcount). The windowing, and what
 * it refuses, is activityWindows.ts's.
 */
export function activityCountsMetrics(
  op: Kusto.Language.Syntax.EvaluateOperator,
  input: Table,
  ctx: QueryContext,
): Table {
  const args = elements<Expr>(op.FunctionCall!.ArgumentList?.Expressions);
  if (args.length < 5)
    throw new ExecutionError('activity_counts_metrics() needs an id, a timeline, a start, an end and a step');
  const [id, time, start, end, step, ...dims] = args;
  const cut = activityWindows('activity_counts_metrics', { id, time, start, end, step, dims }, input, ctx);
  const rows: Row[] = [];
  for (const [combo, dimValues] of cut.combos) {
    const seen = new Set<unknown>();
    for (const window of cut.windows) {
      const cell = cut.cell(window, combo);
      let fresh = 0;
      for (const v of cell.ids)
        if (!seen.has(v)) {
          seen.add(v);
          fresh++;
        }
      rows.push([window, ...dimValues, cell.count, cell.ids.size, fresh, seen.size]);
    }
  }
  const columns = resultColumns(op);
  if (columns.length !== dims.length + 5)
    throw new ExecutionError(
      'activity_counts_metrics(): the binder gave an output shape this executor does not know',
    );
  return { columns, rows: byWindow(rows) };
}
