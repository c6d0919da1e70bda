import { UnsupportedError } from './errors';
import { wholeReal } from './wholeReals';
import type { FunctionCall, ScalarFunction } from './scalarFunctions';

/**
 * The element-wise series functions (series-add-function.md and its siblings): dynamic arrays of
 * numbers combined or mapped element by element. The pages say that a non-numeric element, or an
 * element missing because the arrays differ in length, gives a null element. What they leave open
 * is refused by name: two scalars, a non-array value, and an element outside a function's
 * domain (the log of zero, the arc cosine of 2), for which the series pages give no answer.
 */

/** The array argument `i`, null for a null argument, or a refusal for a value that is not an array. */
function seriesArg(c: FunctionCall, i: number, name: string): unknown[] | null {
  const v = c.args[i];
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return v;
  throw new UnsupportedError(
    `${name}() with a ${typeof v === 'number' ? 'scalar' : 'non-array value'} in place of an array: its reference page defines arrays only`,
  );
}

const isNumber = (v: unknown): v is number => typeof v === 'number';

/**
 * Two arrays combined element by element; the result is as long as the longer one. A number in
 * place of one array stands at each of the other's positions, as series-fit-poly-function.md's
 * example (series_subtract(TimeStamp, series_stats__min)) uses it.
 */
function binary(name: string, op: (a: number, b: number) => unknown): ScalarFunction {
  return (c) => {
    const [u, v] = [c.args[0], c.args[1]];
    if (isNumber(u) && isNumber(v))
      throw new UnsupportedError(`${name}() of two scalars: its reference page defines arrays only`);
    const a = isNumber(u) ? null : seriesArg(c, 0, name);
    const b = isNumber(v) ? null : seriesArg(c, 1, name);
    const xs = a ?? (b === null ? null : b.map(() => u));
    const ys = b ?? (a === null ? null : a.map(() => v));
    if (xs === null || ys === null) return null;
    const out: unknown[] = [];
    for (let i = 0; i < Math.max(xs.length, ys.length); i++) {
      const x = xs[i];
      const y = ys[i];
      out.push(isNumber(x) && isNumber(y) ? op(x, y) : null);
    }
    return out;
  };
}

/**
 * One array mapped element by element. `inDomain` says which numbers the function is defined for;
 * an element outside it is refused, since the series page does not say whether it gives null
 * (as the scalar function does) or NaN.
 */
function unary(name: string, op: (a: number) => number, inDomain?: (a: number) => boolean): ScalarFunction {
  return (c) => {
    const a = seriesArg(c, 0, name);
    if (a === null) return null;
    return a.map((x) => {
      if (!isNumber(x)) return null;
      if (inDomain && !inDomain(x))
        throw new UnsupportedError(
          `${name}() of the element ${x}, outside the function's domain: its reference page does not say what that gives`,
        );
      return op(x);
    });
  };
}

const unitRange = (x: number): boolean => x >= -1 && x <= 1;

/**
 * A function whose elements are reals whatever its input: each whole element is kept a real
 * (wholeReals.ts), as the pages print them (series_divide [0.25,1.0,4.0], series_pow
 * [1.0,4.0,27.0,2.0], series_floor [-2.0,1.0,2.0], series_ceiling [-1.0,1.0,3.0]).
 */
function realElements(f: ScalarFunction): ScalarFunction {
  return (c) => {
    const out = f(c);
    return Array.isArray(out) ? out.map((x) => (typeof x === 'number' ? wholeReal(x) : x)) : out;
  };
}

export const SERIES_ELEMENTWISE_FUNCTIONS: Record<string, ScalarFunction> = {
  series_add: binary('series_add', (a, b) => a + b),
  series_subtract: binary('series_subtract', (a, b) => a - b),
  series_multiply: binary('series_multiply', (a, b) => a * b),
  // The result is real even for integers, and division by zero follows real division (series-divide-function.md).
  series_divide: realElements(binary('series_divide', (a, b) => a / b)),
  series_pow: realElements(binary('series_pow', (a, b) => Math.pow(a, b))),
  series_equals: binary('series_equals', (a, b) => a === b),
  series_not_equals: binary('series_not_equals', (a, b) => a !== b),
  series_greater: binary('series_greater', (a, b) => a > b),
  series_greater_equals: binary('series_greater_equals', (a, b) => a >= b),
  series_less: binary('series_less', (a, b) => a < b),
  series_less_equals: binary('series_less_equals', (a, b) => a <= b),
  series_abs: unary('series_abs', Math.abs),
  series_acos: unary('series_acos', Math.acos, unitRange),
  series_asin: unary('series_asin', Math.asin, unitRange),
  series_atan: unary('series_atan', Math.atan),
  series_ceiling: realElements(unary('series_ceiling', Math.ceil)),
  series_floor: realElements(unary('series_floor', Math.floor)),
  series_cos: unary('series_cos', Math.cos),
  series_sin: unary('series_sin', Math.sin),
  series_tan: unary('series_tan', Math.tan),
  series_exp: unary('series_exp', Math.exp),
  series_log: unary('series_log', Math.log, (x) => x > 0),
  series_sign: unary('series_sign', (x) => (x > 0 ? 1 : x < 0 ? -1 : 0)),
};
