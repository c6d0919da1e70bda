import type { FunctionCall, ScalarFunction } from './scalarFunctions';
import { UnsupportedError } from './errors';
import { argInteger, argString } from './functionArgs';

/**
 * String functions beyond the basics in scalarFunctions.ts, each as its page in Kusto's reference
 * describes it: indexof, strrep, reverse, strcat_delim, strcmp, string_size, translate and base64 text.
 * Arguments that are not strings are converted as `tostring()` would, as those pages say.
 */

const str = argString;
const intArg = argInteger;

/**
 * indexof(source, lookup [, start [, length [, occurrence]]]); a negative start counts from the end.
 * The length bounds each search: the next occurrence is sought in `length` characters from just
 * after the previous one, which is what the reference's examples give (the second "cde" of
 * "abcdefgabcdefg" from 1 within 10 is found at 9, while "cde" from 1 within 2 is not found).
 */
function indexof(c: FunctionCall): unknown {
  const source = str(c, 0);
  const lookup = str(c, 1);
  let start = intArg(c, 2, 0);
  const length = intArg(c, 3, -1);
  const occurrence = intArg(c, 4, 1);
  if (start === null || length === null || occurrence === null || length < -1 || occurrence < 0) return null;
  if (start < 0) start = Math.max(0, source.length + start);
  let from = start;
  for (let n = 1; from <= source.length; n++) {
    const end = length === -1 ? source.length : Math.min(source.length, from + length);
    const at = source.indexOf(lookup, from);
    if (at < 0 || at + lookup.length > end) return -1;
    if (n >= occurrence) return at;
    from = at + 1;
  }
  return -1;
}

const MAX_REPETITIONS = 1024;

/** The UTF-8 bytes of a string, and back (null when the bytes are not valid UTF-8). */
const utf8 = new TextEncoder();
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function base64Decode(text: string): Uint8Array | null {
  const t = text.trim();
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(t) || t.length % 4 === 1) return null;
  try {
    const binary = atob(t);
    return Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
  } catch {
    return null;
  }
}

function base64Encode(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

function decodeToString(c: FunctionCall): string {
  const bytes = base64Decode(str(c, 0));
  if (!bytes) return '';
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return '';
  }
}

/**
 * translate(searchList, replacementList, source): each character of searchList becomes the
 * character at its place in replacementList, or the last one when the list is shorter, or nothing
 * when it is empty (translate-function.md). A character listed twice for different replacements
 * is refused: the page does not say which wins.
 */
function translate(c: FunctionCall): string {
  const search = Array.from(str(c, 0));
  const replacement = Array.from(str(c, 1));
  const map = new Map<string, string>();
  search.forEach((ch, i) => {
    const to = replacement.length === 0 ? '' : replacement[Math.min(i, replacement.length - 1)];
    if (map.has(ch) && map.get(ch) !== to)
      throw new UnsupportedError('translate() with a character listed twice in searchList');
    map.set(ch, to);
  });
  return Array.from(str(c, 2), (ch) => map.get(ch) ?? ch).join('');
}

export const TEXT_FUNCTIONS: Record<string, ScalarFunction> = {
  indexof,
  translate,
  strrep: (c) => {
    const times = intArg(c, 1, 1);
    if (times === null || times < 1) return '';
    const delimiter = c.args.length > 2 ? str(c, 2) : '';
    return Array.from({ length: Math.min(times, MAX_REPETITIONS) }, () => str(c, 0)).join(delimiter);
  },
  reverse: (c) => Array.from(str(c, 0)).reverse().join(''),
  strcat_delim: (c) =>
    c.args
      .slice(1)
      .map((_, i) => str(c, i + 1))
      .join(str(c, 0)),
  strcmp: (c) => {
    const a = str(c, 0);
    const b = str(c, 1);
    return a === b ? 0 : a < b ? -1 : 1;
  },
  string_size: (c) => utf8.encode(str(c, 0)).length,
  base64_encode_tostring: (c) => base64Encode(utf8.encode(str(c, 0))),
  base64_encodestring: (c) => base64Encode(utf8.encode(str(c, 0))),
  base64_decode_tostring: decodeToString,
  base64_decodestring: decodeToString,
  base64_decode_toarray: (c) => {
    const bytes = base64Decode(str(c, 0));
    return bytes ? Array.from(bytes) : null;
  },
};
