import type { Evaluator } from './evaluator';
import { UnsupportedError } from './errors';
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

/**
 * covariance (n - 1) and covariancep (n) of two expressions (covariance-aggregation-function.md,
 * covariancep-aggregation-function.md), over the rows where both are numbers; `when`, if given,
 * keeps only the rows where it is true (covarianceif, covariancepif). As for variance, a group
 * with no pairs gives null and a sample of one pair gives 0.
 */
export function covariance(
  x: Evaluator,
  y: Evaluator,
  sample: boolean,
  when?: Evaluator,
): () => StatAccumulator {
  return () => {
    let n = 0;
    let meanX = 0;
    let meanY = 0;
    let c = 0;
    return {
      add: (r) => {
        if (when && when(r) !== true) return;
        const a = x(r);
        const b = y(r);
        if (typeof a !== 'number' || typeof b !== 'number' || Number.isNaN(a) || Number.isNaN(b)) return;
        // The one-pass co-moment update: the x deviation from the old mean times the y deviation from the new.
        n++;
        const dx = a - meanX;
        meanX += dx / n;
        meanY += (b - meanY) / n;
        c += dx * (b - meanY);
      },
      result: () => {
        if (n === 0) return [null];
        return [sample ? (n > 1 ? c / (n - 1) : 0) : c / n];
      },
    };
  };
}

/**
 * percentilew / percentilesw (percentilesw-aggregation-function.md): the nearest-rank percentile
 * with each value counted as many times as its weight, so the answer is the smallest value whose
 * running weight reaches p percent of the total. Rows with a null value or weight are skipped;
 * a weight that is not a whole number of zero or more is refused, as the page defines none.
 */
export function weightedPercentiles(
  x: Evaluator,
  w: Evaluator,
  ps: number[],
  asArray: boolean,
): () => StatAccumulator {
  return () => {
    const items: { v: unknown; w: number }[] = [];
    return {
      add: (r) => {
        const v = x(r);
        const weight = w(r);
        if ((typeof v !== 'number' && typeof v !== 'bigint') || typeof weight !== 'number') return;
        if (!Number.isInteger(weight) || weight < 0)
          throw new UnsupportedError(
            `percentilesw() with the weight ${weight}`,
            'its page defines a weight only as a count of repetitions',
          );
        if (weight > 0) items.push({ v, w: weight });
      },
      result: () => {
        items.sort((a, b) => compareValues(a.v, b.v));
        const total = items.reduce((s, i) => s + i.w, 0);
        const out = ps.map((p) => weightedNearestRank(items, total, p));
        return asArray ? [items.length ? out : null] : out;
      },
    };
  };
}

/**
 * The weighted nearest rank: the smallest value whose running weight reaches p percent of the
 * total weight `total`, over items sorted by value. With every weight 1 it is nearestRank().
 */
export function weightedNearestRank(
  sorted: readonly { v: unknown; w: number }[],
  total: number,
  p: number,
): unknown {
  if (!sorted.length) return null;
  const rank = Math.min(total, Math.max(1, Math.ceil((p / 100) * total)));
  let seen = 0;
  for (const i of sorted) {
    seen += i.w;
    if (seen >= rank) return i.v;
  }
  return sorted[sorted.length - 1].v;
}
