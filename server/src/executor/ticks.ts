/**
 * Kusto keeps datetimes and timespans as 100 ns ticks. A JS number cannot hold today's datetimes to
 * the tick (2^53 ticks is only 28 years), so the executor holds both as bigint ticks: a datetime
 * counts from the Unix epoch, a timespan is a signed length. This file reads and writes them.
 */

import { strictIsoTicks } from './isoTicks';

export const TICKS_PER_MS = 10_000n;
export const TICKS_PER_SECOND = 10_000_000n;
export const TICKS_PER_MINUTE = 60n * TICKS_PER_SECOND;
export const TICKS_PER_HOUR = 60n * TICKS_PER_MINUTE;
export const TICKS_PER_DAY = 24n * TICKS_PER_HOUR;
/** The units of a fixed length that datetime_add and datetime_diff take, in ticks. */
export const FIXED_UNIT_TICKS: Readonly<Record<string, bigint>> = {
  day: TICKS_PER_DAY,
  hour: TICKS_PER_HOUR,
  minute: TICKS_PER_MINUTE,
  second: TICKS_PER_SECOND,
  millisecond: TICKS_PER_MS,
  microsecond: 10n,
};
/** Ticks from 0001-01-01 to the Unix epoch: what tolong(datetime) adds. */
export const EPOCH_TICKS = 621_355_968_000_000_000n;
/** Kusto's datetime range: 0001-01-01 to 9999-12-31 23:59:59.9999999. */
const MIN_DATETIME = -EPOCH_TICKS;
const MAX_DATETIME = 3_155_378_975_999_999_999n - EPOCH_TICKS;

/** Rounds toward negative infinity, as calendar arithmetic needs for datetimes before 1970. */
export function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

export function floorMod(a: bigint, b: bigint): bigint {
  return a - floorDiv(a, b) * b;
}

/** The whole milliseconds of a tick count, for the calendar arithmetic that JS Dates do. */
export function msOf(ticks: bigint): number {
  return Number(floorDiv(ticks, TICKS_PER_MS));
}

/** Whole milliseconds (a Date's time) as ticks. */
export function ticksOfMs(ms: number): bigint {
  return BigInt(Math.trunc(ms)) * TICKS_PER_MS;
}

/** A number of ticks given as a double (a product or a quotient), truncated as a cast to long does. */
export function ticksOfNumber(n: number): bigint | null {
  return Number.isFinite(n) ? BigInt(Math.trunc(n)) : null;
}

/** A datetime inside Kusto's range, else null (Kusto gives null for an out-of-range datetime). */
export function inRange(ticks: bigint): bigint | null {
  return ticks < MIN_DATETIME || ticks > MAX_DATETIME ? null : ticks;
}

/** Date.UTC, except that years 0 to 99 stay themselves instead of meaning 1900 to 1999. */
export function utcMs(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(y, mo, d);
  date.setUTCHours(h, mi, s, 0);
  return date.getTime();
}

/** Seven digits of fraction as ticks: "5" is 5,000,000 ticks; digits past the seventh are dropped. */
function fractionTicks(digits: string | undefined): bigint {
  return digits ? BigInt(digits.slice(0, 7).padEnd(7, '0')) : 0n;
}

const ISO =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(Z|[+-]\d{2}:?\d{2}|GMT|UTC)?$/i;
const MONTH_FIRST = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?$/;

function fromFields(
  y: string,
  mo: string,
  d: string,
  h: string | undefined,
  mi: string | undefined,
  s: string | undefined,
  frac: string | undefined,
  zone: string | undefined,
): bigint | null {
  const [Y, M, D, H, Mi, S] = [y, mo, d, h ?? '0', mi ?? '0', s ?? '0'].map(Number);
  if (M < 1 || M > 12 || D < 1 || H > 23 || Mi > 59 || S > 59) return null;
  const ms = utcMs(Y, M - 1, D, H, Mi, S);
  const date = new Date(ms);
  if (date.getUTCMonth() !== M - 1 || date.getUTCDate() !== D) return null;
  let offsetMinutes = 0;
  if (zone && /^[+-]/.test(zone)) {
    const z = /^([+-])(\d{2}):?(\d{2})$/.exec(zone)!;
    offsetMinutes = (z[1] === '-' ? -1 : 1) * (Number(z[2]) * 60 + Number(z[3]));
  }
  return inRange(ticksOfMs(ms - offsetMinutes * 60_000) + fractionTicks(frac));
}

/**
 * Parses a datetime the way Kusto reads one: ISO 8601 (a string with no zone is UTC), the
 * month-first `MM/dd/yyyy` form, and the RFC 822/1123 forms; fractions to the tick.
 */
export function parseDatetimeTicks(text: string): bigint | null {
  const strict = strictIsoTicks(text);
  if (strict !== undefined) return inRange(strict);
  const t = text.trim();
  if (!t) return null;
  const iso = ISO.exec(t);
  if (iso) return fromFields(iso[1], iso[2], iso[3], iso[4], iso[5], iso[6], iso[7], iso[8]);
  const us = MONTH_FIRST.exec(t);
  if (us) return fromFields(us[3], us[1], us[2], us[4], us[5], us[6], us[7], undefined);
  // RFC 822/1123 ("Sat, 8 Nov 2014 15:05:02 GMT") carry whole seconds, which Date.parse keeps exactly.
  if (!/[a-z]{3}/i.test(t)) return null;
  // Without a zone the text is UTC, whatever this machine's own zone is.
  const ms = Date.parse(/\b(GMT|UTC|Z|[+-]\d{4})$/i.test(t) ? t : `${t} GMT`);
  return Number.isNaN(ms) ? null : inRange(ticksOfMs(ms));
}

/** An ISO 8601 UTC string: whole seconds, milliseconds, or all seven digits when ticks are below a millisecond. */
export function formatDatetimeTicks(ticks: bigint): string {
  const d = new Date(msOf(ticks));
  if (Number.isNaN(d.getTime())) return '';
  const iso = d.toISOString();
  const below = floorMod(ticks, TICKS_PER_MS);
  if (below !== 0n) return `${iso.slice(0, -1)}${String(below).padStart(4, '0')}Z`;
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}

/** The seven fraction digits of a datetime's second. */
export function fractionDigits(ticks: bigint): string {
  return String(floorMod(ticks, TICKS_PER_SECOND)).padStart(7, '0');
}

/** Parses a timespan string such as `1.02:03:04.5`, `00:05:00` or `-00:00:01`, to the tick. */
export function parseTimespanTicks(text: string): bigint | null {
  const m = /^\s*(-)?(?:(\d+)\.)?(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?\s*$/.exec(text);
  if (!m) return null;
  const ticks =
    BigInt(m[2] ?? 0) * TICKS_PER_DAY +
    BigInt(m[3]) * TICKS_PER_HOUR +
    BigInt(m[4]) * TICKS_PER_MINUTE +
    BigInt(m[5] ?? 0) * TICKS_PER_SECOND +
    fractionTicks(m[6]);
  return m[1] ? -ticks : ticks;
}

/** Formats a timespan the way Kusto prints one: `[-][d.]hh:mm:ss[.fffffff]`. */
export function formatTimespanTicks(ticks: bigint): string {
  const sign = ticks < 0n ? '-' : '';
  let rest = ticks < 0n ? -ticks : ticks;
  const days = rest / TICKS_PER_DAY;
  rest %= TICKS_PER_DAY;
  const h = rest / TICKS_PER_HOUR;
  rest %= TICKS_PER_HOUR;
  const m = rest / TICKS_PER_MINUTE;
  rest %= TICKS_PER_MINUTE;
  const s = rest / TICKS_PER_SECOND;
  const frac = rest % TICKS_PER_SECOND;
  const pad = (n: bigint) => String(n).padStart(2, '0');
  return `${sign}${days ? `${days}.` : ''}${pad(h)}:${pad(m)}:${pad(s)}${frac ? `.${String(frac).padStart(7, '0')}` : ''}`;
}
