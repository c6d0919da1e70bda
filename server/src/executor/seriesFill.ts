import { UnsupportedError } from './errors';
import type { FunctionCall, ScalarFunction } from './scalarFunctions';
import { toDynamic } from './values';
import { holdsWholeReal, wholeReal, wholeRealOf, wholeRealRefusal } from './wholeReals';

/**
 * The series interpolation functions (series-fill-*-function.md): they replace the elements that
 * equal the missing-value placeholder (null by default; a null placeholder of any type means
 * null) with a constant, the previous or next present value, or a linear interpolation.
 */

/** The series argument, or null when it is not an array (nothing to fill). */
const seriesOf = (c: FunctionCall): unknown[] | null => (Array.isArray(c.args[0]) ? c.args[0] : null);

/** Whether an element is missing, given the placeholder argument at index `i`. */
function missingTest(c: FunctionCall, i: number): (v: unknown) => boolean {
  const placeholder = i < c.args.length ? c.args[i] : null;
  if (placeholder === null || placeholder === undefined) return (v) => v === null || v === undefined;
  // Whether a placeholder 0 matches an element 0.0 (a whole real, wholeReals.ts) the pages do not say.
  if (holdsWholeReal(c.args[0]))
    throw wholeRealRefusal(undefined, `in a series filled with the placeholder ${String(placeholder)}`);
  return (v) => v === placeholder;
}

function fillConst(c: FunctionCall): unknown {
  const series = seriesOf(c);
  if (series === null) return null;
  const missing = missingTest(c, 2);
  // The constant goes in as its own type: an int array filled with the real 0.0 shows 0.0 among its
  // ints (series-fill-const-function.md).
  const constant = toDynamic(c.args[1], c.argTypes[1]);
  return series.map((v) => (missing(v) ? constant : v));
}

/** Each missing element takes the last present value before it; leading ones stay as they are. */
function fillForward(series: unknown[], missing: (v: unknown) => boolean): unknown[] {
  let last: unknown = undefined;
  return series.map((v) => {
    if (!missing(v)) last = v;
    return missing(v) && last !== undefined ? last : v;
  });
}

function fillLinear(c: FunctionCall): unknown {
  const series = seriesOf(c);
  if (series === null) return null;
  const missing = missingTest(c, 1);
  const fillEdges = c.args.length > 2 ? c.args[2] !== false : true;
  // The default constant is the real 0.0 ([0.0,0.0,0.0,0.0] in series-fill-linear-function.md).
  const constant = c.args.length > 3 ? toDynamic(c.args[3], c.argTypes[3]) : wholeReal(0);
  const present = series.flatMap((v, i) => (missing(v) ? [] : [i]));
  if (present.length === 0) return series.map(() => constant);
  const numberAt = (i: number): number => {
    const v = series[i];
    const n = wholeRealOf(v) ?? v;
    if (typeof n !== 'number')
      throw new UnsupportedError('series_fill_linear() of a series with an element that is not a number');
    return n;
  };
  present.forEach(numberAt);
  // A series of whole numbers that are not reals is an int/long array: its interpolated values are
  // cut to whole numbers (73.5 to 73, 32.667 to 32 on the page). A dynamic array mixing ints and
  // reals, or a negative value cut, the page does not show.
  const ints = present.every((i) => typeof series[i] === 'number' && Number.isInteger(series[i]));
  const hasInts = present.some((i) => typeof series[i] === 'number' && Number.isInteger(series[i]));
  if (hasInts && !ints)
    throw new UnsupportedError('series_fill_linear() of a series mixing int and real elements');
  const out = series.slice();
  for (let k = 0; k + 1 < present.length; k++) {
    const [from, to] = [present[k], present[k + 1]];
    const [a, b] = [numberAt(from), numberAt(to)];
    for (let i = from + 1; i < to; i++) {
      const v = a + ((b - a) * (i - from)) / (to - from);
      if (ints && v < 0 && !Number.isInteger(v))
        throw new UnsupportedError(
          'series_fill_linear() cutting a negative interpolated value of an int series',
        );
      out[i] = ints ? Math.trunc(v) : wholeReal(v);
    }
  }
  if (fillEdges) {
    const first = present[0];
    const last = present[present.length - 1];
    for (let i = 0; i < first; i++) out[i] = series[first];
    for (let i = last + 1; i < series.length; i++) out[i] = series[last];
  }
  return out;
}

export const SERIES_FILL_FUNCTIONS: Record<string, ScalarFunction> = {
  series_fill_const: fillConst,
  series_fill_forward: (c) => {
    const series = seriesOf(c);
    return series === null ? null : fillForward(series, missingTest(c, 1));
  },
  series_fill_backward: (c) => {
    const series = seriesOf(c);
    return series === null ? null : fillForward(series.slice().reverse(), missingTest(c, 1)).reverse();
  },
  series_fill_linear: fillLinear,
};
