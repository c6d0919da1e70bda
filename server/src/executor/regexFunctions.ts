import { RE2JS } from 're2js';
import { argInteger, argString } from './functionArgs';
import { kustoRegex } from './kustoRegex';
import type { FunctionCall, ScalarFunction } from './scalarFunctions';
import { fromExternal } from './values';

/**
 * The functions that take a regular expression, on RE2 (kustoRegex.ts): extract, extract_all,
 * replace_regex and its deprecated alias replace, trim/trim_start/trim_end, countof's regex kind,
 * indexof_regex and regex_quote. Each follows its page in Kusto's reference.
 */

const str = argString;
const int = argInteger;

/** extract(regex, group, source [, typeof(T)]): null when there is no match or conversion fails. */
function extract(c: FunctionCall): unknown {
  const group = int(c, 1, 0);
  const m = kustoRegex(str(c, 0)).exec(str(c, 2));
  const text = m && group !== null ? m[group] : undefined;
  if (text === undefined) return c.resultType === 'string' ? '' : null;
  return fromExternal(text, c.resultType);
}

/** extract_all(regex, [groups,] source): a list of matches, each a value or a list of values. */
function extractAll(c: FunctionCall): unknown {
  const re = kustoRegex(str(c, 0));
  const source = str(c, c.args.length === 3 ? 2 : 1);
  let groups: number[];
  if (c.args.length === 3) {
    const wanted = c.args[1];
    if (!Array.isArray(wanted)) return null;
    groups = wanted.map((g) => (typeof g === 'string' ? (re.groupNumbers.get(g) ?? -1) : Number(g)));
    if (groups.some((g) => !Number.isInteger(g) || g < 1 || g > re.groupCount)) return null;
  } else {
    // With no groups the whole match is the value; otherwise every group, in order.
    groups = re.groupCount === 0 ? [0] : Array.from({ length: re.groupCount }, (_, i) => i + 1);
  }
  const matches = re.execAll(source);
  if (matches.length === 0) return null;
  return matches.map((m) => (groups.length === 1 ? (m[groups[0]] ?? '') : groups.map((g) => m[g] ?? '')));
}

/** trim(regex, source) and its one-sided forms: remove repeated matches at the start or end. */
function trimmer(start: boolean, end: boolean): ScalarFunction {
  return (c) => {
    const pattern = `(?:${str(c, 0)})+`;
    let text = str(c, 1);
    if (start) {
      const m = kustoRegex(`\\A${pattern}`).exec(text);
      if (m) text = text.slice(m[0]!.length);
    }
    if (end) {
      // Leftmost-first, so the match found is the longest run that reaches the end.
      const m = kustoRegex(`${pattern}\\z`).exec(text);
      if (m) text = text.slice(0, text.length - m[0]!.length);
    }
    return text;
  };
}

/** countof(source, search [, kind]): plain matches may overlap; regex matches do not. */
function countof(c: FunctionCall): unknown {
  const source = str(c, 0);
  const search = str(c, 1);
  const kind = c.args.length > 2 ? str(c, 2).toLowerCase() : 'normal';
  if (kind === 'regex') return kustoRegex(search).execAll(source).length;
  if (kind !== 'normal' || search.length === 0) return kind === 'normal' ? 0 : null;
  let count = 0;
  for (let at = source.indexOf(search); at >= 0; at = source.indexOf(search, at + 1)) count++;
  return count;
}

/** indexof_regex(source, regex [, start [, length [, occurrence]]]): -1 when not found. */
function indexofRegex(c: FunctionCall): unknown {
  const source = str(c, 0);
  const start = int(c, 2, 0);
  const length = int(c, 3, -1);
  const occurrence = int(c, 4, 1);
  if (start === null || length === null || occurrence === null) return null;
  if (start < 0 || length < -1 || occurrence < 0) return null;
  if (start > source.length) return -1;
  const window = source.slice(start, length === -1 ? undefined : start + length);
  const at = kustoRegex(str(c, 1)).starts(window)[occurrence - 1];
  return at === undefined ? -1 : start + at;
}

export const REGEX_FUNCTIONS: Record<string, ScalarFunction> = {
  extract,
  extract_all: extractAll,
  extractall: extractAll,
  replace_regex: (c) => kustoRegex(str(c, 1)).replaceAll(str(c, 0), str(c, 2)),
  replace: (c) => kustoRegex(str(c, 0)).replaceAll(str(c, 2), str(c, 1)),
  trim: trimmer(true, true),
  trim_start: trimmer(true, false),
  trim_end: trimmer(false, true),
  countof,
  indexof_regex: indexofRegex,
  regex_quote: (c) => RE2JS.quote(str(c, 0)),
};
