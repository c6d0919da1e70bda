import { UnsupportedError } from './errors';
import type { FunctionCall, ScalarFunction } from './scalarFunctions';
import { parseTimespan } from './values';

/**
 * Calendar functions (datetime_part, datetime_add, make_datetime, the startof and endof families, the day-of functions,
 * unixtime_*_todatetime, totimespan). Datetimes are UTC milliseconds since the epoch, so the
 * sub-millisecond parts Kusto keeps (ticks) are not represented: those results are refused by
 * name rather than rounded (see datetimePart).
 */

const DAY = 86_400_000;
const num = (c: FunctionCall, i: number): number | null =>
  typeof c.args[i] === 'number' ? (c.args[i] as number) : null;
const text = (c: FunctionCall, i: number): string => String(c.args[i] ?? '').toLowerCase();

function utc(ms: number): Date {
  return new Date(ms);
}

/** The ISO-like week Kusto's week_of_year uses (ISO 8601: weeks start on Monday, week 1 holds the first Thursday). */
function isoWeek(ms: number): number {
  const d = utc(Math.floor(ms / DAY) * DAY);
  const day = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - day + 3);
  const firstThursday = new Date(Date.UTC(d.getUTCFullYear(), 0, 4));
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
      (Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - Date.UTC(d.getUTCFullYear(), 0, 1)) /
        DAY,
    ) + 1
  );
}

function datetimePart(part: string, ms: number): number | null {
  const d = utc(ms);
  const fracMs = ms - Math.floor(ms / 1000) * 1000;
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
    case 'millisecond':
      return Math.floor(fracMs);
    // Microseconds and nanoseconds need the ticks below a millisecond, which are not kept.
    case 'microsecond':
    case 'nanosecond':
      // These need the ticks below a millisecond, which the executor does not keep yet.
      throw new UnsupportedError(`datetime_part('${part}') (sub-millisecond precision)`);
    default:
      return null;
  }
}

function addMonths(ms: number, months: number): number {
  const d = utc(ms);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  // Like .NET's AddMonths, a day past the end of the target month becomes its last day.
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return (
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(d.getUTCDate(), last)) +
    (ms - Math.floor(ms / DAY) * DAY)
  );
}

const FIXED: Record<string, number> = {
  week: 7 * DAY,
  day: DAY,
  hour: 3_600_000,
  minute: 60_000,
  second: 1000,
  millisecond: 1,
};

function datetimeAdd(part: string, amount: number, ms: number): number | null {
  if (part === 'year') return addMonths(ms, 12 * amount);
  if (part === 'quarter') return addMonths(ms, 3 * amount);
  if (part === 'month') return addMonths(ms, amount);
  const unit = FIXED[part];
  return unit === undefined ? null : ms + amount * unit;
}

type Period = 'day' | 'week' | 'month' | 'year';

function startOf(period: Period, ms: number, offset: number): number {
  const d = utc(ms);
  switch (period) {
    case 'day':
      return Math.floor(ms / DAY) * DAY + offset * DAY;
    // Kusto's weeks start on Sunday.
    case 'week':
      return Math.floor(ms / DAY) * DAY - d.getUTCDay() * DAY + offset * 7 * DAY;
    case 'month':
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset, 1);
    case 'year':
      return Date.UTC(d.getUTCFullYear() + offset, 0, 1);
  }
}

/**
 * endof* is one 100 ns tick before the next period starts. Datetimes are held in milliseconds,
 * so that instant cannot be represented; refusing by name beats printing the next period's start.
 */
function endOf(period: Period): never {
  throw new UnsupportedError(
    `endof${period}() (its answer needs 100 ns precision, which the local executor does not keep yet)`,
  );
}

function periodFunctions(): Record<string, ScalarFunction> {
  const out: Record<string, ScalarFunction> = {};
  for (const p of ['day', 'week', 'month', 'year'] as const) {
    out[`startof${p}`] = (c) => {
      const ms = num(c, 0);
      return ms === null ? null : startOf(p, ms, num(c, 1) ?? 0);
    };
    out[`endof${p}`] = () => endOf(p);
  }
  return out;
}

const onDate =
  (f: (ms: number) => number): ScalarFunction =>
  (c) => {
    const ms = num(c, 0);
    return ms === null ? null : f(ms);
  };
const fromEpoch =
  (msPerUnit: number): ScalarFunction =>
  (c) => {
    const v = num(c, 0);
    return v === null ? null : v * msPerUnit;
  };

export const CALENDAR_FUNCTIONS: Record<string, ScalarFunction> = {
  ...periodFunctions(),
  datetime_part: (c) => {
    const ms = num(c, 1);
    return ms === null ? null : datetimePart(text(c, 0), ms);
  },
  datetime_add: (c) => {
    const n = num(c, 1);
    const ms = num(c, 2);
    return n === null || ms === null ? null : datetimeAdd(text(c, 0), Math.trunc(n), ms);
  },
  make_datetime: (c) => {
    const [y, mo, d, h, mi, s] = [0, 1, 2, 3, 4, 5].map((i) => num(c, i) ?? (i < 2 ? null : i === 2 ? 1 : 0));
    if (y === null || mo === null || d === null) return null;
    if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
    return Date.UTC(y, mo - 1, d, h ?? 0, mi ?? 0) + (s ?? 0) * 1000;
  },
  dayofweek: onDate((ms) => utc(ms).getUTCDay() * DAY),
  dayofmonth: onDate((ms) => utc(ms).getUTCDate()),
  dayofyear: onDate(dayOfYear),
  monthofyear: onDate((ms) => utc(ms).getUTCMonth() + 1),
  getmonth: onDate((ms) => utc(ms).getUTCMonth() + 1),
  getyear: onDate((ms) => utc(ms).getUTCFullYear()),
  hourofday: onDate((ms) => utc(ms).getUTCHours()),
  week_of_year: onDate(isoWeek),
  weekofyear: onDate(isoWeek),
  unixtime_seconds_todatetime: fromEpoch(1000),
  unixtime_milliseconds_todatetime: fromEpoch(1),
  unixtime_microseconds_todatetime: fromEpoch(0.001),
  unixtime_nanoseconds_todatetime: fromEpoch(0.000001),
  totimespan: (c) => {
    const v = c.args[0];
    if (v === null || v === undefined) return null;
    if (c.argTypes[0] === 'timespan') return v;
    if (typeof v === 'string') return parseTimespan(v);
    // A number is a count of ticks.
    return typeof v === 'number' ? v / 10_000 : null;
  },
};
