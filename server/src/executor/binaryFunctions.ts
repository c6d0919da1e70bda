import { UnsupportedError } from './errors';
import type { FunctionCall, ScalarFunction } from './scalarFunctions';

/**
 * The bitwise functions (binary-and-function.md and its siblings) on 64-bit longs. The work is
 * done in BigInt with two's-complement wrap at 64 bits; a result beyond 2^53, which the executor
 * does not hold exactly as a JS number, is refused by name rather than rounded. A null argument
 * gives null, and so does a negative shift (binary-shift-left-function.md).
 */

const long = (c: FunctionCall, i: number): bigint | null =>
  typeof c.args[i] === 'number' && Number.isInteger(c.args[i]) ? BigInt(c.args[i] as number) : null;

function exact(name: string, n: bigint): number {
  const v = BigInt.asIntN(64, n);
  if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER))
    throw new UnsupportedError(`${name}() of a result beyond 2^53`, `${v} is not held exactly as a long yet`);
  return Number(v);
}

function binary(name: string, op: (a: bigint, b: bigint) => bigint): ScalarFunction {
  return (c) => {
    const a = long(c, 0);
    const b = long(c, 1);
    return a === null || b === null ? null : exact(name, op(a, b));
  };
}

/** value << (shift % 64) or >> it; a negative shift gives null. */
function shift(name: string, left: boolean): ScalarFunction {
  return (c) => {
    const value = long(c, 0);
    const by = long(c, 1);
    if (value === null || by === null || by < 0n) return null;
    const n = by % 64n;
    // A right shift of a long is arithmetic, as C#'s >> on a long is.
    return exact(name, left ? BigInt.asIntN(64, value << n) : BigInt.asIntN(64, value) >> n);
  };
}

export const BINARY_FUNCTIONS: Record<string, ScalarFunction> = {
  binary_and: binary('binary_and', (a, b) => a & b),
  binary_or: binary('binary_or', (a, b) => a | b),
  binary_xor: binary('binary_xor', (a, b) => a ^ b),
  binary_not: (c) => {
    const a = long(c, 0);
    return a === null ? null : exact('binary_not', ~a);
  },
  binary_shift_left: shift('binary_shift_left', true),
  binary_shift_right: shift('binary_shift_right', false),
};
