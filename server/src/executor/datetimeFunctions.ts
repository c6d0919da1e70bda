import { UnsupportedError } from './errors';
import { normalLong, type Long } from './longs';
import {
  EPOCH_TICKS,
  FIXED_UNIT_TICKS,
  floorDiv,
  fractionDigits,
  msOf,
  TICKS_PER_DAY,
  TICKS_PER_HOUR,
  TICKS_PER_MINUTE,
  TICKS_PER_SECOND,
} from './ticks';
import type { KqlType } from './values';

/** Datetime helpers for the scalar functions; datetimes are bigint ticks since the Unix epoch (ticks.ts). */

export function startOfDay(ticks: bigint, offsetDays = 0n): bigint {
  return floorDiv(ticks, TICKS_PER_DAY) * TICKS_PER_DAY + offsetDays * TICKS_PER_DAY;
}

/**
 * `bin(value, size)`: rounds down to a multiple of size, for numbers, datetimes and timespans.
 * A datetime is binned on its ticks since 0001-01-01, as Kusto's DateTime does, so 7-day bins
 * start on Mondays (0001-01-01 was one), not on the Thursday the Unix epoch fell on.
 */
export function bin(value: unknown, size: unknown, valueType: KqlType): unknown {
  if (typeof value === 'bigint') {
    if (typeof size !== 'bigint' || size <= 0n) return null;
    const base = valueType === 'datetime' ? EPOCH_TICKS : 0n;
    return floorDiv(value + base, size) * size - base;
  }
  if (typeof value !== 'number' || typeof size !== 'number' || size <= 0) return null;
  const r = Math.floor(value / size) * size;
  return valueType === 'int' || valueType === 'long' ? Math.trunc(r) : r;
}

/**
 * `datetime_diff(part, a, b)`: how many `part` boundaries lie between b and a, as Kusto counts
 * them (calendar units compare calendar fields; fixed units compare truncated values).
 */
export function datetimeDiff(part: string, a: bigint, b: bigint): Long | null {
  const da = new Date(msOf(a));
  const db = new Date(msOf(b));
  const months = (d: Date) => d.getUTCFullYear() * 12 + d.getUTCMonth();
  const unit = part.toLowerCase();
  switch (unit) {
    case 'year':
      return da.getUTCFullYear() - db.getUTCFullYear();
    case 'quarter':
      return Math.floor(months(da) / 3) - Math.floor(months(db) / 3);
    case 'month':
      return months(da) - months(db);
    // Weeks start on Sunday; 1970-01-01 was a Thursday, so shift by four days.
    case 'week': {
      const week = (t: bigint) => floorDiv(t + 4n * TICKS_PER_DAY, 7n * TICKS_PER_DAY);
      return Number(week(a) - week(b));
    }
    // Nanoseconds between two datetimes pass 2^53 within 105 days: an exact long (longs.ts).
    case 'nanosecond':
      return normalLong((a - b) * 100n);
  }
  const size = FIXED_UNIT_TICKS[unit];
  return size === undefined ? null : normalLong(floorDiv(a, size) - floorDiv(b, size));
}

/**
 * Writes `format` with the tokens given, longest first, and the .NET fraction specifiers: `f`
 * to `fffffff` print that many digits of the second's fraction; `F` to `FFFFFFF` the same
 * digits without trailing zeros (nothing when they are all zero). Anything else is copied.
 */
function formatWith(format: string, tokens: Record<string, () => string>, fraction: string): string {
  const names = Object.keys(tokens).sort((a, b) => b.length - a.length);
  let out = '';
  for (let i = 0; i < format.length;) {
    const f = /^(?:f{1,7}|F{1,7})/.exec(format.slice(i));
    if (f) {
      const digits = fraction.slice(0, f[0].length);
      out += f[0][0] === 'F' ? digits.replace(/0+$/, '') : digits;
      i += f[0].length;
      continue;
    }
    const tok = names.find((t) => format.startsWith(t, i));
    if (tok) {
      out += tokens[tok]();
      i += tok.length;
    } else {
      out += format[i];
      i++;
    }
  }
  return out;
}

const pad = (n: number | bigint, w: number) => String(n).padStart(w, '0');

/** `format_datetime(dt, format)` with the .NET-style specifiers that Kusto documents. */
export function formatDatetimeWith(ticks: bigint, format: string): string {
  const d = new Date(msOf(ticks));
  const h12 = d.getUTCHours() % 12 === 0 ? 12 : d.getUTCHours() % 12;
  return formatWith(
    format,
    {
      yyyy: () => pad(d.getUTCFullYear(), 4),
      yy: () => pad(d.getUTCFullYear() % 100, 2),
      MM: () => pad(d.getUTCMonth() + 1, 2),
      M: () => String(d.getUTCMonth() + 1),
      dd: () => pad(d.getUTCDate(), 2),
      d: () => String(d.getUTCDate()),
      HH: () => pad(d.getUTCHours(), 2),
      H: () => String(d.getUTCHours()),
      hh: () => pad(h12, 2),
      h: () => String(h12),
      mm: () => pad(d.getUTCMinutes(), 2),
      m: () => String(d.getUTCMinutes()),
      ss: () => pad(d.getUTCSeconds(), 2),
      s: () => String(d.getUTCSeconds()),
      tt: () => (d.getUTCHours() < 12 ? 'AM' : 'PM'),
    },
    fractionDigits(ticks),
  );
}

/**
 * `format_timespan(ts, format)` (format-timespan-function.md): `d` to `dddddddd` are whole days
 * padded to that width; hours, minutes and seconds are within the day. A negative timespan is
 * refused by name: the page does not say how its sign is written.
 */
export function formatTimespanWith(ticks: bigint, format: string): string {
  if (ticks < 0n) throw new UnsupportedError('format_timespan() of a negative timespan');
  const days = ticks / TICKS_PER_DAY;
  const hours = (ticks % TICKS_PER_DAY) / TICKS_PER_HOUR;
  const minutes = (ticks % TICKS_PER_HOUR) / TICKS_PER_MINUTE;
  const seconds = (ticks % TICKS_PER_MINUTE) / TICKS_PER_SECOND;
  const tokens: Record<string, () => string> = {
    HH: () => pad(hours, 2),
    H: () => String(hours),
    hh: () => pad(hours, 2),
    h: () => String(hours),
    mm: () => pad(minutes, 2),
    m: () => String(minutes),
    ss: () => pad(seconds, 2),
    s: () => String(seconds),
  };
  for (let width = 1; width <= 8; width++) tokens['d'.repeat(width)] = () => pad(days, width);
  return formatWith(format, tokens, String(ticks % TICKS_PER_SECOND).padStart(7, '0'));
}

/** `bin_at(value, size, fixed)`: bins of `size` aligned so that one starts at `fixed`. */
export function binAt(value: unknown, size: unknown, fixed: unknown): unknown {
  if (typeof value === 'bigint' && typeof size === 'bigint' && typeof fixed === 'bigint')
    return size <= 0n ? null : fixed + floorDiv(value - fixed, size) * size;
  if (typeof value === 'number' && typeof size === 'number' && typeof fixed === 'number')
    return size <= 0 ? null : fixed + Math.floor((value - fixed) / size) * size;
  return null;
}
