import { UnsupportedError } from './errors';
import { realArray } from './wholeReals';

/**
 * The least-squares fits of series_fit_line and series_fit_poly: the numbers of a series, the
 * goodness-of-fit statistics the two share, and the polynomial fit itself. series-fit-poly-function.md
 * shows (its second example's result image) that a degree-1 fit gives series_fit_line's rsquare,
 * variance and rvariance, and (its first example's image) that rsquare = 1 - rvariance / variance
 * at degree 5, so both variances divide by n - 1 at every degree.
 */

/** The numbers of a series, or a refusal naming the function when an element is not a number. */
export function numbers(series: unknown, name: string): number[] | null {
  if (series === null || series === undefined) return null;
  if (!Array.isArray(series)) return null;
  if (!series.every((v) => typeof v === 'number'))
    throw new UnsupportedError(`${name}() of a series with an element that is not a number`);
  return series as number[];
}

/** [rsquare, variance, rvariance] of a fit to y; both variances divide by n - 1. */
export function fitStatistics(y: number[], fit: number[]): [number, number, number] {
  const mean = y.reduce((a, b) => a + b, 0) / y.length;
  const total = y.reduce((a, v) => a + (v - mean) ** 2, 0);
  const residual = y.reduce((a, v, i) => a + (v - fit[i]) ** 2, 0);
  return [1 - residual / total, total / (y.length - 1), residual / (y.length - 1)];
}

/** The Euclidean norm, scaled by the largest magnitude so that the squares neither overflow nor underflow. */
function norm(v: number[]): number {
  const scale = v.reduce((a, x) => Math.max(a, Math.abs(x)), 0);
  if (scale === 0) return 0;
  return scale * Math.sqrt(v.reduce((a, x) => a + (x / scale) ** 2, 0));
}

/**
 * The x minimising |a x - b| by Householder QR, which stays accurate where the normal equations
 * square the (large) condition number of a Vandermonde matrix. `a` is given by columns, each of
 * b's length, and has full column rank (the caller checks the distinct abscissae).
 */
function leastSquares(columns: number[][], b: number[]): number[] {
  const m = columns.length;
  const n = b.length;
  const r = columns.map((c) => c.slice());
  const qtb = b.slice();
  for (let k = 0; k < m; k++) {
    const alpha = norm(r[k].slice(k));
    // The reflection sends column k to -sign(r_kk) * alpha e_k, which avoids cancellation.
    const v = r[k].slice(k);
    v[0] += r[k][k] >= 0 ? alpha : -alpha;
    const vn = norm(v);
    // A zero column (powers that underflow) leaves R singular; the caller refuses the fit.
    if (vn === 0) continue;
    const u = v.map((x) => x / vn);
    const reflect = (c: number[]) => {
      let s = 0;
      for (let i = k; i < n; i++) s += u[i - k] * c[i];
      for (let i = k; i < n; i++) c[i] -= 2 * s * u[i - k];
    };
    for (let j = k; j < m; j++) reflect(r[j]);
    reflect(qtb);
  }
  const x = new Array<number>(m).fill(0);
  for (let k = m - 1; k >= 0; k--) {
    let s = qtb[k];
    for (let j = k + 1; j < m; j++) s -= r[j][k] * x[j];
    x[k] = s / r[k][k];
  }
  return x;
}

const refuse = (what: string): never => {
  throw new UnsupportedError(`series_fit_poly() ${what}`);
};

/** The finite numbers of an array argument, refusing by name what the page does not define. */
function finiteSeries(v: unknown, role: string): number[] {
  if (!Array.isArray(v)) return refuse(`whose ${role} is not an array`);
  const xs = numbers(v, 'series_fit_poly')!;
  if (!xs.every(Number.isFinite))
    refuse(`whose ${role} holds NaN or an infinity, which its page does not define`);
  return xs;
}

/**
 * (rsquare, coefficients, variance, rvariance, poly_fit), coefficients from the highest power down
 * (series-fit-poly-function.md). x_series defaults to 1..n and degree to 1; a null y_series gives
 * nulls as series_fit_line's does. What the page leaves open is refused by name.
 */
export function seriesFitPoly(args: unknown[]): unknown[] {
  const [ys, xs, deg] = args;
  if (!Array.isArray(ys)) return [null, null, null, null, null];
  const y = finiteSeries(ys, 'y_series');
  if (xs === null) refuse('with a null x_series: its page defines only an omitted one (1, 2, ..., n)');
  const x = xs === undefined ? y.map((_, i) => i + 1) : finiteSeries(xs, 'x_series');
  if (x.length !== y.length)
    refuse('with x_series and y_series of different lengths, which its page does not define');
  if (deg === null) refuse('with a null degree, which its page does not define');
  const degree = deg === undefined ? 1 : (deg as number);
  if (typeof degree !== 'number' || !Number.isInteger(degree) || degree < 1)
    refuse(`with the degree ${String(deg)}: its page defines a degree of 1 or more`);
  if (y.length === 0) refuse('of an empty series, which its page does not define');
  if (new Set(x).size <= degree)
    refuse(
      `of degree ${degree} over ${new Set(x).size} distinct x values: the fit is not unique, and its page does not say which one it gives`,
    );
  const columns: number[][] = [];
  for (let p = degree; p >= 0; p--) columns.push(x.map((v) => v ** p));
  if (columns.some((c) => !c.every(Number.isFinite)))
    refuse(
      `of degree ${degree}: x_series raised to that power is beyond a real (the page advises normalising x to [0, 1])`,
    );
  const coefficients = leastSquares(columns, y);
  if (!coefficients.every(Number.isFinite))
    refuse(`of degree ${degree}: the x_series values are too small or too close to tell the powers apart`);
  const fit = x.map((v) => coefficients.reduce((a, c) => a * v + c, 0));
  const [rsquare, variance, rvariance] = fitStatistics(y, fit);
  if (variance === 0) refuse('of a constant y_series: rsquare is 0 / 0, which its page does not define');
  return [rsquare, realArray(coefficients), variance, rvariance, realArray(fit)];
}
