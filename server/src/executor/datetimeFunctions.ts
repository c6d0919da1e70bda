import { UnsupportedError } from './errors';
import type { KqlType } from './values';

/** Datetime helpers for the scalar functions; datetimes are UTC milliseconds since the epoch. */

const MS = { day: 86_400_000, hour: 3_600_000, minute: 60_000, second: 1000 };

export function startOfDay(ms: number, offsetDays = 0): number {
  return Math.floor(ms / MS.day) * MS.day + offsetDays * MS.day;
}

/** `bin(value, size)`: rounds down to a multiple of size, for numbers, datetimes and timespans. */
export function bin(value: unknown, size: unknown, valueType: KqlType): unknown {
  if (value === null || size === null || typeof value !== 'number' || typeof size !== 'number' || size <= 0)
    return null;
  const r = Math.floor(value / size) * size;
  return valueType === 'int' || valueType === 'long' ? Math.trunc(r) : r;
}

/**
 * `datetime_diff(part, a, b)`: how many `part` boundaries lie between b and a, as Kusto counts
 * them (calendar units compare calendar fields; fixed units compare truncated values).
 */
export function datetimeDiff(part: string, a: number, b: number): number | null {
  const da = new Date(a);
  const db = new Date(b);
  const months = (d: Date) => d.getUTCFullYear() * 12 + d.getUTCMonth();
  const floorDiff = (unit: number) => Math.floor(a / unit) - Math.floor(b / unit);
  switch (part.toLowerCase()) {
    case 'year':
      return da.getUTCFullYear() - db.getUTCFullYear();
    case 'quarter':
      return Math.floor(months(da) / 3) - Math.floor(months(db) / 3);
    case 'month':
      return months(da) - months(db);
    // Weeks start on Sunday; 1970-01-01 was a Thursday, so shift by four days.
    case 'week':
      return Math.floor((a + 4 * MS.day) / (7 * MS.day)) - Math.floor((b + 4 * MS.day) / (7 * MS.day));
    case 'day':
      return floorDiff(MS.day);
    case 'hour':
      return floorDiff(MS.hour);
    case 'minute':
      return floorDiff(MS.minute);
    case 'second':
      return floorDiff(MS.second);
    case 'millisecond':
      return floorDiff(1);
    // Datetimes are held in milliseconds, so a count of microseconds or nanoseconds would be
    // silently rounded: refuse by name instead of answering wrongly.
    case 'microsecond':
    case 'nanosecond':
      throw new UnsupportedError(`datetime_diff('${part}') (sub-millisecond precision)`);
    default:
      return null;
  }
}

/** `format_datetime(dt, format)` with the .NET-style specifiers that Kusto documents. */
export function formatDatetimeWith(ms: number, format: string): string {
  const d = new Date(ms);
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  const frac = String(Math.round((ms - Math.floor(ms / 1000) * 1000) * 10_000)).padStart(7, '0');
  const h12 = d.getUTCHours() % 12 === 0 ? 12 : d.getUTCHours() % 12;
  const tokens: Record<string, () => string> = {
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
  };
  let out = '';
  for (let i = 0; i < format.length;) {
    const f = /^[fF]{1,7}/.exec(format.slice(i));
    if (f) {
      out += frac.slice(0, f[0].length);
      i += f[0].length;
      continue;
    }
    const tok = ['yyyy', 'yy', 'MM', 'M', 'dd', 'd', 'HH', 'H', 'hh', 'h', 'mm', 'm', 'ss', 's', 'tt'].find(
      (t) => format.startsWith(t, i),
    );
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
