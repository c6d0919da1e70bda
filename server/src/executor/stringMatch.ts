/**
 * Kusto's string predicates. `has` matches whole terms: Kusto breaks a string into maximal runs of
 * ASCII letters and digits, and a needle matches where it starts and ends on such a boundary.
 * Predicates without `_cs` compare case-insensitively.
 */

function isAlnum(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/**
 * Builds a `has` test for one needle; the needle is lower-cased once, not per row. `hasprefix`
 * needs the match to start a term only, `hassuffix` to end one.
 */
export function hasMatcher(
  needle: string,
  caseSensitive: boolean,
  part: 'term' | 'prefix' | 'suffix' = 'term',
): (haystack: string) => boolean {
  const n = caseSensitive ? needle : needle.toLowerCase();
  if (n.length === 0) return () => true;
  const checkStart = part !== 'suffix' && isAlnum(n.charCodeAt(0));
  const checkEnd = part !== 'prefix' && isAlnum(n.charCodeAt(n.length - 1));
  return (haystack: string) => {
    const h = caseSensitive ? haystack : haystack.toLowerCase();
    let from = 0;
    for (;;) {
      const at = h.indexOf(n, from);
      if (at < 0) return false;
      const end = at + n.length;
      const startOk = !checkStart || at === 0 || !isAlnum(h.charCodeAt(at - 1));
      const endOk = !checkEnd || end === h.length || !isAlnum(h.charCodeAt(end));
      if (startOk && endOk) return true;
      from = at + 1;
    }
  };
}

export type StringPredicate = (haystack: string, needle: string) => boolean;

const lower = (s: string) => s.toLowerCase();

/** The binary string predicates by their SyntaxKind name, each before any negation. */
export const STRING_PREDICATES: Record<string, { test: StringPredicate; negate: boolean }> = {
  HasExpression: { test: (h, n) => hasMatcher(n, false)(h), negate: false },
  NotHasExpression: { test: (h, n) => hasMatcher(n, false)(h), negate: true },
  HasCsExpression: { test: (h, n) => hasMatcher(n, true)(h), negate: false },
  NotHasCsExpression: { test: (h, n) => hasMatcher(n, true)(h), negate: true },
  ContainsExpression: { test: (h, n) => lower(h).includes(lower(n)), negate: false },
  NotContainsExpression: { test: (h, n) => lower(h).includes(lower(n)), negate: true },
  ContainsCsExpression: { test: (h, n) => h.includes(n), negate: false },
  NotContainsCsExpression: { test: (h, n) => h.includes(n), negate: true },
  StartsWithExpression: { test: (h, n) => lower(h).startsWith(lower(n)), negate: false },
  NotStartsWithExpression: { test: (h, n) => lower(h).startsWith(lower(n)), negate: true },
  StartsWithCsExpression: { test: (h, n) => h.startsWith(n), negate: false },
  NotStartsWithCsExpression: { test: (h, n) => h.startsWith(n), negate: true },
  EndsWithExpression: { test: (h, n) => lower(h).endsWith(lower(n)), negate: false },
  NotEndsWithExpression: { test: (h, n) => lower(h).endsWith(lower(n)), negate: true },
  EndsWithCsExpression: { test: (h, n) => h.endsWith(n), negate: false },
  NotEndsWithCsExpression: { test: (h, n) => h.endsWith(n), negate: true },
  HasPrefixExpression: { test: (h, n) => hasMatcher(n, false, 'prefix')(h), negate: false },
  NotHasPrefixExpression: { test: (h, n) => hasMatcher(n, false, 'prefix')(h), negate: true },
  HasPrefixCsExpression: { test: (h, n) => hasMatcher(n, true, 'prefix')(h), negate: false },
  NotHasPrefixCsExpression: { test: (h, n) => hasMatcher(n, true, 'prefix')(h), negate: true },
  HasSuffixExpression: { test: (h, n) => hasMatcher(n, false, 'suffix')(h), negate: false },
  NotHasSuffixExpression: { test: (h, n) => hasMatcher(n, false, 'suffix')(h), negate: true },
  HasSuffixCsExpression: { test: (h, n) => hasMatcher(n, true, 'suffix')(h), negate: false },
  NotHasSuffixCsExpression: { test: (h, n) => hasMatcher(n, true, 'suffix')(h), negate: true },
  EqualTildeExpression: { test: (h, n) => lower(h) === lower(n), negate: false },
  BangTildeExpression: { test: (h, n) => lower(h) === lower(n), negate: true },
};

/**
 * Builds a predicate specialised for a constant needle, which is the common case in hunting
 * queries (`has 'GlavSoft'`): the needle's lower-case form is computed once.
 */
export function constantNeedlePredicate(kind: string, needle: string): ((h: string) => boolean) | undefined {
  const n = needle.toLowerCase();
  switch (kind) {
    case 'HasExpression':
    case 'NotHasExpression':
      return hasMatcher(needle, false);
    case 'HasCsExpression':
    case 'NotHasCsExpression':
      return hasMatcher(needle, true);
    case 'HasPrefixExpression':
    case 'NotHasPrefixExpression':
      return hasMatcher(needle, false, 'prefix');
    case 'HasSuffixExpression':
    case 'NotHasSuffixExpression':
      return hasMatcher(needle, false, 'suffix');
    case 'ContainsExpression':
    case 'NotContainsExpression':
      return (h) => h.toLowerCase().includes(n);
    case 'StartsWithExpression':
    case 'NotStartsWithExpression':
      return (h) => h.toLowerCase().startsWith(n);
    case 'EndsWithExpression':
    case 'NotEndsWithExpression':
      return (h) => h.toLowerCase().endsWith(n);
    case 'EqualTildeExpression':
    case 'BangTildeExpression':
      return (h) => h.length === n.length && h.toLowerCase() === n;
    default:
      return undefined;
  }
}
