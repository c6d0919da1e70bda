/**
 * How the executor holds KQL values, and the conversions and comparisons between them.
 *
 * The binder has already typed every expression, so values carry no type tag of their own:
 * strings, bools, ints, longs and reals are plain JS values; datetime and timespan are bigint
 * 100 ns ticks (ticks.ts), a datetime counted from the Unix epoch; guid is a string; dynamic is a
 * JSON value. Null is `null` for every type except string, which Kusto never makes null
 * (a missing string is the empty string).
 */

import { UnsupportedError } from './errors';
import { dynamicJson, holdsBigint } from './dynamicJson';
import { compareWithReal, ExactDecimal, parseDecimalText } from './exactDecimal';
import { parseJsonExactly } from './exactJson';
import { holdsWholeReal, wholeReal, wholeRealOf, wholeRealRefusal } from './wholeReals';
import { refuseSketch } from './sketchValues';
import { LONG_MAX, LONG_MIN, longOfDigits, longOfWholeDouble, normalLong } from './longs';
import {
  formatDatetimeTicks,
  formatTimespanTicks,
  fractionDigits,
  parseDatetimeTicks,
  parseTimespanTicks,
} from './ticks';

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

/** The string form Kusto's tostring() gives a value of the given type. */
export function valueToString(v: unknown, type: KqlType): string {
  if (v === null || v === undefined) return '';
  if (v instanceof ExactDecimal) return v.printed('tostring()');
  switch (type) {
    case 'datetime': {
      // tostring() writes all seven digits of the fraction (reverse-function.md's example).
      const iso = formatDatetimeTicks(v as bigint);
      return iso ? `${iso.slice(0, 19)}.${fractionDigits(v as bigint)}Z` : '';
    }
    case 'timespan':
      return formatTimespanTicks(v as bigint);
    case 'dynamic':
      if (typeof v === 'object') refuseSketch(v, 'converted to a string');
      if (wholeRealOf(v) !== undefined) throw wholeRealRefusal(wholeRealOf(v)!, 'converted to a string');
      return typeof v === 'string' ? v : dynamicJson(v);
    case 'real':
      return realText(v);
    default:
      return String(v);
  }
}

/**
 * A real as text. Between 1e-4 and 1e15 in magnitude Kusto (on .NET) and JavaScript both write the
 * shortest digits that read back to the same double, in plain decimal form. Outside that band .NET
 * switches to its exponent form (1E-05, 1E+15) where JavaScript does not, or writes it differently
 * (1E+21 against 1e+21), and no reference page prints such a string, so it is refused by name.
 */
function realText(v: unknown): string {
  if (typeof v !== 'number' || v === 0 || !Number.isFinite(v)) return String(v);
  const magnitude = Math.abs(v);
  if (magnitude >= 1e-4 && magnitude < 1e15) return String(v);
  throw new UnsupportedError(
    `the real ${v} as text`,
    "Kusto writes a real this small or large in .NET's exponent form (such as 1E-05), which no reference page prints",
  );
}

/** A value as it appears inside a dynamic value (make_set, pack_array, bag_pack). */
export function toDynamic(v: unknown, type: KqlType): unknown {
  if (v === null || v === undefined) return null;
  // A long beyond 2^53 stays the bigint it is: a dynamic value holds it exactly (dynamicJson.ts).
  // A decimal inside a dynamic value is its double, where the double is certain and no trailing
  // zeros of its scale would be lost (exactDecimal.ts).
  if (v instanceof ExactDecimal) {
    v.printed('a dynamic value');
    return v.toNumber('a decimal inside a dynamic value');
  }
  // Kusto writes a datetime inside a dynamic value with all seven fraction digits, as tostring() does.
  if (type === 'datetime') return valueToString(v, type);
  if (type === 'timespan') return formatTimespanTicks(v as bigint);
  if (typeof v === 'object') refuseSketch(v, 'inside another dynamic value');
  // A whole real stays a real inside the dynamic value (wholeReals.ts).
  if (type === 'real' && typeof v === 'number') return wholeReal(v);
  return v;
}

/** Converts a value from a data file or a dynamic value to the executor's form of `type`. */
/**
 * A datetime a table file already holds as 100 ns ticks (a Parquet timestamp): a datetime column
 * takes the ticks as they are, anything else its ISO text, so no text is made and read back.
 */
export class ExternalDatetime {
  constructor(readonly ticks: bigint) {}
  toString(): string {
    return formatDatetimeTicks(this.ticks);
  }
  toJSON(): string {
    return this.toString();
  }
}

export function fromExternal(raw: unknown, type: KqlType): unknown {
  if (raw === undefined || raw === null) return type === 'string' ? '' : null;
  if (typeof raw === 'object') refuseSketch(raw, `converted to ${type}`);
  const whole = wholeRealOf(raw);
  if (whole !== undefined) {
    // The pages show no tostring() of a whole real held alone in a dynamic value ("2" or "2.0").
    if (type === 'string' || type === 'guid') throw wholeRealRefusal(whole, `converted to ${type}`);
    if (type === 'dynamic') return raw;
    raw = whole;
  }
  if (raw instanceof ExternalDatetime) {
    if (type === 'datetime') return raw.ticks;
    raw = raw.toString();
  }
  if (typeof raw === 'bigint' && type !== 'long' && type !== 'datetime' && type !== 'timespan')
    return bigFromExternal(raw, type);
  switch (type) {
    case 'string':
      return typeof raw === 'string' ? raw : typeof raw === 'object' ? dynamicJson(raw) : String(raw);
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
    case 'long':
      return longFromExternal(raw);
    case 'int': {
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
    case 'decimal':
      return decimalFromExternal(raw);
    case 'real': {
      const n =
        typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
      return Number.isNaN(n) ? null : n;
    }
    case 'datetime':
      if (typeof raw === 'bigint') return raw;
      return typeof raw === 'string' ? parseDatetimeTicks(raw) : null;
    case 'timespan':
      if (typeof raw === 'bigint') return raw;
      return typeof raw === 'string' ? parseTimespanTicks(raw) : null;
    case 'dynamic':
      if (typeof raw === 'string') {
        const s = raw.trim();
        if (s.startsWith('{') || s.startsWith('[')) {
          try {
            return parseJsonExactly(s);
          } catch (e) {
            if (e instanceof UnsupportedError) throw e;
            return raw;
          }
        }
      }
      return raw;
  }
}

/**
 * A decimal from a data file or a dynamic value: number text is read exactly, and a whole number
 * as it is. Any other number is a real by now (JSON numbers are doubles), whose decimal is taken
 * only where no rounding comes in (ExactDecimal.fromReal); text that is no number is null.
 */
function decimalFromExternal(raw: unknown): ExactDecimal | null {
  if (raw instanceof ExactDecimal) return raw;
  if (typeof raw === 'bigint' || (typeof raw === 'number' && Number.isSafeInteger(raw)))
    return ExactDecimal.whole(raw, 'a decimal value');
  if (typeof raw === 'number')
    return Number.isFinite(raw)
      ? ExactDecimal.fromReal(raw, 'a number for a decimal; text keeps its digits')
      : null;
  return typeof raw === 'string' ? parseDecimalText(raw.trim(), 'a decimal value') : null;
}

/** A 64-bit integer from a data file (Parquet INT64) in a column of another type than long. */
function bigFromExternal(raw: bigint, type: KqlType): unknown {
  const n = normalLong(raw);
  if (typeof n === 'number') return fromExternal(n, type);
  if (type === 'string' || type === 'guid') return raw.toString();
  if (type === 'real') return Number(raw);
  if (type === 'bool') return raw !== 0n;
  // A dynamic value holds a long beyond 2^53 as it is (dynamicJson.ts); beyond 64 bits there is no long.
  if (type === 'dynamic') {
    if (raw <= LONG_MAX && raw >= LONG_MIN) return n;
    throw new UnsupportedError(
      `the integer ${raw} as a dynamic value`,
      "it is beyond the range of a long, and Kusto's pages do not say what its JSON parser makes of it",
    );
  }
  throw new UnsupportedError(`the 64-bit integer ${raw} as a ${type}`, 'it is beyond 2^53');
}

/**
 * A long from a data file, a string or a dynamic value, exactly: digits beyond 2^53 are read as
 * a bigint (beyond 64 bits there is no long, so null), a number as its own whole value.
 */
function longFromExternal(raw: unknown): unknown {
  if (typeof raw === 'number') return longOfWholeDouble(raw);
  if (typeof raw === 'bigint') return raw > LONG_MAX || raw < LONG_MIN ? null : normalLong(raw);
  if (typeof raw === 'boolean') return Number(raw);
  if (typeof raw !== 'string' || raw.trim() === '') return null;
  if (/^\s*[+-]?\d{16,}\s*$/.test(raw)) return longOfDigits(raw);
  return longOfWholeDouble(Number(raw));
}

/**
 * Converts an internal value to what the result tables carry (the Log Analytics shape). A long
 * beyond 2^53 goes out as its exact digits, since a JSON number would be read back rounded; a
 * dynamic value holding one goes out as its exact JSON text, as Log Analytics carries dynamic
 * values, since the result tables travel as JSON, which has no exact form for it.
 */
export function toOutput(v: unknown, type: KqlType): unknown {
  if (v === null || v === undefined) return type === 'string' ? '' : null;
  if (typeof v === 'bigint' && (type === 'long' || type === 'int' || type === 'dynamic')) return v.toString();
  // A decimal goes out as a number when that number's text is its own, else as its exact text.
  if (v instanceof ExactDecimal) {
    const text = v.printed('the output');
    return String(Number(text)) === text ? Number(text) : text;
  }
  const whole = wholeRealOf(v);
  if (whole !== undefined) return whole;
  if (type === 'dynamic' && typeof v === 'object' && (holdsBigint(v) || holdsWholeReal(v))) {
    refuseSketch(v, "in the query's output");
    return dynamicJson(v);
  }
  if (type === 'datetime') return formatDatetimeTicks(v as bigint);
  if (type === 'timespan') return formatTimespanTicks(v as bigint);
  if (typeof v === 'object') refuseSketch(v, "in the query's output");
  return v;
}

/**
 * Orders two values of one type for sort, min, max and top. Nulls sort before everything;
 * strings compare ordinally, as Kusto's sort does.
 */
export function compareValues(a: unknown, b: unknown): number {
  if (a === b) {
    if (typeof a === 'object') refuseSketch(a, 'compared or sorted');
    return 0;
  }
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  if (typeof a === 'number' && typeof b === 'number')
    return a < b ? -1 : a > b ? 1 : Number.isNaN(a) ? (Number.isNaN(b) ? 0 : -1) : 1;
  if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0;
  if (a instanceof ExactDecimal || b instanceof ExactDecimal) return compareDecimal(a, b);
  // A tick count met with a number (a dynamic value converted either way) compares by magnitude.
  if ((typeof a === 'bigint' || typeof a === 'number') && (typeof b === 'bigint' || typeof b === 'number'))
    return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return a === b ? 0 : a ? 1 : -1;
  const wa = wholeRealOf(a);
  const wb = wholeRealOf(b);
  if (wa !== undefined && wb !== undefined) return wa < wb ? -1 : wa > wb ? 1 : 0;
  // Whether a dynamic real 2.0 equals or sorts with a dynamic int 2 by value, the pages do not say.
  if (wa !== undefined) throw wholeRealRefusal(wa, 'compared with another dynamic value');
  if (wb !== undefined) throw wholeRealRefusal(wb, 'compared with another dynamic value');
  refuseSketch(a, 'compared or sorted');
  refuseSketch(b, 'compared or sorted');
  const sa = typeof a === 'string' ? a : dynamicJson(a);
  const sb = typeof b === 'string' ? b : dynamicJson(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** A decimal against a decimal or a whole number, by value; against a real where that is certain. */
function compareDecimal(a: unknown, b: unknown): number {
  if (a instanceof ExactDecimal && b instanceof ExactDecimal) return a.compare(b);
  const whole = (v: unknown) => typeof v === 'bigint' || (typeof v === 'number' && Number.isSafeInteger(v));
  if (a instanceof ExactDecimal && whole(b)) return a.compareWhole(BigInt(b as number));
  if (b instanceof ExactDecimal && whole(a)) return -b.compareWhole(BigInt(a as number));
  if (a instanceof ExactDecimal && typeof b === 'number') return compareWithReal(a, b);
  if (b instanceof ExactDecimal && typeof a === 'number') return -compareWithReal(b, a);
  throw new UnsupportedError('comparing a decimal with a value of another type');
}

/**
 * A hashable key for grouping, distinct and join; equal values of one type give equal keys. A
 * decimal's key goes by its value (ExactDecimal.key), so 1.5 and 1.50 are one key.
 */
export function keyPart(v: unknown): string | number | bigint | boolean | null {
  if (v === null || v === undefined) return null;
  if (v instanceof ExactDecimal) return v.key;
  if (typeof v === 'object') {
    refuseSketch(v, 'as a grouping, distinct or join key');
    // Whether Kusto groups a dynamic 2.0 with a dynamic 2, the pages do not say.
    const whole = wholeRealOf(v);
    if (whole !== undefined) throw wholeRealRefusal(whole, 'as a grouping, distinct or join key');
    return `\u0002${dynamicJson(v)}`;
  }
  return v as string | number | bigint | boolean;
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
