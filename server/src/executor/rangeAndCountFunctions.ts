import { UnsupportedError } from './errors';
import type { ScalarFunction } from './scalarFunctions';
import { TICKS_PER_DAY, TICKS_PER_HOUR, TICKS_PER_MINUTE } from './ticks';

/**
 * around() (a range test), bitset_count_ones() (a bit count) and make_timespan() (a timespan
 * from counts of units), each as its reference page defines it.
 */
export const RANGE_AND_COUNT_FUNCTIONS: Record<string, ScalarFunction> = {
  // around-function.md: value within [center - delta, center + delta], bounds included; null
  // when any argument is null. Datetimes and timespans are bigint ticks, the rest numbers.
  around: ({ args: [value, center, delta] }) => {
    if (value === null || center === null || delta === null) return null;
    if (typeof value === 'bigint' && typeof center === 'bigint' && typeof delta === 'bigint')
      return center - delta <= value && value <= center + delta;
    if (typeof value === 'number' && typeof center === 'number' && typeof delta === 'number')
      return center - delta <= value && value <= center + delta;
    throw new UnsupportedError('around() of a number and a time together');
  },

  // bitset-count-ones-function.md: the set bits of the value's 64-bit two's complement form.
  bitset_count_ones: ({ args: [value] }) => {
    if (typeof value !== 'number' && typeof value !== 'bigint') return null;
    let bits = BigInt.asUintN(64, BigInt(value));
    let ones = 0;
    for (; bits > 0n; bits >>= 1n) if (bits & 1n) ones++;
    return ones;
  },

  // make-timespan-function.md: (hour, minute), (hour, minute, second) or (day, hour, minute,
  // second); a value outside its documented range (hour 0-23, minute 0-59, second below 60)
  // makes no timespan, so the result is null.
  make_timespan: ({ args }) => {
    if (args.some((a) => a === null || typeof a !== 'number')) return null;
    const [day, hour, minute, second] =
      args.length === 4 ? (args as number[]) : [0, ...(args as number[]), 0];
    if (!Number.isInteger(day) || !Number.isInteger(hour) || !Number.isInteger(minute)) return null;
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second >= 60) return null;
    if (day < 0) throw new UnsupportedError('make_timespan() of a negative day', 'its page does not say');
    // Seconds are a real: refused when they do not fall on a tick rather than rounded to one.
    const secondTicks = second * 1e7;
    if (Math.abs(secondTicks - Math.round(secondTicks)) > 1e-6)
      throw new UnsupportedError(`make_timespan() of ${second} seconds`, 'they do not fall on a 100 ns tick');
    return (
      BigInt(day) * TICKS_PER_DAY +
      BigInt(hour) * TICKS_PER_HOUR +
      BigInt(minute) * TICKS_PER_MINUTE +
      BigInt(Math.round(secondTicks))
    );
  },
};
