import type { CompiledAggregate } from './aggregates';
import { UnsupportedError } from './errors';
import { compileScalar, type Evaluator, type Scope } from './scalarCompiler';
import { mergeHll, mergeTDigest, readSketch } from './sketchFunctions';
import { sketchValue, type HllSketch, type TDigestSketch, type Weighted } from './sketchValues';
import { scalarTypeOf, type Expr } from './syntax';
import { keyPart, type KqlType } from './values';

/**
 * The aggregates that make sketches (sketchValues.ts): hll and hll_if keep the distinct keys that
 * dcount() counts, tdigest keeps every value with its weight, and hll_merge, tdigest_merge and
 * merge_tdigest (its other name) join the sketches of a group. A group with no values gives an
 * empty sketch, which dcount_hll() counts as 0 and percentile_tdigest() reads as null, as dcount()
 * and percentile() answer for such a group.
 */
export const SKETCH_AGGREGATES = new Set([
  'hll',
  'hll_if',
  'hll_merge',
  'tdigest',
  'tdigest_merge',
  'merge_tdigest',
]);

/** The value types a tdigest ranks: numbers, datetimes and timespans, as percentile() does. */
const RANKED = new Set<KqlType>(['int', 'long', 'real', 'datetime', 'timespan']);

export function compileSketchAggregate(name: string, argExprs: Expr[], scope: Scope): CompiledAggregate {
  const args = argExprs.map((e) => compileScalar(e, scope));
  const valueType = argExprs[0] ? scalarTypeOf(argExprs[0]) : undefined;
  switch (name) {
    case 'hll':
      return hll(args[0], undefined, accuracyOf(name, args[1]), valueType);
    case 'hll_if':
      return hll(args[0], args[1], accuracyOf(name, args[2]), valueType);
    case 'hll_merge':
      return merging(args[0], 'hll', `${name}()`);
    case 'tdigest':
      // Decimals never get here: compileAggregate refuses them for every aggregate that does not take them exactly.
      if (!valueType || !RANKED.has(valueType))
        throw new UnsupportedError(
          `tdigest() of ${valueType} values`,
          'it ranks numbers, datetimes and timespans',
        );
      return tdigest(args[0], args[1], valueType);
    default:
      return merging(args[0], 'tdigest', `${name}()`);
  }
}

/** The accuracy argument: 0 to 4 (the estimation-accuracy table of hll-aggregation-function.md), 1 by default. */
function accuracyOf(name: string, f: Evaluator | undefined): number {
  if (!f) return 1;
  const v = f([]);
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 4)
    throw new UnsupportedError(
      `${name}() with the accuracy ${String(v ?? 'of a column')}`,
      'its page lists the constant accuracies 0 to 4',
    );
  return v;
}

function hll(
  x: Evaluator,
  when: Evaluator | undefined,
  accuracy: number,
  valueType: KqlType | undefined,
): CompiledAggregate {
  return {
    width: 1,
    create: () => {
      const keys = new Set<unknown>();
      return {
        add: (r) => {
          if (when && when(r) !== true) return;
          // Nulls and empty strings are not counted, as dcount() does not count them.
          const v = x(r);
          if (v !== null && v !== undefined && v !== '') keys.add(keyPart(v));
        },
        result: () => [sketchValue({ kind: 'hll', keys, accuracy, valueType })],
      };
    },
  };
}

/**
 * tdigest(expr [, weight]): rows with a null value or weight are skipped; a weight is a count of
 * repetitions, so one below zero is refused, as percentilesw() refuses it.
 */
function tdigest(x: Evaluator, weight: Evaluator | undefined, valueType: KqlType): CompiledAggregate {
  return {
    width: 1,
    create: () => {
      const items: Weighted[] = [];
      return {
        add: (r) => {
          const v = x(r);
          if (typeof v !== 'number' && typeof v !== 'bigint') return;
          if (!weight) {
            items.push({ v, w: 1 });
            return;
          }
          const w = weight(r);
          if (w === null || w === undefined) return;
          if (typeof w !== 'number' || !Number.isInteger(w) || w < 0)
            throw new UnsupportedError(
              `tdigest() with the weight ${w}`,
              'a weight is a count of repetitions',
            );
          if (w > 0) items.push({ v, w });
        },
        result: () => [sketchValue({ kind: 'tdigest', items: [...items], valueType })],
      };
    },
  };
}

function merging(x: Evaluator, kind: 'hll' | 'tdigest', fn: string): CompiledAggregate {
  return {
    width: 1,
    create: () => {
      const hllInto: HllSketch = { kind: 'hll', keys: new Set(), accuracy: undefined, valueType: undefined };
      const tdInto: TDigestSketch = { kind: 'tdigest', items: [], valueType: undefined };
      return {
        add: (r) => {
          if (kind === 'hll') mergeHll(hllInto, readSketch(x(r), 'hll', fn), fn);
          else mergeTDigest(tdInto, readSketch(x(r), 'tdigest', fn), fn);
        },
        result: () =>
          kind === 'hll'
            ? [sketchValue({ ...hllInto, keys: new Set(hllInto.keys) })]
            : [sketchValue({ ...tdInto, items: [...tdInto.items] })],
      };
    },
  };
}
