import { UnsupportedError } from './errors';
import { argNumber } from './functionArgs';
import type { FunctionCall, ScalarFunction } from './scalarFunctions';
import { compareValues } from './values';

/**
 * Mathematical functions, each as its page in Kusto's reference describes it. A null argument
 * gives null; a result that is not a number (log of a negative) is NaN, which Kusto prints as NaN.
 * Integer arguments keep an integer result where the binder says so (abs, sign, round of a long).
 */

const num = argNumber;
const isInteger = (c: FunctionCall) => c.resultType === 'int' || c.resultType === 'long';

/** A function of one number; null in, null out. */
function unary(f: (x: number) => number): ScalarFunction {
  return (c) => {
    const x = num(c, 0);
    return x === null ? null : f(x);
  };
}

/**
 * round(x [, digits]), halves away from zero. The digits are shifted through the decimal text
 * (`2.15e1`) rather than multiplied, so that round(2.15, 1) is 2.2 as documented, not 2.1.
 */
function round(c: FunctionCall): unknown {
  const x = num(c, 0);
  const digits = c.args.length > 1 ? num(c, 1) : 0;
  if (x === null || digits === null) return null;
  if (!Number.isFinite(x)) return x;
  const shift = (v: number, by: number) => Number(`${v}e${by}`);
  const magnitude = shift(Math.round(shift(Math.abs(x), digits)), -digits);
  const r = Math.sign(x) * magnitude;
  return isInteger(c) ? Math.trunc(r) : r;
}

/** max_of / min_of: nulls give way to any value; all null gives null. */
function extreme(sign: 1 | -1): ScalarFunction {
  return (c) => {
    let best: unknown = null;
    for (const v of c.args) {
      if (v === null || v === undefined) continue;
      if (best === null || sign * compareValues(v, best) > 0) best = v;
    }
    return best;
  };
}

/** rand() in [0, 1), or rand(N) one of 0, 1, ..., N - 1 as a real (rand-function.md); random each call. */
function rand(c: FunctionCall): number | null {
  if (c.args.length === 0) return Math.random();
  const n = num(c, 0);
  if (n === null) return null;
  if (n < 1) throw new UnsupportedError('rand(N) with N below 1');
  return Math.floor(Math.random() * Math.trunc(n));
}

export const MATH_FUNCTIONS: Record<string, ScalarFunction> = {
  rand,
  abs: unary(Math.abs),
  ceiling: unary(Math.ceil),
  sqrt: unary(Math.sqrt),
  exp: unary(Math.exp),
  exp2: unary((x) => 2 ** x),
  exp10: unary((x) => 10 ** x),
  log: unary(Math.log),
  log2: unary(Math.log2),
  log10: unary(Math.log10),
  sign: unary(Math.sign),
  cos: unary(Math.cos),
  sin: unary(Math.sin),
  tan: unary(Math.tan),
  acos: unary(Math.acos),
  asin: unary(Math.asin),
  atan: unary(Math.atan),
  cot: unary((x) => 1 / Math.tan(x)),
  degrees: unary((x) => (x * 180) / Math.PI),
  radians: unary((x) => (x * Math.PI) / 180),
  pi: () => Math.PI,
  pow: (c) => {
    const [x, y] = [num(c, 0), num(c, 1)];
    return x === null || y === null ? null : x ** y;
  },
  atan2: (c) => {
    const [y, x] = [num(c, 0), num(c, 1)];
    return x === null || y === null ? null : Math.atan2(y, x);
  },
  round,
  max_of: extreme(1),
  min_of: extreme(-1),
};
