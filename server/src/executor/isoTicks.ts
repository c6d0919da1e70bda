/**
 * A fast reader for the one datetime form that data files nearly always hold:
 * `yyyy-MM-ddTHH:mm[:ss[.fffffff]]` with `Z`, `±HH:mm`, `±HHmm` or no zone (UTC), or a bare
 * `yyyy-MM-dd`. Loading a million rows reads a million of these, and the general parser in
 * ticks.ts (a regular expression and a JS Date per value) is several times slower. Anything
 * this reader does not recognise, including a field out of range, is left to the general
 * parser, so that both give the same answer for every text.
 */

const TICKS_PER_MINUTE = 600_000_000n;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The value of two decimal digits at `i`, or -1 when either is not a digit. */
function twoDigits(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** Days from 1970-01-01 to a day of the proleptic Gregorian calendar, as JS Dates count them. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return DAYS_IN_MONTH[month - 1];
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
}

/**
 * Ticks since the Unix epoch for a strict ISO 8601 datetime, not yet checked against Kusto's
 * datetime range; undefined when the text is in any other form or names no real instant.
 */
export function strictIsoTicks(s: string): bigint | undefined {
  const n = s.length;
  if (n < 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return undefined;
  const hi = twoDigits(s, 0);
  const lo = twoDigits(s, 2);
  const month = twoDigits(s, 5);
  const day = twoDigits(s, 8);
  if (hi < 0 || lo < 0 || month < 1 || month > 12 || day < 1) return undefined;
  const year = hi * 100 + lo;
  if (day > daysInMonth(year, month)) return undefined;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let fraction = 0;
  let offset = 0;
  let i = 10;
  if (i < n) {
    const sep = s.charCodeAt(i);
    // 'T', 't' or a space, as the general parser's case-blind pattern allows.
    if ((sep !== 84 && sep !== 116 && sep !== 32) || s.charCodeAt(i + 3) !== 58) return undefined;
    hour = twoDigits(s, i + 1);
    minute = twoDigits(s, i + 4);
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return undefined;
    i += 6;
    if (s.charCodeAt(i) === 58) {
      second = twoDigits(s, i + 1);
      if (second < 0 || second > 59) return undefined;
      i += 3;
      if (s.charCodeAt(i) === 46) {
        // Seven digits are ticks; digits past the seventh are below a tick and dropped.
        const start = ++i;
        let scale = 1_000_000;
        for (let c = s.charCodeAt(i) - 48; c >= 0 && c <= 9; c = s.charCodeAt(++i) - 48) {
          fraction += c * scale;
          scale = scale >= 10 ? scale / 10 : 0;
        }
        if (i === start) return undefined;
      }
    }
    if (i < n) {
      const zone = s.charCodeAt(i);
      if ((zone === 90 || zone === 122) && i + 1 === n) i++;
      else if (zone === 43 || zone === 45) {
        const zoneHours = twoDigits(s, i + 1);
        const colon = s.charCodeAt(i + 3) === 58 ? 1 : 0;
        const zoneMinutes = twoDigits(s, i + 3 + colon);
        if (zoneHours < 0 || zoneMinutes < 0 || i + 5 + colon !== n) return undefined;
        offset = (zone === 45 ? -1 : 1) * (zoneHours * 60 + zoneMinutes);
        i = n;
      } else return undefined;
    }
  }
  const minutes = daysFromCivil(year, month, day) * 1440 + hour * 60 + minute - offset;
  return BigInt(minutes) * TICKS_PER_MINUTE + BigInt(second * 10_000_000 + fraction);
}
