import { UnsupportedError } from './errors';
import { argString } from './functionArgs';
import type { FunctionCall, ScalarFunction } from './scalarFunctions';
import { inRange, msOf, TICKS_PER_MS, utcMs } from './ticks';

/**
 * datetime_utc_to_local and datetime_local_to_utc (datetime-utc-to-local-function.md,
 * datetime-local-to-utc-function.md): IANA time zones through the runtime's Intl time-zone data.
 * Datetimes are 100 ns ticks; a zone's offset is whole seconds, so the sub-millisecond ticks are
 * kept as they are. What an unknown zone gives, and which instant an ambiguous local time (the
 * hour repeated when clocks go back) means, are not on the pages, so both are refused. A local
 * time skipped when clocks go forward follows the page's Europe/Brussels example: it is read
 * with the offset in force after the change.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        era: 'short',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new UnsupportedError(
        `the time zone '${zone}'`,
        'it is not an IANA time zone this runtime knows, and the pages do not say what an unknown zone gives',
      );
    }
    formatters.set(zone, f);
  }
  return f;
}

/** The zone's offset from UTC, in milliseconds, at the UTC instant `ms` (whole seconds only). */
function offsetMs(zone: string, ms: number): number {
  const at = Math.floor(ms / 1000) * 1000;
  const parts: Record<string, string> = {};
  for (const p of formatter(zone).formatToParts(new Date(at))) parts[p.type] = p.value;
  const year = parts.era === 'BC' ? 1 - Number(parts.year) : Number(parts.year);
  const local = utcMs(
    year,
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return local - at;
}

const DAY_MS = 86_400_000;

function zoneArg(c: FunctionCall): string | null {
  if (c.args[1] === null || c.args[1] === undefined) return null;
  return argString(c, 1);
}

function utcToLocal(c: FunctionCall): unknown {
  const t = c.args[0];
  const zone = zoneArg(c);
  if (typeof t !== 'bigint' || zone === null) return null;
  return inRange(t + BigInt(offsetMs(zone, msOf(t))) * TICKS_PER_MS);
}

function localToUtc(c: FunctionCall): unknown {
  const t = c.args[0];
  const zone = zoneArg(c);
  if (typeof t !== 'bigint' || zone === null) return null;
  const local = msOf(t);
  // The offsets a day either side bracket any one change of offset; each that maps back is a reading.
  const before = offsetMs(zone, local - DAY_MS);
  const after = offsetMs(zone, local + DAY_MS);
  const readings = [...new Set([before, after])].filter((o) => offsetMs(zone, local - o) === o);
  if (readings.length > 1)
    throw new UnsupportedError(
      `datetime_local_to_utc() of a local time that occurs twice in '${zone}' (clocks going back)`,
      'the page does not say which of the two instants is returned',
    );
  const offset = readings.length === 1 ? readings[0] : after;
  return inRange(t - BigInt(offset) * TICKS_PER_MS);
}

export const TIME_ZONE_FUNCTIONS: Record<string, ScalarFunction> = {
  datetime_utc_to_local: utcToLocal,
  datetime_local_to_utc: localToUtc,
};
