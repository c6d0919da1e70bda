import { activityWindows, byWindow } from './activityWindows';
import { ExecutionError, UnsupportedError } from './errors';
import type { QueryContext } from './queryContext';
import { elements, resultColumns, scalarTypeOf, type Expr } from './syntax';
import type { Table } from './table';
import type { Row } from './values';

/**
 * evaluate activity_metrics(IdColumn, TimelineColumn, Start, End, Window [, dim, ...])
 * (activity-metrics-plugin.md): for each window and combination of dimensions, the distinct ids
 * (dcount_values), those not in the previous window (dcount_newvalues), and the retention and
 * churn rates the page defines: the returning ids (this window's less its new ones) over the
 * ids of the previous window, and the ids lost (the previous window's less the returning) over
 * the same. The first window has no previous one, so both rates are
 * NaN, as the page's first row shows. The page's examples draw random data, so only these
 * definitions are checked, on data of our own. Without Start and End the windows' origin is not
 * said, so that form is refused by name.
 */
export function activityMetrics(
  op: Kusto.Language.Syntax.EvaluateOperator,
  input: Table,
  ctx: QueryContext,
): Table {
  const args = elements<Expr>(op.FunctionCall!.ArgumentList?.Expressions);
  if (args.length < 3) throw new ExecutionError('activity_metrics() needs an id, a timeline and a window');
  if (scalarTypeOf(args[2]) !== 'datetime' || args.length < 5)
    throw new UnsupportedError(
      'activity_metrics() without Start and End',
      'its page does not say where the windows begin then',
    );
  const [id, time, start, end, step, ...dims] = args;
  const cut = activityWindows('activity_metrics', { id, time, start, end, step, dims }, input, ctx);
  const columns = resultColumns(op);
  if (columns.length !== dims.length + 5)
    throw new ExecutionError(
      'activity_metrics(): the binder gave an output shape this executor does not know',
    );
  // The page's schema lists the dimensions last; the binder puts them after the timeline. The
  // columns are the binder's, so the values follow whichever order it gives.
  const dimsFirst = columns[1 + dims.length].name === 'dcount_values';
  const rows: Row[] = [];
  for (const [combo, dimValues] of cut.combos) {
    let previous: Set<unknown> | undefined;
    for (const window of cut.windows) {
      const ids = cut.cell(window, combo).ids;
      const fresh = previous === undefined ? ids.size : [...ids].filter((v) => !previous!.has(v)).length;
      const returning = ids.size - fresh;
      const retention = previous === undefined ? NaN : returning / previous.size;
      const churn = previous === undefined ? NaN : (previous.size - returning) / previous.size;
      const metrics = [ids.size, fresh, retention, churn];
      rows.push(dimsFirst ? [window, ...dimValues, ...metrics] : [window, ...metrics, ...dimValues]);
      previous = ids;
    }
  }
  return { columns, rows: byWindow(rows) };
}
