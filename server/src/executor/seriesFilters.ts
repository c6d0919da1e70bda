import { UnsupportedError } from './errors';
import { realArray } from './wholeReals';
import type { FunctionCall, ScalarFunction } from './scalarFunctions';

/**
 * series_iir and series_fir. The IIR page gives the recursive formula
 * Y[i] = (b0 X[i] + ... + b[nb-1] X[i-nb+1] - a1 Y[i-1] - ... - a[na-1] Y[i-na+1]) / a0, and its
 * cumulative-sum example (Y[0] = X[0]) shows that points before the series count as 0. A FIR
 * filter is that formula with a = [1]; centred, it is shifted by (n-1)/2 points, which is whole
 * only for an odd number of coefficients, so an even one is refused rather than rounded a guessed way.
 */

function numbersArg(c: FunctionCall, i: number, name: string, what: string): number[] | null {
  const v = c.args[i];
  if (v === null || v === undefined) return null;
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'number'))
    throw new UnsupportedError(
      `${name}() with ${what} that is not an array of numbers, which its page does not define`,
    );
  return v as number[];
}

function iir(x: number[], b: number[], a: number[]): number[] {
  const y: number[] = [];
  for (let i = 0; i < x.length; i++) {
    let s = 0;
    for (let k = 0; k < b.length && k <= i; k++) s += b[k] * x[i - k];
    for (let k = 1; k < a.length && k <= i; k++) s -= a[k] * y[i - k];
    y.push(s / a[0]);
  }
  return y;
}

function seriesIir(c: FunctionCall): unknown {
  const x = numbersArg(c, 0, 'series_iir', 'a series');
  const b = numbersArg(c, 1, 'series_iir', 'numerators');
  const a = numbersArg(c, 2, 'series_iir', 'denominators');
  if (x === null || b === null || a === null) return null;
  if (a.length === 0 || a[0] === 0)
    throw new UnsupportedError(
      'series_iir() with a first denominator of zero or none, which its page forbids',
    );
  return iir(x, b, a);
}

function seriesFir(c: FunctionCall): unknown {
  const x = numbersArg(c, 0, 'series_fir', 'a series');
  const f = numbersArg(c, 1, 'series_fir', 'a filter');
  if (x === null || f === null) return null;
  if (f.length === 0)
    throw new UnsupportedError('series_fir() with an empty filter, which its page does not define');
  const negative = f.some((v) => v < 0);
  // Normalising is the default unless a coefficient is negative; asked for with one, it gives null.
  const normalize = c.args.length > 2 && c.args[2] !== null ? c.args[2] === true : !negative;
  if (normalize && negative) return null;
  const center = c.args.length > 3 && c.args[3] === true;
  const sum = f.reduce((s, v) => s + v, 0);
  if (normalize && sum === 0)
    throw new UnsupportedError('series_fir() normalising a filter whose coefficients sum to zero');
  const coefficients = normalize ? f.map((v) => v / sum) : f;
  if (center && f.length % 2 === 0)
    throw new UnsupportedError(
      'series_fir() centred with an even number of coefficients: its page does not say how the half-point shift is rounded',
    );
  const shift = center ? (f.length - 1) / 2 : 0;
  return x.map((_, i) => {
    let s = 0;
    for (let k = 0; k < coefficients.length; k++) {
      const j = i + shift - k;
      if (j >= 0 && j < x.length) s += coefficients[k] * x[j];
    }
    return s;
  });
}

/** The median, an even count taking the mean of the middle two (series-seasonal-function.md's [1,2,1,2] gives 1.5). */
function median(values: number[]): number {
  const v = values.slice().sort((a, b) => a - b);
  const m = Math.floor(v.length / 2);
  return v.length % 2 === 1 ? v[m] : (v[m - 1] + v[m]) / 2;
}

/**
 * series_seasonal with a given period: each bin takes the median of the values at its phase. An
 * autodetected period (the default -1) depends on series_periods_detect, whose scores the
 * reference does not define, so it is refused, as is a period below 1.
 */
function seriesSeasonal(c: FunctionCall): unknown {
  const x = numbersArg(c, 0, 'series_seasonal', 'a series');
  if (x === null) return null;
  const period = c.args.length > 1 ? c.args[1] : -1;
  if (typeof period !== 'number' || !Number.isInteger(period) || period < 1)
    throw new UnsupportedError(
      `series_seasonal() with the period ${String(period)}: autodetection (series_periods_detect) is not defined by the reference`,
    );
  const medians = Array.from({ length: Math.min(period, x.length) }, (_, phase) =>
    median(x.filter((_, i) => i % period === phase)),
  );
  return x.map((_, i) => medians[i % period]);
}

/** Each filter computes in doubles, so its elements are reals, as series-iir-function.md prints them (1.0, 3.0, 6.0). */
export const SERIES_FILTER_FUNCTIONS: Record<string, ScalarFunction> = {
  series_seasonal: (c) => realArray(seriesSeasonal(c)),
  series_iir: (c) => realArray(seriesIir(c)),
  series_fir: (c) => realArray(seriesFir(c)),
};
