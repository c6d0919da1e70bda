import { UnsupportedError } from './errors';
import { refusingValue } from './refusingValue';
import type { KqlType } from './values';

/**
 * The sketches that hll(), hll_if(), hll_merge(), tdigest() and tdigest_merge() return. In Kusto
 * they are dynamic values in an internal format that is not documented; the local executor holds
 * the exact data instead (the distinct keys, or every value with its weight), so that
 * dcount_hll(hll(x)) is dcount(x) and percentile_tdigest(tdigest(x), p) is percentile(x, p).
 *
 * Such a value stands for bytes the executor cannot produce, so only the sketch functions may read
 * it. Every other use (the query's output, a conversion, a comparison, a grouping or sort key,
 * an element of another dynamic value) is refused by name: explicitly where values are shown,
 * keyed, compared and converted (values.ts) and where functions and aggregates take their
 * arguments (scalarCompiler.ts, aggregates.ts), and as a backstop by the value itself, which
 * throws the same refusal when anything reads a property of it or lists its keys.
 */

/** The exact distinct keys of an hll sketch. */
export interface HllSketch {
  kind: 'hll';
  keys: Set<unknown>;
  /** The accuracy argument (hll-aggregation-function.md): 1 unless given; unknown for a merge of nothing. */
  accuracy: number | undefined;
  /** The binder's type of the values counted; unknown for a merge of nothing. */
  valueType: KqlType | undefined;
}

/** One value of a tdigest with its weight (a count of repetitions). */
export interface Weighted {
  v: unknown;
  w: number;
}

/** Every value of a tdigest with its weight. */
export interface TDigestSketch {
  kind: 'tdigest';
  items: Weighted[];
  valueType: KqlType | undefined;
}

export type Sketch = HllSketch | TDigestSketch;

const held = new WeakMap<object, Sketch>();

const READERS: Record<Sketch['kind'], string> = {
  hll: 'dcount_hll() and hll_merge()',
  tdigest:
    'tdigest_merge(), merge_tdigest(), percentile_tdigest(), percentiles_array_tdigest(), percentrank_tdigest() and rank_tdigest()',
};

/** The refusal of a sketch used as an ordinary value; `use` says how (e.g. "in the query's output"). */
export function sketchRefusal(kind: Sketch['kind'], use: string): UnsupportedError {
  return new UnsupportedError(
    `an ${kind}() sketch ${use}`,
    `a sketch's format is Kusto's internal one, which is not documented; locally only ${READERS[kind]} can read it`,
  );
}

/**
 * The value a query holds for a sketch: an empty object whose every property read, key listing or
 * write throws the refusal, so no code path can show or take apart a sketch without saying so.
 */
export function sketchValue(sketch: Sketch): object {
  const refuse = (): never => {
    throw sketchRefusal(sketch.kind, 'read as an ordinary dynamic value');
  };
  const value = refusingValue(refuse);
  held.set(value, sketch);
  return value;
}

/** The sketch a value holds, if it is one. */
export function sketchOf(v: unknown): Sketch | undefined {
  return typeof v === 'object' && v !== null ? held.get(v) : undefined;
}

/** Throws the refusal when `v` is a sketch; `use` says how it was used. */
export function refuseSketch(v: unknown, use: string): void {
  const s = sketchOf(v);
  if (s) throw sketchRefusal(s.kind, use);
}

/**
 * An argument evaluator that refuses a sketch, for the functions and aggregates that are not
 * sketch readers. Only dynamic arguments can hold one, so the others are returned as they are.
 */
export function guardSketchArgument<F extends (row: unknown[]) => unknown>(
  f: F,
  type: KqlType,
  use: string,
): F {
  if (type !== 'dynamic') return f;
  return ((r: unknown[]) => {
    const v = f(r);
    if (typeof v === 'object') refuseSketch(v, use);
    return v;
  }) as F;
}
