import { createHash } from 'node:crypto';
import { UnsupportedError } from './errors';
import { argString } from './functionArgs';
import type { FunctionCall, ScalarFunction } from './scalarFunctions';

/**
 * Hashes, URL query strings and code points, each by its reference page: hash_sha256, hash_sha1
 * and hash_md5 are the lowercase hex digest of a string's UTF-8 bytes (the pages do not say
 * which bytes stand for a datetime or a number, so other types are refused by name);
 * parse_urlquery gives `{"Query Parameters": {key: value}}`; unicode_codepoints_to_string (and
 * its deprecated alias make_string) builds a string from code points given one by one or as arrays.
 */

function digest(algorithm: string, name: string): ScalarFunction {
  return (c: FunctionCall) => {
    if (c.argTypes[0] !== 'string') throw new UnsupportedError(`${name}() of a ${c.argTypes[0]} value`);
    return createHash(algorithm).update(argString(c, 0), 'utf8').digest('hex');
  };
}

/**
 * `k1=v1&k2=v2`. The page shows no encoded text, so a value with `%` or `+` (decoded or not?) and a
 * repeated key (first or last?) are refused by name rather than guessed.
 */
function parseUrlQuery(c: FunctionCall): unknown {
  const text = argString(c, 0);
  const params: Record<string, string> = {};
  for (const part of text.split('&')) {
    if (part === '') continue;
    if (/[%+]/.test(part)) throw new UnsupportedError('parse_urlquery() of a percent- or plus-encoded query');
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    if (key in params) throw new UnsupportedError('parse_urlquery() of a query that repeats a key');
    params[key] = eq < 0 ? '' : part.slice(eq + 1);
  }
  return { 'Query Parameters': params };
}

function codepointsToString(c: FunctionCall): string {
  const points = c.args.flatMap((a) => (Array.isArray(a) ? a : [a]));
  let out = '';
  for (const p of points) {
    // Anything but a valid code point (a surrogate, past 0x10FFFF, not an integer) gives null,
    // which for a string is the empty string: Kusto strings are never null.
    if (
      typeof p !== 'number' ||
      !Number.isInteger(p) ||
      p < 0 ||
      p > 0x10ffff ||
      (p >= 0xd800 && p <= 0xdfff)
    )
      return '';
    out += String.fromCodePoint(p);
  }
  return out;
}

export const ENCODING_FUNCTIONS: Record<string, ScalarFunction> = {
  hash_sha256: digest('sha256', 'hash_sha256'),
  hash_sha1: digest('sha1', 'hash_sha1'),
  hash_md5: digest('md5', 'hash_md5'),
  parse_urlquery: parseUrlQuery,
  parseurlquery: parseUrlQuery,
  unicode_codepoints_to_string: codepointsToString,
  make_string: codepointsToString,
};
