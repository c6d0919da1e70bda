/**
 * How the executor holds KQL values, and the conversions and comparisons between them.
 *
 * The binder has already typed every expression, so values carry no type tag of their own:
 * strings, bools, ints, longs and reals are plain JS values; datetime is milliseconds since the
 * Unix epoch and timespan is milliseconds, both as numbers; guid is a string; dynamic is a
 * JSON value. Null is `null` for every type except string, which Kusto never makes null
 * (a missing string is the empty string).
 */

export type KqlType =
  'string' | 'bool' | 'int' | 'long' | 'real' | 'decimal' | 'datetime' | 'timespan' | 'guid' | 'dynamic';

export type Row = unknown[];

export interface Column {
  name: string;
  type: KqlType;
}

/** Normalises a type name (from the engine, a schema file or a datatable) to a KqlType. */
export function toKqlType(name: string | null | undefined): KqlType {
  const n = (name ?? '').toLowerCase();
  switch (n) {
    case 'string':
    case 'bool':
    case 'int':
    case 'long':
    case 'real':
    case 'decimal':
    case 'datetime':
    case 'timespan':
    case 'guid':
    case 'dynamic':
      return n;
    case 'boolean':
      return 'bool';
    case 'double':
    case 'float':
      return 'real';
    case 'date':
      return 'datetime';
    case 'time':
      return 'timespan';
    case 'uniqueid':
      return 'guid';
    default:
      return 'dynamic';
  }
}

export function isIntegerType(t: KqlType): boolean {
  return t === 'int' || t === 'long';
}

const MS_PER_DAY = 86_400_000;

/** Parses a Kusto timespan string such as `1.02:03:04.5`, `00:05:00` or `-00:00:01`. */
export function parseTimespan(text: string): number | null {
  const m = /^\s*(-)?(?:(\d+)\.)?(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?\s*$/.exec(text);
  if (!m) return null;
  const ms =
    Number(m[2] ?? 0) * MS_PER_DAY +
    Number(m[3]) * 3_600_000 +
    Number(m[4]) * 60_000 +
    Number(m[5] ?? 0) * 1000 +
    (m[6] ? Number(`0.${m[6]}`) * 1000 : 0);
  return m[1] ? -ms : ms;
}

/** Formats a timespan the way Kusto prints one: `[-][d.]hh:mm:ss[.fffffff]`. */
export function formatTimespan(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  let rest = Math.abs(ms);
  const days = Math.floor(rest / MS_PER_DAY);
  rest -= days * MS_PER_DAY;
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const m = Math.floor(rest / 60_000);
  rest -= m * 60_000;
  const s = Math.floor(rest / 1000);
  const frac = Math.round((rest - s * 1000) * 10_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${sign}${days ? `${days}.` : ''}${pad(h)}:${pad(m)}:${pad(s)}${frac ? `.${String(frac).padStart(7, '0')}` : ''}`;
}

/** Parses a datetime string; a string without a zone is UTC, as in Kusto. */
export function parseDatetime(text: string): number | null {
  const t = text.trim();
  if (!t) return null;
  // Month first, as Kusto reads `02/17/2016 08:40:01` (parse-operator.md's typed `date` example).
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(\.\d{1,7})?)?)?$/.exec(t);
  if (us) {
    const [, mo, d, y, h, mi, sec, frac] = us;
    const ms = Date.UTC(
      Number(y),
      Number(mo) - 1,
      Number(d),
      Number(h ?? 0),
      Number(mi ?? 0),
      Number(sec ?? 0),
    );
    const date = new Date(ms);
    if (date.getUTCMonth() !== Number(mo) - 1 || date.getUTCDate() !== Number(d)) return null;
    return ms + (frac ? Math.floor(Number(frac) * 1000) : 0);
  }
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(t);
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(t);
  const ms = Date.parse(hasZone || dateOnly ? t : `${t.replace(' ', 'T')}Z`);
  return Number.isNaN(ms) ? null : ms;
}

/** An ISO-8601 UTC string, as the Log Analytics API returns datetimes. */
export function formatDatetime(ms: number): string {
  const d = new Date(Math.floor(ms));
  if (Number.isNaN(d.getTime())) return '';
  const iso = d.toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}

/** The string form Kusto's tostring() gives a value of the given type. */
export function valueToString(v: unknown, type: KqlType): string {
  if (v === null || v === undefined) return '';
  switch (type) {
    case 'datetime': {
      // tostring() writes all seven digits of the fraction (reverse-function.md's example).
      const iso = formatDatetime(v as number);
      return iso
        ? iso.replace(/(?:\.(\d{3}))?Z$/, (_, ms: string | undefined) => `.${ms ?? '000'}0000Z`)
        : '';
    }
    case 'timespan':
      return formatTimespan(v as number);
    case 'dynamic':
      return typeof v === 'string' ? v : JSON.stringify(v);
    default:
      return String(v);
  }
}

/** A value as it appears inside a dynamic value (make_set, pack_array, bag_pack). */
export function toDynamic(v: unknown, type: KqlType): unknown {
  if (v === null || v === undefined) return null;
  if (type === 'datetime') return formatDatetime(v as number);
  if (type === 'timespan') return formatTimespan(v as number);
  return v;
}

/** Converts a value from a data file or a dynamic value to the executor's form of `type`. */
export function fromExternal(raw: unknown, type: KqlType): unknown {
  if (raw === undefined || raw === null) return type === 'string' ? '' : null;
  switch (type) {
    case 'string':
      return typeof raw === 'string' ? raw : typeof raw === 'object' ? JSON.stringify(raw) : String(raw);
    case 'guid':
      return typeof raw === 'string' ? (raw === '' ? null : raw) : String(raw);
    case 'bool':
      if (typeof raw === 'boolean') return raw;
      if (typeof raw === 'number') return raw !== 0;
      if (typeof raw === 'string') {
        const s = raw.trim().toLowerCase();
        return s === 'true' || s === '1' ? true : s === 'false' || s === '0' ? false : null;
      }
      return null;
    case 'int':
    case 'long': {
      const n =
        typeof raw === 'number'
          ? raw
          : typeof raw === 'string' && raw.trim() !== ''
            ? Number(raw)
            : typeof raw === 'boolean'
              ? Number(raw)
              : NaN;
      return Number.isFinite(n) ? Math.trunc(n) : null;
    }
    case 'real':
    case 'decimal': {
      const n =
        typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
      return Number.isNaN(n) ? null : n;
    }
    case 'datetime':
      if (typeof raw === 'number') return raw;
      return typeof raw === 'string' ? parseDatetime(raw) : null;
    case 'timespan':
      if (typeof raw === 'number') return raw;
      return typeof raw === 'string' ? parseTimespan(raw) : null;
    case 'dynamic':
      if (typeof raw === 'string') {
        const s = raw.trim();
        if (s.startsWith('{') || s.startsWith('[')) {
          try {
            return JSON.parse(s);
          } catch {
            return raw;
          }
        }
      }
      return raw;
  }
}

/** Converts an internal value to what the result tables carry (the Log Analytics shape). */
export function toOutput(v: unknown, type: KqlType): unknown {
  if (v === null || v === undefined) return type === 'string' ? '' : null;
  if (type === 'datetime') return formatDatetime(v as number);
  if (type === 'timespan') return formatTimespan(v as number);
  return v;
}

/**
 * Orders two values of one type for sort, min, max and top. Nulls sort before everything;
 * strings compare ordinally, as Kusto's sort does.
 */
export function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  if (typeof a === 'number' && typeof b === 'number')
    return a < b ? -1 : a > b ? 1 : Number.isNaN(a) ? (Number.isNaN(b) ? 0 : -1) : 1;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return a === b ? 0 : a ? 1 : -1;
  const sa = typeof a === 'string' ? a : JSON.stringify(a);
  const sb = typeof b === 'string' ? b : JSON.stringify(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** A hashable key for grouping, distinct and join; equal values of one type give equal keys. */
export function keyPart(v: unknown): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'object') return `\u0002${JSON.stringify(v)}`;
  return v as string | number | boolean;
}

export function compositeKey(values: readonly unknown[]): unknown {
  if (values.length === 1) return keyPart(values[0]);
  let key = '';
  for (const v of values) {
    const p = keyPart(v);
    key += `${p === null ? '\u0000' : typeof p === 'string' ? `s${p}` : `${typeof p}${p}`}\u0001`;
  }
  return key;
}
