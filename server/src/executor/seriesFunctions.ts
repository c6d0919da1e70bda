import { UnsupportedError } from './errors';
import { realArray } from './wholeReals';
import { ARRAY_TUPLE_FUNCTIONS } from './arrayFunctions';
import { fitStatistics, numbers, seriesFitPoly } from './seriesFit';
import { SERIES_FFT_TUPLE_FUNCTIONS } from './seriesFft';
import { SERIES_REFUSED_TUPLE_FUNCTIONS } from './seriesRefusals';

/**
 * The series functions that return several columns (series_fit_line, series_fit_poly, series_stats,
 * series_decompose, series_decompose_anomalies, series_fft, series_ifft), each as a function from its arguments to the
 * values of its columns in the binder's order; and the single-valued series functions. Series
 * are dynamic arrays of numbers. Where the reference leaves the arithmetic open (Tukey scores,
 * autodetected seasonality, the median of an even phase), the call is refused by name when it
 * meets a series to compute, so a query over no rows still runs.
 */

export type TupleFunction = (args: unknown[]) => unknown[];

/** Least squares over x = 1..n, as series-fit-line-function.md's example (interception -1.666) shows. */
function lineFit(y: number[]): { slope: number; interception: number } {
  const n = y.length;
  const mx = (n + 1) / 2;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (i + 1 - mx) * (y[i] - my);
    sxx += (i + 1 - mx) ** 2;
  }
  const slope = sxy / sxx;
  return { slope, interception: my - slope * mx };
}

/** (rsquare, slope, variance, rvariance, interception, line_fit); both variances divide by n - 1. */
export function seriesFitLine([series]: unknown[]): unknown[] {
  const y = numbers(series, 'series_fit_line');
  if (y === null) return [null, null, null, null, null, null];
  if (y.length < 2) throw new UnsupportedError('series_fit_line() of a series shorter than two points');
  const { slope, interception } = lineFit(y);
  const fit = y.map((_, i) => slope * (i + 1) + interception);
  const [rsquare, variance, rvariance] = fitStatistics(y, fit);
  return [rsquare, slope, variance, rvariance, interception, realArray(fit)];
}

/** (min, min_idx, max, max_idx, avg, stdev, variance): sample variance; non-finite values give nulls unless ignored. */
export function seriesStats([series, ignoreNonFinite]: unknown[]): unknown[] {
  const none = [null, null, null, null, null, null, null];
  if (!Array.isArray(series)) return none;
  const points: { v: number; i: number }[] = [];
  for (let i = 0; i < series.length; i++) {
    const v = series[i];
    const finite = typeof v === 'number' && Number.isFinite(v);
    if (finite) points.push({ v, i });
    else if (ignoreNonFinite !== true) return none;
  }
  if (points.length < 2) throw new UnsupportedError('series_stats() of fewer than two finite points');
  let min = points[0];
  let max = points[0];
  for (const p of points) {
    if (p.v < min.v) min = p;
    if (p.v > max.v) max = p;
  }
  const avg = points.reduce((a, p) => a + p.v, 0) / points.length;
  const variance = points.reduce((a, p) => a + (p.v - avg) ** 2, 0) / (points.length - 1);
  return [min.v, min.i, max.v, max.i, avg, Math.sqrt(variance), variance];
}

/**
 * The baseline, seasonal, trend and residual series (series-decompose-function.md), for no
 * seasonality (0) and an avg, linefit or none trend learnt from all but the last test points.
 */
function decompose(
  args: unknown[],
  name: string,
): { x: number[]; baseline: number[]; trend: number[] } | null {
  const x = numbers(args[0], name);
  if (x === null) return null;
  const seasonality = args[1] ?? -1;
  const trendKind = String(args[2] ?? 'avg').toLowerCase();
  const testPoints = typeof args[3] === 'number' ? args[3] : 0;
  if (x.length === 0) return { x, baseline: [], trend: [] };
  if (seasonality !== 0)
    throw new UnsupportedError(
      `${name}() with seasonality ${String(seasonality)}: autodetected periods and phase medians are not computed locally`,
    );
  const learn = x.slice(0, Math.max(0, x.length - testPoints));
  let trend: number[];
  if (trendKind === 'none') trend = x.map(() => 0);
  else if (trendKind === 'avg') {
    const avg = learn.reduce((a, b) => a + b, 0) / learn.length;
    trend = x.map(() => avg);
  } else if (trendKind === 'linefit') {
    if (learn.length < 2) throw new UnsupportedError(`${name}() with a line fit over fewer than two points`);
    const { slope, interception } = lineFit(learn);
    trend = x.map((_, i) => slope * (i + 1) + interception);
  } else throw new UnsupportedError(`${name}() with the trend '${trendKind}'`);
  return { x, baseline: trend, trend };
}

function seriesDecompose(args: unknown[]): unknown[] {
  const d = decompose(args, 'series_decompose');
  if (d === null) return [null, null, null, null];
  const residual = d.x.map((v, i) => v - d.baseline[i]);
  return [d.baseline, d.x.map(() => 0), d.trend, residual].map(realArray);
}

function seriesDecomposeAnomalies(args: unknown[]): unknown[] {
  // Threshold first, then series_decompose's own arguments.
  const d = decompose([args[0], args[2], args[3], args[4]], 'series_decompose_anomalies');
  if (d === null) return [null, null, null];
  if (d.x.length === 0) return [[], [], []];
  throw new UnsupportedError(
    "series_decompose_anomalies(): the score of its Tukey test, which Kusto's reference does not define",
  );
}

export const TUPLE_FUNCTIONS: Record<string, TupleFunction> = {
  series_fit_line: seriesFitLine,
  series_fit_poly: seriesFitPoly,
  series_stats: seriesStats,
  series_decompose: seriesDecompose,
  series_decompose_anomalies: seriesDecomposeAnomalies,
  ...SERIES_FFT_TUPLE_FUNCTIONS,
  ...ARRAY_TUPLE_FUNCTIONS,
  ...SERIES_REFUSED_TUPLE_FUNCTIONS,
};
