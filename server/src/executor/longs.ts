/**
 * Exact 64-bit longs (scalar-data-types/long.md). A long whose value a JS number holds exactly
 * (a safe integer, within ±(2^53 - 1)) is a number, so the common case stays as fast as it was;
 * a long beyond that is a bigint. Every long the executor makes goes through `normalLong`, so one
 * value always has one form: a safe value is never a bigint and a bigint is never safe, which keeps
 * `===`, grouping keys and sorting right without asking which form a value has.
 *
 * Arithmetic wraps at 64 bits in two's complement, as .NET's unchecked long arithmetic does
 * (Kusto documents no overflow error for long); division by zero gives null, as it does for
 * safe longs, and the one division that overflows (-2^63 / -1) is refused by name.
 */

import { UnsupportedError } from './errors';
import { EXACT_LONG_READERS } from './passThroughFunctions';

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const MIN_SAFE = Number.MIN_SAFE_INTEGER;
const BIG_MAX_SAFE = BigInt(MAX_SAFE);
const BIG_MIN_SAFE = BigInt(MIN_SAFE);
export const LONG_MIN = -(2n ** 63n);
export const LONG_MAX = 2n ** 63n - 1n;

export type Long = number | bigint;

/** A 64-bit result in the executor's form: wrapped to 64 bits, a number when it is safe. */
export function normalLong(v: bigint): Long {
  const w = BigInt.asIntN(64, v);
  return w <= BIG_MAX_SAFE && w >= BIG_MIN_SAFE ? Number(w) : w;
}

/** Whether a JS number is a long the executor may hold as a number. */
export function isSafeLong(n: number): boolean {
  return n <= MAX_SAFE && n >= MIN_SAFE;
}

/** A whole double as a long, exactly (the double's own value), or null beyond the 64-bit range. */
export function longOfWholeDouble(n: number): Long | null {
  if (!Number.isFinite(n)) return null;
  const t = Math.trunc(n);
  if (isSafeLong(t)) return t;
  const b = BigInt(t);
  return b > LONG_MAX || b < LONG_MIN ? null : b;
}

/** Decimal digits (an optional sign) as a long, or null when they are beyond the 64-bit range. */
export function longOfDigits(text: string): Long | null {
  const b = BigInt(text.trim());
  return b > LONG_MAX || b < LONG_MIN ? null : normalLong(b);
}

const big = (v: Long): bigint => (typeof v === 'bigint' ? v : BigInt(v));

/** The integer operators on two longs (numbers or bigints): the result wraps at 64 bits. */
export type LongOperator = (a: Long, b: Long) => Long | null;

export function longAdd(a: Long, b: Long): Long {
  if (typeof a === 'number' && typeof b === 'number') {
    const s = a + b;
    if (isSafeLong(s)) return s;
  }
  return normalLong(big(a) + big(b));
}

export function longSubtract(a: Long, b: Long): Long {
  if (typeof a === 'number' && typeof b === 'number') {
    const s = a - b;
    if (isSafeLong(s)) return s;
  }
  return normalLong(big(a) - big(b));
}

export function longMultiply(a: Long, b: Long): Long {
  if (typeof a === 'number' && typeof b === 'number') {
    const p = a * b;
    // A product within the safe range was computed exactly (both factors are whole numbers).
    if (isSafeLong(p)) return p === 0 ? 0 : p;
  }
  return normalLong(big(a) * big(b));
}

export function longDivide(a: Long, b: Long): Long | null {
  // a - a % b is an exact multiple of b, so its quotient is exact where a / b could round.
  if (typeof a === 'number' && typeof b === 'number') return b === 0 ? null : (a - (a % b)) / b || 0;
  const d = big(b);
  if (d === 0n) return null;
  const n = big(a);
  if (n === LONG_MIN && d === -1n)
    throw new UnsupportedError('the long division -9223372036854775808 / -1', 'it overflows 64 bits');
  return normalLong(n / d);
}

export function longModulo(a: Long, b: Long): Long | null {
  if (typeof a === 'number' && typeof b === 'number') return b === 0 ? null : a % b || 0;
  const d = big(b);
  if (d === 0n) return null;
  return normalLong(big(a) % d);
}

/** -v for a long: -(-2^63) wraps to itself, as .NET's unchecked negation does. */
export function longNegate(v: Long): Long {
  return typeof v === 'number' ? -v || 0 : normalLong(-v);
}

/** A long met where a real is wanted, converted as Kusto converts a long to a real. */
export function realOfLong(v: unknown): unknown {
  return typeof v === 'bigint' ? Number(v) : v;
}

/**
 * The scalar functions that take a long beyond 2^53 (a bigint) as the exact long it is. Every
 * other function was written for longs held as numbers, so it refuses such an argument by name
 * rather than misread it (`refuseBigLongArguments`).
 */
export const BIG_LONG_FUNCTIONS = new Set<string>([
  ...EXACT_LONG_READERS,
  'hash',
  'hash_xxhash64',
  // Refused for their own reason (hashFunctions.ts), which is the one to report.
  'hash_combine',
  'hash_many',
  'binary_and',
  'binary_or',
  'binary_xor',
  'binary_not',
  'binary_shift_left',
  'binary_shift_right',
  'unixtime_seconds_todatetime',
  'unixtime_milliseconds_todatetime',
  'unixtime_microseconds_todatetime',
  'unixtime_nanoseconds_todatetime',
]);

/** Refuses a long beyond 2^53 given to a function that would read it as a number. */
export function refuseBigLongArguments(name: string, args: readonly unknown[], at: readonly number[]): void {
  for (const i of at)
    if (typeof args[i] === 'bigint')
      throw new UnsupportedError(
        `${name}() of the long ${args[i] as bigint}`,
        'this function takes longs exactly only within 2^53',
      );
}

/** A long result a function computed as a double beyond 2^53, which may have been rounded. */
export function refuseRoundedLong(name: string, v: unknown): unknown {
  if (typeof v === 'number' && !isSafeLong(v) && Number.isFinite(v))
    throw new UnsupportedError(`${name}() of a long result beyond 2^53`, `${v} may have been rounded`);
  return v;
}
