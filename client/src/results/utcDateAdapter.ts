/**
 * The date functions Chart.js's time scale asks of an adapter, computed in UTC with the
 * platform's Intl. Kusto datetimes are UTC and hunters compare chart points with log timestamps,
 * so the axis must not shift them into the viewer's time zone, which the date-library adapters
 * do; this also keeps a date library out of the webview bundle.
 */
/** Chart.js's time units (declared here: the host side compiles as CommonJS and cannot import chart.js's ES module types). */
export type TimeUnit =
  'millisecond' | 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'quarter' | 'year';

export interface UtcDateAdapter {
  formats(): Record<TimeUnit | 'datetime', string>;
  parse(value: unknown, format?: string): number | null;
  format(timestamp: number, format: string): string;
  add(timestamp: number, amount: number, unit: TimeUnit): number;
  diff(a: number, b: number, unit: TimeUnit): number;
  startOf(timestamp: number, unit: TimeUnit | 'isoWeek', weekday?: number | boolean): number;
  endOf(timestamp: number, unit: TimeUnit | 'isoWeek'): number;
}

const FIXED_MS: Partial<Record<TimeUnit, number>> = {
  millisecond: 1,
  second: 1000,
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
  week: 604_800_000,
};
const MONTHS: Partial<Record<TimeUnit, number>> = { month: 1, quarter: 3, year: 12 };

/** Format names (the keys Chart.js passes back to `format`) and how each is written. */
const PATTERNS: Record<string, Intl.DateTimeFormatOptions> = {
  datetime: {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  },
  millisecond: { hour: '2-digit', minute: '2-digit', second: '2-digit', fractionalSecondDigits: 3 },
  second: { hour: '2-digit', minute: '2-digit', second: '2-digit' },
  minute: { hour: '2-digit', minute: '2-digit' },
  hour: { hour: '2-digit', minute: '2-digit' },
  day: { month: 'short', day: 'numeric' },
  week: { month: 'short', day: 'numeric' },
  month: { month: 'short', year: 'numeric' },
  year: { year: 'numeric' },
};

/** A datetime without a zone (as some services write them) is UTC, as it is in Kusto. */
const NO_ZONE = /^\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?)?$/;

export function createUtcDateAdapter(locale?: string): UtcDateAdapter {
  const formatters = new Map<string, Intl.DateTimeFormat>();
  const formatter = (name: string) => {
    let f = formatters.get(name);
    if (!f) {
      f = new Intl.DateTimeFormat(locale, {
        ...(PATTERNS[name] ?? PATTERNS.datetime),
        timeZone: 'UTC',
        hourCycle: 'h23',
      });
      formatters.set(name, f);
    }
    return f;
  };
  const addMonths = (timestamp: number, months: number) => {
    const d = new Date(timestamp);
    const day = d.getUTCDate();
    d.setUTCDate(1);
    d.setUTCMonth(d.getUTCMonth() + months);
    // Keep the day of the month where it exists, else the month's last day (Jan 31 + 1 month = Feb 28).
    const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
    d.setUTCDate(Math.min(day, last));
    return d.getTime();
  };

  const adapter: UtcDateAdapter = {
    formats: () => ({
      datetime: 'datetime',
      millisecond: 'millisecond',
      second: 'second',
      minute: 'minute',
      hour: 'hour',
      day: 'day',
      week: 'week',
      month: 'month',
      quarter: 'quarter',
      year: 'year',
    }),

    parse(value) {
      if (value === null || value === undefined) return null;
      if (typeof value === 'number') return Number.isFinite(value) ? value : null;
      if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.getTime();
      if (typeof value !== 'string') return null;
      const text = value.trim();
      const ms = Date.parse(
        NO_ZONE.test(text) ? `${text.replace(' ', 'T')}${text.length > 10 ? 'Z' : ''}` : text,
      );
      return Number.isNaN(ms) ? null : ms;
    },

    format(timestamp, name) {
      if (name === 'quarter') {
        const d = new Date(timestamp);
        return `Q${Math.floor(d.getUTCMonth() / 3) + 1} ${d.getUTCFullYear()}`;
      }
      const text = formatter(name).format(timestamp);
      return name === 'datetime' ? `${text} UTC` : text;
    },

    add(timestamp, amount, unit) {
      const fixed = FIXED_MS[unit];
      if (fixed !== undefined) return timestamp + amount * fixed;
      return addMonths(timestamp, Math.trunc(amount) * (MONTHS[unit] ?? 1));
    },

    diff(a, b, unit) {
      const fixed = FIXED_MS[unit];
      if (fixed !== undefined) return Math.trunc((a - b) / fixed);
      const da = new Date(a);
      const db = new Date(b);
      let months = (da.getUTCFullYear() - db.getUTCFullYear()) * 12 + da.getUTCMonth() - db.getUTCMonth();
      // Only whole months count: step back when the last one is not complete yet.
      if (months > 0 && addMonths(b, months) > a) months--;
      if (months < 0 && addMonths(b, months) < a) months++;
      return Math.trunc(months / (MONTHS[unit] ?? 1));
    },

    startOf(timestamp, unit, weekday) {
      const d = new Date(timestamp);
      const y = d.getUTCFullYear();
      const m = d.getUTCMonth();
      switch (unit) {
        case 'millisecond':
          return timestamp;
        case 'second':
          return Math.floor(timestamp / 1000) * 1000;
        case 'minute':
          return Math.floor(timestamp / 60_000) * 60_000;
        case 'hour':
          return Math.floor(timestamp / 3_600_000) * 3_600_000;
        case 'day':
          return Date.UTC(y, m, d.getUTCDate());
        case 'week':
        case 'isoWeek': {
          // A plain week starts on Sunday; an ISO week on Monday or the weekday the chart asks for.
          const first =
            unit === 'week'
              ? 0
              : weekday === true || weekday === undefined || weekday === false
                ? 1
                : Number(weekday) % 7;
          const back = (d.getUTCDay() - first + 7) % 7;
          return Date.UTC(y, m, d.getUTCDate() - back);
        }
        case 'month':
          return Date.UTC(y, m, 1);
        case 'quarter':
          return Date.UTC(y, m - (m % 3), 1);
        case 'year':
          return Date.UTC(y, 0, 1);
        default:
          return timestamp;
      }
    },

    endOf(timestamp, unit) {
      const start = adapter.startOf(timestamp, unit);
      const next = unit === 'isoWeek' ? start + FIXED_MS.week! : adapter.add(start, 1, unit);
      return next - 1;
    },
  };
  return adapter;
}
