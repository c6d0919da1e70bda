import { UnsupportedError } from './errors';
import type { FunctionCall, ScalarFunction } from './scalarFunctions';
import {
  FIXED_UNIT_TICKS,
  floorDiv,
  floorMod,
  inRange,
  msOf,
  parseTimespanTicks,
  TICKS_PER_DAY,
  TICKS_PER_MS,
  TICKS_PER_SECOND,
  ticksOfMs,
  ticksOfNumber,
  utcMs,
} from './ticks';

/**
 * Calendar functions (datetime_part, datetime_add, make_datetime, the startof and endof families, the day-of functions,
 * unixtime_*_todatetime, totimespan). Datetimes are bigint ticks since the Unix epoch (ticks.ts);
 * the calendar fields come from a JS Date of the whole milliseconds, and the ticks below a
 * millisecond are carried alongside.
 */

const DAY = 86_400_000;
const num = (c: FunctionCall, i: number): number | null =>
  typeof c.args[i] === 'number' ? (c.args[i] as number) : null;
const ticksArg = (c: FunctionCall, i: number): bigint | null =>
  typeof c.args[i] === 'bigint' ? (c.args[i] as bigint) : null;
const text = (c: FunctionCall, i: number): string => String(c.args[i] ?? '').toLowerCase();

function utc(ms: number): Date {
  return new Date(ms);
}

/** The ISO-like week Kusto's week_of_year uses (ISO 8601: weeks start on Monday, week 1 holds the first Thursday). */
function isoWeek(ms: number): number {
  const d = utc(Math.floor(ms / DAY) * DAY);
  const day = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - day + 3);
  const firstThursday = new Date(utcMs(d.getUTCFullYear(), 0, 4));
  return (
    1 +
    Math.round(
      ((d.getTime() - firstThursday.getTime()) / DAY - 3 + ((firstThursday.getUTCDay() + 6) % 7)) / 7,
    )
  );
}

function dayOfYear(ms: number): number {
  const d = utc(ms);
  return (
    Math.floor(
      (utcMs(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - utcMs(d.getUTCFullYear(), 0, 1)) / DAY,
    ) + 1
  );
}

function datetimePart(part: string, ticks: bigint): number | null {
  const ms = msOf(ticks);
  const d = utc(ms);
  const fraction = floorMod(ticks, TICKS_PER_SECOND);
  switch (part) {
    case 'year':
      return d.getUTCFullYear();
    case 'quarter':
      return Math.floor(d.getUTCMonth() / 3) + 1;
    case 'month':
      return d.getUTCMonth() + 1;
    case 'week_of_year':
    case 'weekofyear':
      return isoWeek(ms);
    case 'day':
      return d.getUTCDate();
    case 'dayofyear':
      return dayOfYear(ms);
    case 'hour':
      return d.getUTCHours();
    case 'minute':
      return d.getUTCMinutes();
    case 'second':
      return d.getUTCSeconds();
    // The three sub-second parts are each the whole fraction of the second, in their unit.
    case 'millisecond':
      return Number(fraction / TICKS_PER_MS);
    case 'microsecond':
      return Number(fraction / 10n);
    case 'nanosecond':
      return Number(fraction * 100n);
    default:
      return null;
  }
}

function addMonths(ms: number, months: number): number {
  const d = utc(ms);
  const target = new Date(utcMs(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  // Like .NET's AddMonths, a day past the end of the target month becomes its last day.
  const last = new Date(utcMs(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return (
    utcMs(target.getUTCFullYear(), target.getUTCMonth(), Math.min(d.getUTCDate(), last)) +
    (ms - Math.floor(ms / DAY) * DAY)
  );
}

const FIXED: Record<string, bigint> = { week: 7n * TICKS_PER_DAY, ...FIXED_UNIT_TICKS };

/** Months move the calendar date (keeping the time of day to the tick); fixed units add ticks. */
function datetimeAdd(part: string, amount: number, ticks: bigint): bigint | null {
  const months =
    part === 'year' ? 12 * amount : part === 'quarter' ? 3 * amount : part === 'month' ? amount : null;
  if (months !== null) {
    const ms = msOf(ticks);
    return inRange(ticksOfMs(addMonths(ms, months)) + floorMod(ticks, TICKS_PER_MS));
  }
  // A nanosecond is a hundredth of a tick; a count of them adds whole ticks, truncated.
  if (part === 'nanosecond') return inRange(ticks + BigInt(Math.trunc(amount / 100)));
  const unit = FIXED[part];
  return unit === undefined ? null : inRange(ticks + BigInt(amount) * unit);
}

type Period = 'day' | 'week' | 'month' | 'year';

function startOf(period: Period, ticks: bigint, offset: number): bigint | null {
  const ms = msOf(ticks);
  const d = utc(ms);
  const days = floorDiv(ticks, TICKS_PER_DAY) * TICKS_PER_DAY;
  switch (period) {
    case 'day':
      return inRange(days + BigInt(offset) * TICKS_PER_DAY);
    // Kusto's weeks start on Sunday.
    case 'week':
      return inRange(days - BigInt(d.getUTCDay() - 7 * offset) * TICKS_PER_DAY);
    case 'month':
      return inRange(ticksOfMs(utcMs(d.getUTCFullYear(), d.getUTCMonth() + offset, 1)));
    case 'year':
      return inRange(ticksOfMs(utcMs(d.getUTCFullYear() + offset, 0, 1)));
  }
}

/** The next period's start, less one tick. */
function endOf(period: Period, ticks: bigint, offset: number): bigint | null {
  const next = startOf(period, ticks, offset + 1);
  return next === null ? null : inRange(next - 1n);
}

function periodFunctions(): Record<string, ScalarFunction> {
  const out: Record<string, ScalarFunction> = {};
  for (const p of ['day', 'week', 'month', 'year'] as const) {
    out[`startof${p}`] = (c) => {
      const t = ticksArg(c, 0);
      return t === null ? null : startOf(p, t, Math.trunc(num(c, 1) ?? 0));
    };
    out[`endof${p}`] = (c) => {
      const t = ticksArg(c, 0);
      return t === null ? null : endOf(p, t, Math.trunc(num(c, 1) ?? 0));
    };
  }
  return out;
}

const onDate =
  (f: (ms: number) => number): ScalarFunction =>
  (c) => {
    const t = ticksArg(c, 0);
    return t === null ? null : f(msOf(t));
  };
/** A count of units since the epoch as ticks; a fraction of a unit keeps its whole ticks. */
const fromEpoch =
  (ticksPerUnit: number): ScalarFunction =>
  (c) => {
    const raw = c.args[0];
    if (typeof raw === 'bigint') return fromBigEpoch(raw, ticksPerUnit);
    const v = num(c, 0);
    if (v === null) return null;
    const ticks =
      Number.isInteger(v) && ticksPerUnit >= 1
        ? BigInt(v) * BigInt(ticksPerUnit)
        : ticksOfNumber(v * ticksPerUnit);
    return ticks === null ? null : inRange(ticks);
  };

/**
 * A count beyond 2^53 (a long held as a bigint): nanoseconds since 1970 are there from 1970-04-15
 * on (the page's example). A whole number of ticks is exact; the pages do not say how a part of a
 * tick is rounded, so that is refused.
 */
function fromBigEpoch(v: bigint, ticksPerUnit: number): bigint | null {
  if (ticksPerUnit >= 1) return inRange(v * BigInt(ticksPerUnit));
  const per = BigInt(Math.round(1 / ticksPerUnit));
  if (v % per !== 0n)
    throw new UnsupportedError(
      `unixtime_nanoseconds_todatetime(${v})`,
      'it is not a whole number of 100 ns ticks',
    );
  return inRange(v / per);
}

export const CALENDAR_FUNCTIONS: Record<string, ScalarFunction> = {
  ...periodFunctions(),
  datetime_part: (c) => {
    const t = ticksArg(c, 1);
    return t === null ? null : datetimePart(text(c, 0), t);
  },
  datetime_add: (c) => {
    const n = num(c, 1);
    const t = ticksArg(c, 2);
    return n === null || t === null ? null : datetimeAdd(text(c, 0), Math.trunc(n), t);
  },
  make_datetime: (c) => {
    const [y, mo, d, h, mi, s] = [0, 1, 2, 3, 4, 5].map((i) => num(c, i) ?? (i < 2 ? null : i === 2 ? 1 : 0));
    if (y === null || mo === null || d === null) return null;
    if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
    // Seconds may carry a fraction, kept to the tick.
    const seconds = ticksOfNumber(Math.round((s ?? 0) * 1e7));
    if (seconds === null) return null;
    return inRange(ticksOfMs(utcMs(y, mo - 1, d, h ?? 0, mi ?? 0)) + seconds);
  },
  dayofweek: (c) => {
    const t = ticksArg(c, 0);
    return t === null ? null : BigInt(utc(msOf(t)).getUTCDay()) * TICKS_PER_DAY;
  },
  dayofmonth: onDate((ms) => utc(ms).getUTCDate()),
  dayofyear: onDate(dayOfYear),
  monthofyear: onDate((ms) => utc(ms).getUTCMonth() + 1),
  getmonth: onDate((ms) => utc(ms).getUTCMonth() + 1),
  getyear: onDate((ms) => utc(ms).getUTCFullYear()),
  hourofday: onDate((ms) => utc(ms).getUTCHours()),
  week_of_year: onDate(isoWeek),
  weekofyear: onDate(isoWeek),
  unixtime_seconds_todatetime: fromEpoch(10_000_000),
  unixtime_milliseconds_todatetime: fromEpoch(10_000),
  unixtime_microseconds_todatetime: fromEpoch(10),
  unixtime_nanoseconds_todatetime: fromEpoch(0.01),
  totimespan: (c) => {
    const v = c.args[0];
    if (v === null || v === undefined) return null;
    if (c.argTypes[0] === 'timespan') return v;
    if (typeof v === 'string') return parseTimespanTicks(v);
    // A number is a count of ticks.
    return typeof v === 'number' ? ticksOfNumber(v) : null;
  },
};
