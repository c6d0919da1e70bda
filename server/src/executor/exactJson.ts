import { UnsupportedError } from './errors';
import { LONG_MAX, LONG_MIN } from './longs';
import { wholeReal } from './wholeReals';

/**
 * JSON text read without rounding its big integers. JSON.parse reads every number as a double,
 * so an integer beyond 2^53 (an event id, a hash, a 64-bit counter) would come out rounded, while
 * Kusto keeps it as a long. Such an integer is kept as a bigint: a row's field is read by the
 * workspace as the exact long (values.ts), and inside a dynamic value it is the long the dynamic
 * value holds (dynamicJson.ts writes it back with its digits). An integer beyond the 64-bit range
 * inside a dynamic value is refused by name: Kusto's pages do not say what its JSON parser makes of
 * it (for a data file, when it is loaded, naming the file and line).
 */

const MAYBE_BIG = /\d{16}/;
// A number written with a fraction or exponent is a real in Kusto's JSON even when it is whole (2.0).
const MAYBE_WHOLE_REAL = /\d\.0*(?![0-9])|\d[eE]/;
const NUMBER = /-?\d+(\.\d+)?([eE][+-]?\d+)?/y;

/**
 * Parses JSON text; with `rowFields`, a big integer that is a field of the top-level object (or
 * of each object of a top-level array) is kept as a bigint.
 */
export function parseJsonExactly(text: string, rowFields = false): unknown {
  if (!MAYBE_BIG.test(text) && !MAYBE_WHOLE_REAL.test(text)) return JSON.parse(text);
  const mark = `\u0000long${Math.random().toString(36).slice(2)}:`;
  const marked = markBigIntegers(text, mark);
  if (marked === undefined) return JSON.parse(text);
  const parsed: unknown = JSON.parse(marked);
  if (!rowFields) return keepMarked(parsed, mark);
  if (!Array.isArray(parsed)) return keepRowFields(parsed, mark);
  for (let i = 0; i < parsed.length; i++) parsed[i] = keepRowFields(parsed[i], mark);
  return parsed;
}

/**
 * A row object's marked fields become bigints, whatever their size (the column's type decides
 * what a long column makes of one beyond 64 bits). A big integer deeper in (a dynamic value) is
 * kept as a long; beyond 64 bits it is refused, and the loader names the file and line.
 */
function keepRowFields(row: unknown, mark: string): unknown {
  if (!row || typeof row !== 'object' || Array.isArray(row)) return keepMarked(row, mark);
  const fields = row as Record<string, unknown>;
  for (const [k, v] of Object.entries(fields)) {
    // A row's whole real field is the number it is: the column's type decides what it becomes.
    if (typeof v === 'string' && v.startsWith(`${mark}r`)) fields[k] = Number(v.slice(mark.length + 1));
    else if (typeof v === 'string' && v.startsWith(mark)) fields[k] = BigInt(v.slice(mark.length));
    else fields[k] = keepMarked(v, mark);
  }
  return row;
}

/**
 * The text with each integer beyond 2^53 and each whole real (a number with a fraction or exponent
 * that is whole, such as 2.0 or 1e3) outside strings made a marked string; undefined if none.
 */
function markBigIntegers(text: string, mark: string): string | undefined {
  let out = '';
  let from = 0;
  let found = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 34 /* " */) {
      for (i++; i < text.length && text.charCodeAt(i) !== 34; i++) if (text.charCodeAt(i) === 92) i++;
      continue;
    }
    if (ch !== 45 /* - */ && (ch < 48 || ch > 57)) continue;
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (!m) continue;
    const token = m[0];
    const real = !!(m[1] || m[2]);
    if (real ? Number.isInteger(Number(token)) : !Number.isSafeInteger(Number(token))) {
      out += `${text.slice(from, i)}"${JSON.stringify(mark).slice(1, -1)}${real ? 'r' : ''}${token}"`;
      from = i + token.length;
      found = true;
    }
    i += token.length - 1;
  }
  return found ? out + text.slice(from) : undefined;
}

/** The value with each marked integer inside made the long it is (a bigint), in place. */
function keepMarked(v: unknown, mark: string): unknown {
  if (typeof v === 'string') {
    if (!v.startsWith(mark)) return v;
    if (v.startsWith(`${mark}r`)) return wholeReal(Number(v.slice(mark.length + 1)));
    const digits = v.slice(mark.length);
    const n = BigInt(digits);
    if (n > LONG_MAX || n < LONG_MIN)
      throw new UnsupportedError(
        `the JSON integer ${digits} inside a dynamic value`,
        "it is beyond the range of a long, and Kusto's pages do not say what its JSON parser makes of it",
      );
    return n;
  }
  if (Array.isArray(v)) for (let i = 0; i < v.length; i++) v[i] = keepMarked(v[i], mark);
  else if (v && typeof v === 'object') {
    const bag = v as Record<string, unknown>;
    for (const k of Object.keys(bag)) bag[k] = keepMarked(bag[k], mark);
  }
  return v;
}
