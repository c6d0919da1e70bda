import type { Evaluator } from './evaluator';
import { compareValues } from './values';

/**
 * The statistical aggregates: variance and standard deviation of a sample (n - 1) or of a
 * population (n), and nearest-rank percentiles. Nulls are skipped; a group with no numbers gives
 * null, and a sample of one value has a variance of 0 (Kusto's answer for a single row).
 */

export interface StatAccumulator {
  add(row: unknown[]): void;
  result(): unknown[];
}

/** Welford's running mean and sum of squares: one pass, and no cancellation on large values. */
export function spread(x: Evaluator, sample: boolean, root: boolean): () => StatAccumulator {
  return () => {
    let n = 0;
    let mean = 0;
    let m2 = 0;
    return {
      add: (r) => {
        const v = x(r);
        if (typeof v !== 'number' || Number.isNaN(v)) return;
        n++;
        const delta = v - mean;
        mean += delta / n;
        m2 += delta * (v - mean);
      },
      result: () => {
        if (n === 0) return [null];
        const variance = sample ? (n > 1 ? m2 / (n - 1) : 0) : m2 / n;
        return [root ? Math.sqrt(variance) : variance];
      },
    };
  };
}

/**
 * The nearest-rank percentile (percentiles-aggregation-function.md): the smallest value with at
 * least p percent of the values at or below it. Numbers, datetimes and timespans rank in their own order.
 */
export function nearestRank(sorted: readonly unknown[], p: number): unknown {
  if (!sorted.length) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1];
}

/** percentiles(x, p1, p2, ...): one output column per percentile; percentiles_array gives them as one array. */
export function percentiles(x: Evaluator, ps: number[], asArray: boolean): () => StatAccumulator {
  return () => {
    const values: unknown[] = [];
    return {
      add: (r) => {
        const v = x(r);
        if (typeof v === 'number' || typeof v === 'bigint') values.push(v);
      },
      result: () => {
        values.sort(compareValues);
        const out = ps.map((p) => nearestRank(values, p));
        return asArray ? [values.length ? out : null] : out;
      },
    };
  };
}
