import { UnsupportedError } from './errors';
import { wholeReal } from './wholeReals';
import type { FunctionCall, ScalarFunction } from './scalarFunctions';
import { seriesFitLine, seriesStats } from './seriesFunctions';

/**
 * The series functions that reduce arrays to one value or one property bag: sums, products,
 * magnitudes, dot products, cosine similarity, Pearson correlation, and the bag forms of
 * series_stats and series_fit_line. Each page's rules for lengths and non-numeric elements are
 * followed; what a page leaves open (an empty array's sum, a non-numeric element where the page
 * does not say it is ignored) is refused by name.
 */

const isNumber = (v: unknown): v is number => typeof v === 'number';

/** All the numbers of the array argument `i`, null for a null argument, else a refusal naming what is open. */
function allNumbers(c: FunctionCall, i: number, name: string): number[] | null {
  const v = c.args[i];
  if (v === null || v === undefined) return null;
  if (!Array.isArray(v)) throw new UnsupportedError(`${name}() of a value that is not an array`);
  if (v.length === 0)
    throw new UnsupportedError(`${name}() of an empty array, which its reference page does not define`);
  if (!v.every(isNumber))
    throw new UnsupportedError(
      `${name}() of an array with a non-numeric element, which its reference page does not define`,
    );
  return v;
}

/**
 * The element pairs of a dot product (series-dot-product-function.md): the longer array is cut to
 * the shorter one's length, a pair with a non-numeric element is ignored, and a scalar stands for
 * itself at every position (the page's second example).
 */
function pairs(c: FunctionCall, name: string): [number, number][] | null {
  const [a, b] = [c.args[0], c.args[1]];
  if (a === null || a === undefined || b === null || b === undefined) return null;
  if (!Array.isArray(a) && !Array.isArray(b))
    throw new UnsupportedError(`${name}() of two values that are not arrays`);
  const xs = Array.isArray(a) ? a : (b as unknown[]).map(() => a);
  const ys = Array.isArray(b) ? b : xs.map(() => b);
  const out: [number, number][] = [];
  for (let i = 0; i < Math.min(xs.length, ys.length); i++)
    if (isNumber(xs[i]) && isNumber(ys[i])) out.push([xs[i] as number, ys[i] as number]);
  return out;
}

function dotProduct(c: FunctionCall): unknown {
  const p = pairs(c, 'series_dot_product');
  if (p === null) return null;
  // An empty input gives null (the page's note).
  const [a, b] = [c.args[0], c.args[1]];
  if ((Array.isArray(a) && a.length === 0) || (Array.isArray(b) && b.length === 0)) return null;
  return p.reduce((s, [x, y]) => s + x * y, 0);
}

function cosineSimilarity(c: FunctionCall): unknown {
  const [a, b] = [c.args[0], c.args[1]];
  if (a === null || a === undefined || b === null || b === undefined) return null;
  if (!Array.isArray(a) || !Array.isArray(b))
    throw new UnsupportedError('series_cosine_similarity() of a value that is not an array');
  if (a.length === 0 || b.length === 0) return null;
  // Whether the magnitudes cover the cut or ignored elements is not on the page.
  if (a.length !== b.length || !a.every(isNumber) || !b.every(isNumber))
    throw new UnsupportedError(
      'series_cosine_similarity() of arrays of different lengths or with non-numeric elements: the page does not say which elements the magnitudes cover',
    );
  const dot = a.reduce((s: number, x: number, i) => s + x * (b[i] as number), 0);
  const magnitude = (v: number[], given: unknown) =>
    isNumber(given) ? given : Math.sqrt(v.reduce((s, x) => s + x * x, 0));
  return dot / (magnitude(a, c.args[2]) * magnitude(b, c.args[3]));
}

/** Pearson's r; arrays of different sizes or with a non-numeric element give null (series-pearson-correlation-function.md). */
function pearson(c: FunctionCall): unknown {
  const [a, b] = [c.args[0], c.args[1]];
  if (!Array.isArray(a) || !Array.isArray(b)) return null;
  if (a.length !== b.length || !a.every(isNumber) || !b.every(isNumber)) return null;
  const n = a.length;
  const mx = a.reduce((s: number, x: number) => s + x, 0) / n;
  const my = b.reduce((s: number, x: number) => s + x, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (a[i] - mx) * (b[i] - my);
    sxx += (a[i] - mx) ** 2;
    syy += (b[i] - my) ** 2;
  }
  if (n < 2 || sxx === 0 || syy === 0)
    throw new UnsupportedError(
      'series_pearson_correlation() of a series with no variance, which its page does not define',
    );
  return sxy / Math.sqrt(sxx * syy);
}

/** A number made a real inside a dynamic value; null or an array as it is. */
const realOf = (v: unknown): unknown => (typeof v === 'number' ? wholeReal(v) : v);

const STATS_KEYS = ['min', 'min_idx', 'max', 'max_idx', 'avg', 'stdev', 'variance'];
const FIT_KEYS = ['rsquare', 'slope', 'variance', 'rvariance', 'interception', 'line_fit'];

function statsDynamic(c: FunctionCall): unknown {
  const series = c.args[0];
  if (!Array.isArray(series)) return null;
  const finite = series.filter((v) => isNumber(v) && Number.isFinite(v)) as number[];
  if (finite.length !== series.length) {
    // The page gives null unless non-finite values are ignored; with them ignored, it does not say which length `len` is.
    if (c.args[1] !== true) return null;
    throw new UnsupportedError(
      'series_stats_dynamic() ignoring non-finite values: the page does not say whether len counts them',
    );
  }
  // Its values are reals but the indexes and the length (series-stats-dynamic-function.md: "min": 2.0, "min_idx": 8).
  const values = seriesStats([series, c.args[1]]).map((v, i) =>
    STATS_KEYS[i].endsWith('_idx') ? v : realOf(v),
  );
  const bag: Record<string, unknown> = Object.fromEntries(STATS_KEYS.map((k, i) => [k, values[i]]));
  bag.sum = wholeReal(finite.reduce((s, x) => s + x, 0));
  bag.len = series.length;
  return bag;
}

function fitLineDynamic(c: FunctionCall): unknown {
  if (c.args[0] === null || c.args[0] === undefined) return null;
  // Inside a dynamic value the fit's statistics stay reals (its line_fit already is an array of reals).
  const values = seriesFitLine([c.args[0]]).map(realOf);
  return Object.fromEntries(FIT_KEYS.map((k, i) => [k, values[i]]));
}

export const SERIES_REDUCTION_FUNCTIONS: Record<string, ScalarFunction> = {
  series_sum: (c) => allNumbers(c, 0, 'series_sum')?.reduce((s, x) => s + x, 0) ?? null,
  series_product: (c) => allNumbers(c, 0, 'series_product')?.reduce((s, x) => s * x, 1) ?? null,
  series_magnitude: (c) => {
    const v = allNumbers(c, 0, 'series_magnitude');
    return v === null ? null : Math.sqrt(v.reduce((s, x) => s + x * x, 0));
  },
  series_dot_product: dotProduct,
  series_cosine_similarity: cosineSimilarity,
  series_pearson_correlation: pearson,
  series_stats_dynamic: statsDynamic,
  series_fit_line_dynamic: fitLineDynamic,
};
