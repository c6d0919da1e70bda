import { UnsupportedError } from './errors';

/**
 * JSON text read without rounding its big integers. JSON.parse reads every number as a double,
 * so an integer beyond 2^53 (an event id, a hash, a 64-bit counter) would come out rounded, while
 * Kusto keeps it as a long. A row's field that is such an integer is kept as a bigint, which
 * the workspace reads as the exact long (values.ts); inside a dynamic value, whose numbers the
 * executor holds as doubles, it is refused by name instead of rounded (for a data file, when it
 * is loaded, naming the file and line).
 */

const MAYBE_BIG = /\d{16}/;
const NUMBER = /-?\d+(\.\d+)?([eE][+-]?\d+)?/y;

/**
 * Parses JSON text; with `rowFields`, a big integer that is a field of the top-level object (or
 * of each object of a top-level array) is kept as a bigint.
 */
export function parseJsonExactly(text: string, rowFields = false): unknown {
  if (!MAYBE_BIG.test(text)) return JSON.parse(text);
  const mark = `\u0000long${Math.random().toString(36).slice(2)}:`;
  const marked = markBigIntegers(text, mark);
  if (marked === undefined) return JSON.parse(text);
  const parsed: unknown = JSON.parse(marked);
  if (!rowFields) refuseMarked(parsed, mark);
  else if (Array.isArray(parsed)) for (const row of parsed) keepRowFields(row, mark);
  else keepRowFields(parsed, mark);
  return parsed;
}

/**
 * A row object's marked fields become bigints. A big integer deeper in (a dynamic value) is
 * refused, and the loader names the file and line, as it does for a Parquet file's.
 */
function keepRowFields(row: unknown, mark: string): void {
  if (!row || typeof row !== 'object' || Array.isArray(row)) return refuseMarked(row, mark);
  const fields = row as Record<string, unknown>;
  for (const [k, v] of Object.entries(fields)) {
    if (typeof v === 'string' && v.startsWith(mark)) fields[k] = BigInt(v.slice(mark.length));
    else refuseMarked(v, mark);
  }
}

/** The text with each integer beyond 2^53 outside strings made a marked string; undefined if none. */
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
    if (!m[1] && !m[2] && !Number.isSafeInteger(Number(token))) {
      out += `${text.slice(from, i)}"${JSON.stringify(mark).slice(1, -1)}${token}"`;
      from = i + token.length;
      found = true;
    }
    i += token.length - 1;
  }
  return found ? out + text.slice(from) : undefined;
}

function refuseMarked(v: unknown, mark: string): void {
  if (typeof v === 'string') {
    if (v.startsWith(mark))
      throw new UnsupportedError(
        `the JSON integer ${v.slice(mark.length)} inside a dynamic value`,
        'dynamic values hold integers exactly only within 2^53',
      );
    return;
  }
  if (Array.isArray(v)) for (const x of v) refuseMarked(x, mark);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) refuseMarked(x, mark);
}
