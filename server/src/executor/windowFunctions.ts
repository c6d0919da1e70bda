import { ExecutionError, UnsupportedError } from './errors';
import type { Evaluator, Scope } from './evaluator';
import { rowWindowSession } from './rowWindowSession';
import { longAdd, type Long } from './longs';
import { scalarTypeOf, type Expr } from './syntax';
import type { Row } from './values';
import { isIntegerType, keyPart } from './values';

/**
 * Window functions (window-functions.md): row_number, prev, next, row_cumsum, row_rank_dense,
 * row_rank_min and row_window_session (rowWindowSession.ts). They read the operator's input as an ordered row set, so they need one that is
 * serialized (by sort, top, serialize, range ...); on any other Kusto fails the query, and so does
 * this. Each finds its row's position in the input by identity, and the running ones (row
 * number, sums, ranks) are computed once for the whole input in order, so they do not depend on
 * the order in which an operator happens to evaluate rows.
 */

export const WINDOW_FUNCTIONS = new Set([
  'row_number',
  'prev',
  'next',
  'row_cumsum',
  'row_rank_dense',
  'row_rank_min',
  'row_window_session',
]);

type Compile = (e: Expr, scope: Scope) => Evaluator;

export function compileWindowCall(name: string, argExprs: Expr[], scope: Scope, compile: Compile): Evaluator {
  if (scope.serialized === 'unclear')
    throw new UnsupportedError(
      `${name}() after an operator whose output order the reference describes both ways`,
    );
  if (scope.serialized !== true)
    throw new ExecutionError(
      `${name}() needs a serialized row set: put serialize, or sort by the order you mean, before it`,
    );
  const rows = scope.rows ?? [];
  let positions: Map<Row, number> | undefined;
  const positionOf = (r: Row): number => {
    positions ??= new Map(rows.map((row, i) => [row, i]));
    const at = positions.get(r);
    if (at === undefined)
      throw new ExecutionError(`${name}() used where its row has no place in an ordered input`);
    return at;
  };
  const args = argExprs.map((e) => compile(e, scope));
  // The pages give no meaning to a start or offset that varies by row, so one is refused.
  const constant = (i: number, absent: unknown, what: string) => {
    if (!args[i]) return absent;
    if (!argExprs[i].IsConstant) throw new UnsupportedError(`${name}() with ${what} that is not a constant`);
    return args[i]([]);
  };

  if (name === 'prev' || name === 'next') {
    const offset = constant(1, 1, 'an offset');
    if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0)
      throw new UnsupportedError(`${name}() with the offset ${String(offset)}`);
    const step = name === 'prev' ? -offset : offset;
    const fallback = args[2] ?? (() => null);
    return (r) => {
      const target = rows[positionOf(r) + step];
      return target ? args[0](target) : fallback(r);
    };
  }
  if (name === 'row_window_session') {
    let sessions: unknown[] | undefined;
    return (r) => (sessions ??= rowWindowSession(rows, args))[positionOf(r)];
  }
  // The running functions: a restart predicate (the last argument they take) starts a new partition.
  const restart = args[1];
  let values: unknown[] | undefined;
  const compute = (): unknown[] => {
    const out: unknown[] = new Array(rows.length);
    const start = name === 'row_number' ? constant(0, 1, 'a start') : 1;
    if (name === 'row_number' && typeof start !== 'number')
      throw new ExecutionError('row_number(): the start must be a number');
    let n = 0;
    let sum: Long = 0;
    // A running sum of longs is exact (longs.ts); one of reals adds doubles.
    const longSum = name === 'row_cumsum' && isIntegerType(scalarTypeOf(argExprs[0]));
    let rank = 0;
    let runStart = 0;
    let previous: unknown;
    rows.forEach((r, i) => {
      const fresh = i === 0 || (restart !== undefined && restart(r) === true);
      if (fresh) {
        n = 0;
        sum = 0;
        rank = 0;
      }
      n++;
      if (name === 'row_number') out[i] = (start as number) + n - 1;
      else if (name === 'row_cumsum') {
        const v = args[0](r);
        // The page says nothing of nulls or timespans, so they are refused rather than guessed.
        if (typeof v !== 'number' && !(longSum && typeof v === 'bigint'))
          throw new UnsupportedError(`row_cumsum() of a ${v === null ? 'null' : 'non-numeric'} term`);
        sum = longSum ? longAdd(sum, v as Long) : (sum as number) + (v as number);
        out[i] = sum;
      } else {
        const term = args[0](r);
        // Whether a null term continues a run of nulls or starts a new one, the pages do not say.
        if (term === null || term === undefined) throw new UnsupportedError(`${name}() of a null term`);
        const key = keyPart(term);
        const changed = fresh || key !== previous;
        previous = key;
        if (name === 'row_rank_dense') rank = changed ? rank + 1 : rank;
        else if (changed) runStart = n;
        out[i] = name === 'row_rank_dense' ? rank : runStart;
      }
    });
    return out;
  };
  return (r) => {
    values ??= compute();
    return values[positionOf(r)];
  };
}
