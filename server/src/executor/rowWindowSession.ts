import { UnsupportedError } from './errors';
import type { Evaluator } from './evaluator';
import type { Row } from './values';

/**
 * row_window_session(Expr, MaxDistanceFromFirst, MaxDistanceBetweenNeighbors [, Restart])
 * (row-window-session-function.md), over the serialized rows in order: each row gets the value
 * its session started with. A row starts a session when there is no session yet or the session's
 * value is null, when it is at least MaxDistanceFromFirst past the session's first value, when it
 * is at least MaxDistanceBetweenNeighbors past the previous row's value, or when Restart is true.
 *
 * A null value is itself the start of a session (its result is null): that is the only reading
 * under which the page's "the next value starts a new session" follows from its rule that a null
 * session value starts one.
 */
export function rowWindowSession(rows: readonly Row[], args: readonly Evaluator[]): unknown[] {
  const [value, fromFirst, betweenNeighbors, restart] = args;
  const out: unknown[] = new Array(rows.length);
  let session: bigint | null = null;
  let previous: bigint | null = null;
  rows.forEach((r, i) => {
    const v = ticksOf(value(r), 'its value');
    const first = ticksOf(fromFirst(r), 'MaxDistanceFromFirst');
    const neighbors = ticksOf(betweenNeighbors(r), 'MaxDistanceBetweenNeighbors');
    const fresh =
      i === 0 ||
      session === null ||
      v === null ||
      (first !== null && v >= session + first) ||
      (neighbors !== null && previous !== null && v >= previous + neighbors) ||
      (restart !== undefined && restart(r) === true);
    if (fresh) session = v;
    previous = v;
    out[i] = session;
  });
  return out;
}

/** Datetimes and timespans are bigint ticks; the page types Expr as datetime and the distances as timespans. */
function ticksOf(v: unknown, what: string): bigint | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return v;
  throw new UnsupportedError(`row_window_session() with ${what} that is not a datetime or timespan`);
}
