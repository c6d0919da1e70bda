import { bin, binAt } from './datetimeFunctions';
import { ExecutionError, UnsupportedError } from './errors';
import type { QueryContext } from './queryContext';
import { compileScalar } from './scalarCompiler';
import { constantValue, scopeOf } from './scope';
import { elements, resultColumns, type Expr } from './syntax';
import type { Table } from './table';
import { keyPart, type Row } from './values';

/**
 * evaluate active_users_count(IdColumn, TimelineColumn, Start, End, LookbackWindow, Period,
 * ActivePeriodsCount, Bin) (active-users-count-plugin.md): an appearance of a user between Start
 * and End is active when the user appears in at least ActivePeriodsCount distinct Periods within
 * the lookback window that ends with (and includes) it; each Bin from Start gives the distinct
 * users with an active appearance in it, and a Bin with none gives no row.
 *
 * The page's example settles the window's edges: B's appearance on 07-08 is not active though B
 * was seen on 06-30, 8 days before, so the window leaves out its first instant, (t - Lookback, t].
 * Appearances before Start count toward the window, as the page says of B's in June. Periods are
 * the bins of Period, as bin() cuts them. Dimensions are refused by name: the page does not say
 * whether a user's appearances under other dimension values count toward the window.
 */
export function activeUsersCount(
  op: Kusto.Language.Syntax.EvaluateOperator,
  input: Table,
  ctx: QueryContext,
): Table {
  const args = elements<Expr>(op.FunctionCall!.ArgumentList?.Expressions);
  if (args.length < 8)
    throw new ExecutionError(
      'active_users_count() needs an id, a timeline, a start, an end, a lookback, a period, an active periods count and a bin',
    );
  if (args.length > 8)
    throw new UnsupportedError(
      'active_users_count() with dimensions',
      "its page does not say whether a user's appearances under other dimension values count toward the lookback",
    );
  const [idExpr, timeExpr, ...constants] = args;
  const constant = (e: Expr) => constantValue(e, ctx);
  const [start, end, lookback, period, activeRaw, step] = constants.map(constant);
  const active = typeof activeRaw === 'bigint' ? Number(activeRaw) : activeRaw;
  if (
    typeof start !== 'bigint' ||
    typeof end !== 'bigint' ||
    typeof lookback !== 'bigint' ||
    typeof period !== 'bigint' ||
    typeof step !== 'bigint'
  )
    throw new UnsupportedError(
      'active_users_count() over a numeric timeline or with a calendar bin',
      'only a datetime timeline with timespan windows is run locally',
    );
  if (typeof active !== 'number' || !(active >= 0))
    throw new ExecutionError('active_users_count(): the active periods count must be a number, zero or more');
  if (lookback <= 0n || period <= 0n || step <= 0n)
    throw new ExecutionError('active_users_count(): the lookback, period and bin must be positive timespans');

  const scope = scopeOf(input, ctx);
  const idOf = compileScalar(idExpr, scope);
  const timeOf = compileScalar(timeExpr, scope);
  const byUser = new Map<unknown, bigint[]>();
  for (const r of input.rows) {
    ctx.checkCancelled();
    const id = idOf(r);
    const t = timeOf(r);
    if (id === null || id === '' || typeof t !== 'bigint') continue;
    const key = keyPart(id);
    const times = byUser.get(key);
    if (times) times.push(t);
    else byUser.set(key, [t]);
  }

  const last = binAt(end, step, start) as bigint;
  const usersByWindow = new Map<bigint, Set<unknown>>();
  for (const [user, times] of byUser) {
    times.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const t of times) {
      if (t < start || t > end) continue;
      const window = binAt(t, step, start) as bigint;
      if (window > last) continue;
      const periods = new Set(
        times.filter((u) => u > t - lookback && u <= t).map((u) => bin(u, period, 'datetime') as bigint),
      );
      if (periods.size < active) continue;
      let users = usersByWindow.get(window);
      if (!users) usersByWindow.set(window, (users = new Set()));
      users.add(user);
    }
  }
  const rows: Row[] = [...usersByWindow.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([window, users]) => [window, users.size]);
  const columns = resultColumns(op);
  if (columns.length !== 2)
    throw new ExecutionError(
      'active_users_count(): the binder gave an output shape this executor does not know',
    );
  return { columns, rows };
}
