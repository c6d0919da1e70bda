import { UnsupportedError } from './errors';
import { ExactDecimal } from './exactDecimal';
import { argInteger, argString } from './functionArgs';
import type { FunctionCall, ScalarFunction } from './scalarFunctions';

/**
 * String functions of issue 16, each by its reference page: replace_strings, format_bytes,
 * unicode_codepoints_from_string, isutf8 and parse_version.
 */

/**
 * replace_strings(text, lookups, rewrites) (replace-strings-function.md): the lookups claim their
 * matches in list order, each left to right without overlapping an earlier claim (the page's
 * "Thwas was" example); a claim whose rewrite is not a string keeps its text. Lists of different
 * lengths and an empty lookup are refused: the page does not say what they give.
 */
function replaceStrings(c: FunctionCall): string {
  const text = argString(c, 0);
  const lookups = c.args[1];
  const rewrites = c.args[2];
  if (!Array.isArray(lookups) || !Array.isArray(rewrites)) return text;
  if (lookups.length !== rewrites.length)
    throw new UnsupportedError('replace_strings() with lists of different lengths');
  const claims: { at: number; end: number; rewrite: string | null }[] = [];
  const free = (at: number, end: number) => claims.every((k) => end <= k.at || at >= k.end);
  lookups.forEach((lookup, i) => {
    if (typeof lookup !== 'string') return;
    if (lookup === '') throw new UnsupportedError('replace_strings() with an empty lookup string');
    const rewrite = typeof rewrites[i] === 'string' ? (rewrites[i] as string) : null;
    for (let at = text.indexOf(lookup); at >= 0;) {
      const end = at + lookup.length;
      if (free(at, end)) {
        claims.push({ at, end, rewrite });
        at = text.indexOf(lookup, end);
      } else at = text.indexOf(lookup, at + 1);
    }
  });
  claims.sort((a, b) => a.at - b.at);
  let out = '';
  let from = 0;
  for (const k of claims) {
    out += text.slice(from, k.at) + (k.rewrite ?? text.slice(k.at, k.end));
    from = k.end;
  }
  return out + text.slice(from);
}

const UNITS = ['Bytes', 'KB', 'MB', 'GB', 'TB', 'PB', 'EB'];

/**
 * format_bytes(size [, precision [, units]]) (format-bytes-function.md): the size in units of
 * 1024, the largest unit that keeps it at least 1 unless one is named, rounded to `precision`
 * digits. The page's examples print no trailing zeros and show no negative size or rounding tie,
 * so a result that would need one of those is refused rather than guessed.
 */
function formatBytes(c: FunctionCall): string {
  const size = typeof c.args[0] === 'number' ? c.args[0] : null;
  if (size === null || !Number.isFinite(size)) return '';
  const precision = argInteger(c, 1, 0);
  if (precision === null || precision < 0 || precision > 15)
    throw new UnsupportedError(`format_bytes() with the precision ${String(c.args[1])}`);
  if (size < 0) throw new UnsupportedError('format_bytes() of a negative size');
  const named = c.args.length > 2 ? argString(c, 2) : '';
  let unit: number;
  if (named === '') {
    unit = 0;
    while (unit < UNITS.length - 1 && size >= 1024 ** (unit + 1)) unit++;
  } else {
    unit = UNITS.findIndex((u) => u.toLowerCase() === named.toLowerCase());
    if (unit < 0) throw new UnsupportedError(`format_bytes() with the units '${named}'`);
  }
  const scaled = size / 1024 ** unit;
  const factor = 10 ** precision;
  const shifted = scaled * factor;
  if (Math.abs(shifted - Math.trunc(shifted) - 0.5) < 1e-9)
    throw new UnsupportedError('format_bytes() of a size halfway between two roundings');
  const rounded = Math.round(shifted) / factor;
  if (named === '' && rounded >= 1024 && unit < UNITS.length - 1)
    throw new UnsupportedError(
      'format_bytes() of a size that rounds up to the next unit (the page does not say which unit it then shows)',
    );
  const text = rounded.toFixed(precision);
  if (precision > 0 && text.endsWith('0'))
    throw new UnsupportedError(
      'format_bytes() of a size whose rounding ends in zero (the page does not say whether it is printed)',
    );
  return `${text} ${UNITS[unit]}`;
}

/** isutf8(): a string is valid UTF-8 unless it holds half of a surrogate pair. */
function isUtf8(c: FunctionCall): boolean {
  const text = argString(c, 0);
  return !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);
}

/**
 * parse_version(text) (parse-version-function.md): one to four dot-separated parts of up to eight
 * digits, missing parts trailing zeros, as the decimal p1·10^24 + p2·10^16 + p3·10^8 + p4, held
 * exactly (exactDecimal.ts); text that is no version is null.
 */
function parseVersion(c: FunctionCall): ExactDecimal | null {
  const text = argString(c, 0).trim();
  if (!/^\d{1,8}(\.\d{1,8}){0,3}$/.test(text)) return null;
  const parts = text.split('.').map(BigInt);
  while (parts.length < 4) parts.push(0n);
  const value = ((parts[0] * 10n ** 8n + parts[1]) * 10n ** 8n + parts[2]) * 10n ** 8n + parts[3];
  return ExactDecimal.whole(value, `parse_version('${text}')`);
}

export const TEXT_CONVERSION_FUNCTIONS: Record<string, ScalarFunction> = {
  replace_strings: replaceStrings,
  format_bytes: formatBytes,
  unicode_codepoints_from_string: (c) => Array.from(argString(c, 0), (ch) => ch.codePointAt(0)!),
  to_utf8: (c) => Array.from(argString(c, 0), (ch) => ch.codePointAt(0)!),
  isutf8: isUtf8,
  parse_version: parseVersion,
};
