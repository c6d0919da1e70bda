/**
 * Time spans: Sentinel rules write `queryPeriod` as `5m`, `1h` or `14d`; the services take
 * ISO 8601 durations (`PT5M`, `PT1H`, `P14D`) or intervals (`start/end`).
 */

/** `5m` → `PT5M`, `14d` → `P14D`; undefined when the text is not a rule period. */
export function rulePeriodToIso(period: string): string | undefined {
  const m = /^\s*(\d+)\s*([mhd])\s*$/i.exec(period);
  if (!m) return undefined;
  const n = Number(m[1]);
  if (n <= 0) return undefined;
  const unit = m[2].toLowerCase();
  return unit === 'd' ? `P${n}D` : `PT${n}${unit.toUpperCase()}`;
}

/** The SDK's time interval object for an ISO duration or interval string. */
export type TimeInterval =
  | { duration: string }
  | { startTime: Date; endTime: Date }
  | { startTime: Date; duration: string }
  | { duration: string; endTime: Date };

export function toTimeInterval(timespan: string): TimeInterval {
  const [a, b] = timespan.split('/');
  if (b === undefined) return { duration: a };
  const aDate = /^P/i.test(a) ? undefined : new Date(a);
  const bDate = /^P/i.test(b) ? undefined : new Date(b);
  if (aDate && bDate) return { startTime: aDate, endTime: bDate };
  if (aDate) return { startTime: aDate, duration: b };
  if (bDate) return { duration: a, endTime: bDate };
  return { duration: a };
}

interface DurationParts {
  years: number;
  months: number;
  ms: number;
}

const DURATION =
  /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i;

/** An ISO 8601 duration split into calendar parts (years, months) and a fixed length; undefined when it is not one. */
function parseDuration(text: string): DurationParts | undefined {
  const m = DURATION.exec(text.trim());
  if (!m || text.trim().length <= 1 || /T$/i.test(text.trim())) return undefined;
  const n = (i: number) => (m[i] ? Number(m[i]) : 0);
  const ms = ((n(3) * 7 + n(4)) * 24 * 3600 + n(5) * 3600 + n(6) * 60 + n(7)) * 1000;
  return { years: n(1), months: n(2), ms };
}

function shift(date: Date, d: DurationParts, sign: 1 | -1): Date {
  const out = new Date(date.getTime());
  // A month before 31 March is the last day of February, not 3 March: clamp the day to the target month.
  const day = out.getUTCDate();
  out.setUTCDate(1);
  out.setUTCFullYear(out.getUTCFullYear() + sign * d.years, out.getUTCMonth() + sign * d.months);
  out.setUTCDate(
    Math.min(day, new Date(Date.UTC(out.getUTCFullYear(), out.getUTCMonth() + 1, 0)).getUTCDate()),
  );
  return new Date(out.getTime() + sign * d.ms);
}

function instant(text: string): Date | undefined {
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}

/**
 * The start and end of a time span, for services that take two datetimes rather than a
 * duration (Azure Data Explorer's datetime scope). A bare duration ends at `now`.
 */
export function timespanBounds(
  timespan: string,
  now: Date = new Date(),
): { from: Date; to: Date } | undefined {
  const [a, b] = timespan.split('/');
  if (b === undefined) {
    const d = parseDuration(a);
    return d ? { from: shift(now, d, -1), to: now } : undefined;
  }
  const aDuration = /^P/i.test(a) ? parseDuration(a) : undefined;
  const bDuration = /^P/i.test(b) ? parseDuration(b) : undefined;
  const aDate = aDuration ? undefined : instant(a);
  const bDate = bDuration ? undefined : instant(b);
  if (aDate && bDate) return aDate <= bDate ? { from: aDate, to: bDate } : undefined;
  if (aDate && bDuration) return { from: aDate, to: shift(aDate, bDuration, 1) };
  if (aDuration && bDate) return { from: shift(bDate, aDuration, -1), to: bDate };
  return undefined;
}
