import { RE2JS } from 're2js';
import { UnsupportedError } from './errors';

/**
 * Kusto's regular expressions, on RE2 (the re2js port) rather than the host's RegExp: RE2's
 * syntax (`(?i)` and the other inline flags, `(?P<name>…)`, `\pL`, `[[:alpha:]]`, `\Q…\E`), its
 * leftmost-first semantics, and its linear time. A pattern RE2 cannot compile is refused by name:
 * Kusto's own engine accepts a few forms re2js does not (class intersections such as `[a-z&&b]`,
 * the `x` flag), so a failure here is not proof that Kusto would reject the query.
 */
export interface KustoRegex {
  /** Whether the pattern matches anywhere in the text. */
  test(text: string): boolean;
  /** The first match: index 0 the whole match, then each group (undefined when it took no part). */
  exec(text: string): (string | undefined)[] | null;
  /** Every non-overlapping match, each as `exec` gives it. */
  execAll(text: string): (string | undefined)[][];
  /** Where each non-overlapping match starts (UTF-16 offsets). */
  starts(text: string): number[];
  /** The number of capture groups. */
  groupCount: number;
  /** Capture group numbers by name. */
  groupNumbers: Map<string, number>;
  /** Replaces every match by the rewrite, where `\0` is the whole match and `\1`… the groups. */
  replaceAll(text: string, rewrite: string): string;
}

const FLAG_LETTERS = /^[imsU]*$/;
const cache = new Map<string, KustoRegex>();
const CACHE_LIMIT = 500;

/** Compiles `pattern` with Kusto's flag letters (`i`, `m`, `s`, `U`), once per pattern and flags. */
export function kustoRegex(pattern: string, flags = ''): KustoRegex {
  const key = `${flags}/${pattern}`;
  let re = cache.get(key);
  if (!re) {
    re = compile(pattern, flags);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, re);
  }
  return re;
}

function compile(pattern: string, flags: string): KustoRegex {
  if (!FLAG_LETTERS.test(flags)) throw new UnsupportedError(`the regex flags '${flags}'`);
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(flags ? `(?${flags})${pattern}` : pattern);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw new UnsupportedError(`the regular expression '${pattern}'`, `RE2 could not compile it: ${reason}`);
  }
  const groupCount = compiled.groupCount();
  const groupNumbers = new Map(Object.entries(compiled.namedGroups() as Record<string, number>));
  // RE2's global iteration (GlobalReplace) does not take an empty match where the previous match
  // ended: "aaa" with `a*` is one match, not a match and an empty one (Java's find takes both).
  const eachMatch = (text: string, visit: (m: ReturnType<RE2JS['matcher']>) => void) => {
    const m = compiled.matcher(text);
    let lastEnd = -1;
    while (m.find()) {
      if (m.start() === m.end() && m.start() === lastEnd) continue;
      lastEnd = m.end();
      visit(m);
    }
  };
  const groupsOf = (m: ReturnType<RE2JS['matcher']>) => {
    const out: (string | undefined)[] = [];
    for (let g = 0; g <= groupCount; g++) out.push(m.group(g) ?? undefined);
    return out;
  };
  return {
    groupCount,
    groupNumbers,
    test: (text) => compiled.test(text),
    exec(text) {
      const m = compiled.matcher(text);
      return m.find() ? groupsOf(m) : null;
    },
    execAll(text) {
      const all: (string | undefined)[][] = [];
      eachMatch(text, (m) => all.push(groupsOf(m)));
      return all;
    },
    starts(text) {
      const out: number[] = [];
      eachMatch(text, (m) => out.push(m.start()));
      return out;
    },
    replaceAll(text, rewrite) {
      let out = '';
      let last = 0;
      eachMatch(text, (m) => {
        out += text.slice(last, m.start()) + expandRewrite(rewrite, groupsOf(m));
        last = m.end();
      });
      return out + text.slice(last);
    },
  };
}

/** RE2's rewrite syntax: `\N` is group N (empty when it did not take part), `\\` a backslash. */
function expandRewrite(rewrite: string, groups: (string | undefined)[]): string {
  return rewrite.replace(/\\(\d|\\)/g, (_, what: string) =>
    what === '\\' ? '\\' : (groups[Number(what)] ?? ''),
  );
}
