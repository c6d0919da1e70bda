import { normalLong } from './longs';
import type { FunctionCall, ScalarFunction } from './scalarFunctions';

/**
 * The bitwise functions (binary-and-function.md and its siblings) on 64-bit longs. The work is
 * done in BigInt with two's-complement wrap at 64 bits, and the result is an exact long
 * (longs.ts). A null argument gives null, and so does a negative shift
 * (binary-shift-left-function.md).
 */

const long = (c: FunctionCall, i: number): bigint | null => {
  const v = c.args[i];
  if (typeof v === 'bigint') return v;
  return typeof v === 'number' && Number.isInteger(v) ? BigInt(v) : null;
};

function binary(op: (a: bigint, b: bigint) => bigint): ScalarFunction {
  return (c) => {
    const a = long(c, 0);
    const b = long(c, 1);
    return a === null || b === null ? null : normalLong(op(a, b));
  };
}

/** value << (shift % 64) or >> it; a negative shift gives null. */
function shift(left: boolean): ScalarFunction {
  return (c) => {
    const value = long(c, 0);
    const by = long(c, 1);
    if (value === null || by === null || by < 0n) return null;
    const n = by % 64n;
    // A right shift of a long is arithmetic, as C#'s >> on a long is.
    return normalLong(left ? BigInt.asIntN(64, value << n) : BigInt.asIntN(64, value) >> n);
  };
}

export const BINARY_FUNCTIONS: Record<string, ScalarFunction> = {
  binary_and: binary((a, b) => a & b),
  binary_or: binary((a, b) => a | b),
  binary_xor: binary((a, b) => a ^ b),
  binary_not: (c) => {
    const a = long(c, 0);
    return a === null ? null : normalLong(~a);
  },
  binary_shift_left: shift(true),
  binary_shift_right: shift(false),
};
