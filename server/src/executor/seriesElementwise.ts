import { UnsupportedError } from './errors';
import { realArray, wholeReal, wholeRealOf } from './wholeReals';
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
    `${name}() with a ${numberOf(v) !== undefined ? 'scalar' : 'non-array value'} in place of an array: its reference page defines arrays only`,
  );
}

/** The number an element holds (a whole real's marker included), undefined for a non-numeric one. */
function numberOf(x: unknown): number | undefined {
  return typeof x === 'number' ? x : wholeRealOf(x);
}

/**
 * Whether an element is a real. Inside a dynamic value a whole real is a marker and a plain whole
 * number a long; a scalar argument's type says it (a real 2.0 arrives as the number 2).
 */
function isReal(x: unknown, argType: string): boolean {
  if (typeof x !== 'number') return wholeRealOf(x) !== undefined;
  return argType === 'real' || !Number.isInteger(x);
}

/**
 * The element a type-following function gives: a real when one of its operands is a real, else
 * a long. series-abs-function.md shows it element by element: |[-6.5,0,8.2]| is [6.5,0,8.2], the
 * long 0 staying a long beside reals. A long result beyond 2^53 is refused rather than rounded.
 */
function typedResult(name: string, n: number, real: boolean): unknown {
  if (real) return wholeReal(n);
  if (!Number.isSafeInteger(n) && Number.isFinite(n))
    throw new UnsupportedError(`${name}() of longs whose result ${n} is beyond 2^53`);
  return n;
}

/**
 * Two arrays combined element by element; the result is as long as the longer one. A number in
 * place of one array stands at each of the other's positions, as series-fit-poly-function.md's
 * example (series_subtract(TimeStamp, series_stats__min)) uses it. With `typed`, each element
 * follows its operands' types (typedResult); otherwise `op` gives the element as it is.
 */
function binary(name: string, op: (a: number, b: number) => unknown, typed = false): ScalarFunction {
  return (c) => {
    const [u, v] = [c.args[0], c.args[1]];
    const [uScalar, vScalar] = [
      !Array.isArray(u) && numberOf(u) !== undefined,
      !Array.isArray(v) && numberOf(v) !== undefined,
    ];
    if (uScalar && vScalar)
      throw new UnsupportedError(`${name}() of two scalars: its reference page defines arrays only`);
    const a = uScalar ? null : seriesArg(c, 0, name);
    const b = vScalar ? null : seriesArg(c, 1, name);
    const xs = a ?? (b === null ? null : b.map(() => u));
    const ys = b ?? (a === null ? null : a.map(() => v));
    if (xs === null || ys === null) return null;
    const [xType, yType] = [uScalar ? c.argTypes[0] : 'dynamic', vScalar ? c.argTypes[1] : 'dynamic'];
    const out: unknown[] = [];
    for (let i = 0; i < Math.max(xs.length, ys.length); i++) {
      const x = numberOf(xs[i]);
      const y = numberOf(ys[i]);
      if (x === undefined || y === undefined) out.push(null);
      else if (!typed) out.push(op(x, y));
      else out.push(typedResult(name, op(x, y) as number, isReal(xs[i], xType) || isReal(ys[i], yType)));
    }
    return out;
  };
}

/**
 * One array mapped element by element. `inDomain` says which numbers the function is defined for;
 * an element outside it is refused, since the series page does not say whether it gives null
 * (as the scalar function does) or NaN. With `typed`, each element keeps its own type.
 */
function unary(
  name: string,
  op: (a: number) => number,
  { inDomain, typed = false }: { inDomain?: (a: number) => boolean; typed?: boolean } = {},
): ScalarFunction {
  return (c) => {
    const a = seriesArg(c, 0, name);
    if (a === null) return null;
    return a.map((e) => {
      const x = numberOf(e);
      if (x === undefined) return null;
      if (inDomain && !inDomain(x))
        throw new UnsupportedError(
          `${name}() of the element ${x}, outside the function's domain: its reference page does not say what that gives`,
        );
      return typed ? typedResult(name, op(x), isReal(e, 'dynamic')) : op(x);
    });
  };
}

const unitRange = (x: number): boolean => x >= -1 && x <= 1;

/**
 * A function whose elements are reals whatever its input: each whole element is kept a real
 * (wholeReals.ts), as the pages print them (series_divide [0.25,1.0,4.0], series_pow
 * [1.0,4.0,27.0,2.0], series_floor [-2.0,1.0,2.0], series_cos [0.54…,1.0,0.54…], series_log
 * [0.0,0.69…,1.09…] of the longs [1,2,3]).
 */
function realElements(f: ScalarFunction): ScalarFunction {
  return (c) => realArray(f(c));
}

/**
 * The pages show add, subtract, multiply, abs and sign giving longs for longs ([5,4,5],
 * [-1,0,1]) and the trigonometric, exponential and rounding ones giving reals for longs.
 */
export const SERIES_ELEMENTWISE_FUNCTIONS: Record<string, ScalarFunction> = {
  series_add: binary('series_add', (a, b) => a + b, true),
  series_subtract: binary('series_subtract', (a, b) => a - b, true),
  series_multiply: binary('series_multiply', (a, b) => a * b, true),
  // The result is real even for integers, and division by zero follows real division (series-divide-function.md).
  series_divide: realElements(binary('series_divide', (a, b) => a / b)),
  series_pow: realElements(binary('series_pow', (a, b) => Math.pow(a, b))),
  series_equals: binary('series_equals', (a, b) => a === b),
  series_not_equals: binary('series_not_equals', (a, b) => a !== b),
  series_greater: binary('series_greater', (a, b) => a > b),
  series_greater_equals: binary('series_greater_equals', (a, b) => a >= b),
  series_less: binary('series_less', (a, b) => a < b),
  series_less_equals: binary('series_less_equals', (a, b) => a <= b),
  series_abs: unary('series_abs', Math.abs, { typed: true }),
  series_sign: unary('series_sign', (x) => (x > 0 ? 1 : x < 0 ? -1 : 0), { typed: true }),
  series_acos: realElements(unary('series_acos', Math.acos, { inDomain: unitRange })),
  series_asin: realElements(unary('series_asin', Math.asin, { inDomain: unitRange })),
  series_atan: realElements(unary('series_atan', Math.atan)),
  series_ceiling: realElements(unary('series_ceiling', Math.ceil)),
  series_floor: realElements(unary('series_floor', Math.floor)),
  series_cos: realElements(unary('series_cos', Math.cos)),
  series_sin: realElements(unary('series_sin', Math.sin)),
  series_tan: realElements(unary('series_tan', Math.tan)),
  series_exp: realElements(unary('series_exp', Math.exp)),
  series_log: realElements(unary('series_log', Math.log, { inDomain: (x) => x > 0 })),
};
