/**
 * Query frequency and period as Sentinel's template validation reads them: a .NET TimeSpan
 * string (`1.02:00:00`, `01:30`, or a bare number of days), else a whole number followed by
 * `m`, `h` or `d`. Returns minutes, or undefined when the text is neither.
 */
export function parseRuleTimeSpan(text: string): number | undefined {
  const s = text.trim();
  if (/^\d+$/.test(s)) return Number(s) * 24 * 60;
  const clock = /^(?:(\d+)\.)?(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/.exec(s);
  if (clock) {
    const [, days, hours, minutes, seconds] = clock;
    if (Number(hours) > 23 || Number(minutes) > 59 || Number(seconds ?? 0) > 59) return undefined;
    return Number(days ?? 0) * 1440 + Number(hours) * 60 + Number(minutes) + Number(seconds ?? 0) / 60;
  }
  const short = /^(\d+)([mhd])$/.exec(s);
  if (!short) return undefined;
  const n = Number(short[1]);
  return short[2] === 'm' ? n : short[2] === 'h' ? n * 60 : n * 1440;
}

/**
 * "The allowed range for both of these parameters is from 5 minutes to 14 days", and the interval
 * may not be longer than the look-back:
 * https://learn.microsoft.com/azure/sentinel/scheduled-rules-overview#query-scheduling
 */
export const MIN_MINUTES = 5;
export const MAX_MINUTES = 14 * 1440;

/** A short human form of a number of minutes, such as `90m`, `2h` or `14d`. */
export function formatMinutes(minutes: number): string {
  if (minutes % 1440 === 0) return `${minutes / 1440}d`;
  if (minutes % 60 === 0) return `${minutes / 60}h`;
  return `${minutes}m`;
}
