import { UnsupportedError } from './errors';
import type { FunctionCall } from './scalarFunctions';
import {
  sketchOf,
  sketchValue,
  type HllSketch,
  type Sketch,
  type TDigestSketch,
  type Weighted,
} from './sketchValues';
import { weightedNearestRank } from './statisticAggregates';
import { compareValues, isIntegerType, toDynamic, type KqlType } from './values';

/**
 * The scalar functions that read the sketches of hll() and tdigest() (sketchValues.ts):
 * dcount_hll, hll_merge, merge_tdigest / tdigest_merge, percentile_tdigest,
 * percentiles_array_tdigest, percentrank_tdigest and rank_tdigest. A sketch holds exact data, so
 * each answers as the exact aggregate would: dcount_hll as dcount(), percentile_tdigest as the
 * nearest-rank percentile() (weighted as percentilesw() when tdigest() was given weights).
 */

/** The sketch of the kind `kind` that `v` holds; anything else is refused by name. */
export function readSketch<K extends Sketch['kind']>(
  v: unknown,
  kind: K,
  fn: string,
): Extract<Sketch, { kind: K }> {
  const s = sketchOf(v);
  if (s?.kind === kind) return s as Extract<Sketch, { kind: K }>;
  if (v === null || v === undefined)
    throw new UnsupportedError(
      `${fn} of a null value`,
      `its page does not say what a null ${kind} value gives`,
    );
  throw new UnsupportedError(
    `${fn} of a value that is not a ${kind}() sketch made by the query itself`,
    "a stored sketch is in Kusto's internal format, which is not documented",
  );
}

/** Adds the keys of `s` to `into`; hll values of different accuracies or types are refused. */
export function mergeHll(into: HllSketch, s: HllSketch, fn: string): void {
  if (into.accuracy !== undefined && s.accuracy !== undefined && into.accuracy !== s.accuracy)
    throw new UnsupportedError(
      `${fn} of hll values of the accuracies ${into.accuracy} and ${s.accuracy}`,
      'hll-merge-aggregation-function.md says such values cannot be merged, but not what Kusto then returns',
    );
  if (into.valueType !== undefined && s.valueType !== undefined && into.valueType !== s.valueType)
    throw new UnsupportedError(
      `${fn} of hll values of ${into.valueType} and of ${s.valueType} values`,
      'the pages do not say whether equal values of different types count once',
    );
  into.accuracy ??= s.accuracy;
  into.valueType ??= s.valueType;
  for (const k of s.keys) into.keys.add(k);
}

/** Adds the values of `s` to `into`; tdigest-merge-aggregation-function.md requires one type. */
export function mergeTDigest(into: TDigestSketch, s: TDigestSketch, fn: string): void {
  if (into.valueType !== undefined && s.valueType !== undefined && into.valueType !== s.valueType)
    throw new UnsupportedError(
      `${fn} of tdigest values of ${into.valueType} and of ${s.valueType} values`,
      'tdigest-merge-aggregation-function.md says every tdigest merged must be of the same type',
    );
  into.valueType ??= s.valueType;
  for (const i of s.items) into.items.push(i);
}

/** A tdigest's items in value order (sorted once, on first read). */
const sortedOnce = new WeakSet<TDigestSketch>();
function sortedItems(s: TDigestSketch): Weighted[] {
  if (!sortedOnce.has(s)) {
    s.items.sort((a, b) => compareValues(a.v, b.v));
    sortedOnce.add(s);
  }
  return s.items;
}

const totalWeight = (items: readonly Weighted[]) => items.reduce((n, i) => n + i.w, 0);

/**
 * A percentile converted to the type a typeof() argument names: the pages call it a cast, so only
 * the casts that keep the value exactly are done (int and long either way, a whole number to a real).
 */
function castTo(v: unknown, from: KqlType | undefined, to: KqlType, fn: string): unknown {
  if (v === null || from === to) return v;
  if (from && isIntegerType(from) && isIntegerType(to)) {
    if (to === 'int' && (typeof v !== 'number' || v > 2 ** 31 - 1 || v < -(2 ** 31)))
      throw new UnsupportedError(`${fn} with typeof(int) of the long ${v}`, 'it is beyond an int');
    return v;
  }
  if (from && isIntegerType(from) && to === 'real') return Number(v);
  throw new UnsupportedError(
    `${fn} with typeof(${to}) of a tdigest of ${from} values`,
    'percentile-tdigest-function.md says the tdigest must be of the type given',
  );
}

/** The percentile as a dynamic value, when no typeof() is given. */
function untyped(v: unknown, from: KqlType | undefined, fn: string): unknown {
  if (from === 'datetime' || from === 'timespan')
    throw new UnsupportedError(
      `${fn} of a tdigest of ${from} values without a typeof() argument`,
      'percentile-tdigest-function.md shows such a result only inside an array, for a column of mixed types, so its form is not settled',
    );
  return toDynamic(v, from ?? 'dynamic');
}

/**
 * The percentiles percentiles_array_tdigest() is given: one or more numbers, or one dynamic array.
 * The page's form with a typeof() argument after the array is one the binder rejects.
 */
function percentsOf(c: FunctionCall): unknown[] {
  if (c.argTypes[1] !== 'dynamic') return c.args.slice(1);
  if (!Array.isArray(c.args[1]))
    throw new UnsupportedError('percentiles_array_tdigest() of percentiles that are not an array');
  return c.args[1];
}

/**
 * rank_tdigest(): the count (the total weight) of the values at or below `value`
 * (rank-tdigest-function.md). The value must be of the digest's kind: numbers with numbers,
 * datetimes with datetimes, timespans with timespans.
 */
function rankOf(c: FunctionCall, fn: string): { rank: number; total: number } | null {
  const s = readSketch(c.args[0], 'tdigest', fn);
  const value = c.args[1];
  if (value === null || value === undefined) return null;
  const items = sortedItems(s);
  if (!items.length)
    throw new UnsupportedError(
      `${fn} of an empty tdigest`,
      'its page does not say what the rank in an empty set is',
    );
  const temporal = (t: KqlType | undefined) => t === 'datetime' || t === 'timespan';
  const own = s.valueType;
  const other = c.argTypes[1];
  if (
    temporal(own) || temporal(other) ? own !== other : typeof value !== 'number' && typeof value !== 'bigint'
  )
    throw new UnsupportedError(
      `${fn} of a ${other} value in a tdigest of ${own} values`,
      'its page says the value must be of the type of the tdigest',
    );
  let rank = 0;
  for (const i of items) {
    if (compareValues(i.v, value) > 0) break;
    rank += i.w;
  }
  return { rank, total: totalWeight(items) };
}

function mergeAll<K extends Sketch['kind']>(c: FunctionCall, kind: K, fn: string): object {
  if (kind === 'hll') {
    const into: HllSketch = { kind: 'hll', keys: new Set(), accuracy: undefined, valueType: undefined };
    for (const v of c.args) mergeHll(into, readSketch(v, 'hll', fn), fn);
    return sketchValue(into);
  }
  const into: TDigestSketch = { kind: 'tdigest', items: [], valueType: undefined };
  for (const v of c.args) mergeTDigest(into, readSketch(v, 'tdigest', fn), fn);
  return sketchValue(into);
}

export const SKETCH_FUNCTIONS: Record<string, (c: FunctionCall) => unknown> = {
  dcount_hll: (c) => readSketch(c.args[0], 'hll', 'dcount_hll()').keys.size,
  hll_merge: (c) => mergeAll(c, 'hll', 'hll_merge()'),
  merge_tdigest: (c) => mergeAll(c, 'tdigest', 'merge_tdigest()'),
  tdigest_merge: (c) => mergeAll(c, 'tdigest', 'tdigest_merge()'),
  percentile_tdigest: (c) => {
    const fn = 'percentile_tdigest()';
    const s = readSketch(c.args[0], 'tdigest', fn);
    const p = c.args[1];
    if (typeof p !== 'number') return null;
    const items = sortedItems(s);
    const v = weightedNearestRank(items, totalWeight(items), p);
    if (v === null) return null;
    return c.args.length > 2 ? castTo(v, s.valueType, c.resultType, fn) : untyped(v, s.valueType, fn);
  },
  percentiles_array_tdigest: (c) => {
    const fn = 'percentiles_array_tdigest()';
    const s = readSketch(c.args[0], 'tdigest', fn);
    const ps = percentsOf(c);
    if (ps.some((p) => typeof p !== 'number'))
      throw new UnsupportedError(`${fn} with percentiles that are not all numbers`);
    const items = sortedItems(s);
    // An empty group has no percentiles, as percentiles_array() gives null for one.
    if (!items.length) return null;
    const total = totalWeight(items);
    return ps.map((p) => toDynamic(weightedNearestRank(items, total, p as number), s.valueType ?? 'dynamic'));
  },
  rank_tdigest: (c) => rankOf(c, 'rank_tdigest()')?.rank ?? null,
  // percentrank-tdigest-function.md: the rank as a percentage of the set's size, which its
  // examples show equal to rank_tdigest() * 100.0 / count().
  percentrank_tdigest: (c) => {
    const r = rankOf(c, 'percentrank_tdigest()');
    return r ? (r.rank * 100) / r.total : null;
  },
};

/** The scalar functions that read sketches, which the argument guard of scalarCompiler.ts lets through. */
export const SKETCH_READERS = new Set(Object.keys(SKETCH_FUNCTIONS));
