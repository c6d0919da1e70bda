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
export type TimeInterval = { duration: string } | { startTime: Date; endTime: Date } | { startTime: Date; duration: string } | { duration: string; endTime: Date };

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
