import { UnsupportedError } from './errors';
import type { FunctionCall, ScalarFunction } from './scalarFunctions';

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
  return (v) => v === placeholder;
}

function fillConst(c: FunctionCall): unknown {
  const series = seriesOf(c);
  if (series === null) return null;
  const missing = missingTest(c, 2);
  return series.map((v) => (missing(v) ? c.args[1] : v));
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
  const constant = c.args.length > 3 ? c.args[3] : 0;
  const present = series.flatMap((v, i) => (missing(v) ? [] : [i]));
  if (present.length === 0) return series.map(() => constant);
  if (present.some((i) => typeof series[i] !== 'number'))
    throw new UnsupportedError('series_fill_linear() of a series with an element that is not a number');
  const whole = present.every((i) => Number.isInteger(series[i]));
  const out = series.slice();
  for (let k = 0; k + 1 < present.length; k++) {
    const [from, to] = [present[k], present[k + 1]];
    const [a, b] = [series[from] as number, series[to] as number];
    for (let i = from + 1; i < to; i++) {
      const v = a + ((b - a) * (i - from)) / (to - from);
      // The page rounds for int/long arrays only; a dynamic array here does not keep whether
      // 111 was written 111 or 111.0, so a fractional value between whole numbers is refused.
      if (whole && !Number.isInteger(v))
        throw new UnsupportedError(
          'series_fill_linear() interpolating between whole numbers: whether the array is of int (rounded) or real elements is not kept locally',
        );
      out[i] = v;
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
