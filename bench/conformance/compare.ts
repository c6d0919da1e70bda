/**
 * Compares a result with a documented answer. Documentation prints values loosely, so equality
 * here is by meaning: numbers within a relative 1e-9, datetimes by instant at 100 ns (a trailing
 * `.0000000` or a missing `Z` does not matter), dynamic values structurally.
 */
const ISO = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?Z?$/;

function normaliseDatetime(s: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?Z?$/.exec(s);
  if (!m) return s;
  return `${m[1]}T${m[2]}:${m[3] ?? '00'}.${(m[4] ?? '').padEnd(7, '0')}Z`;
}

/**
 * A dynamic value as its page prints it, kept as text so that a real written 1.0 is told from the
 * int 1 (the executor writes a dynamic value holding a whole real as its JSON text).
 */
export class DynamicText {
  constructor(readonly text: string) {}
}

const TOKEN = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|"(?:[^"\\]|\\.)*"|[^\s]/g;

/**
 * Whether the actual dynamic value's JSON text is the printed one: token by token, a number with
 * the same int-or-real form (a decimal point or exponent) and the value the page prints, rounded
 * to the fraction digits it shows (pages print 32.667 for 32.666666666666664).
 */
function sameDynamicText(actual: unknown, expected: DynamicText): boolean {
  const text = typeof actual === 'string' ? actual : JSON.stringify(actual);
  const got = text.match(TOKEN) ?? [];
  const want = expected.text.match(TOKEN) ?? [];
  if (got.length !== want.length) return false;
  return want.every((w, i) => {
    const g = got[i];
    if (!/^-?\d/.test(w)) return w === g;
    if (!/^-?\d/.test(g) || /[.eE]/.test(w) !== /[.eE]/.test(g)) return false;
    const digits = /\.(\d+)/.exec(w)?.[1].length ?? 0;
    return Number(g).toFixed(digits) === Number(w).toFixed(digits) || sameValue(Number(g), Number(w));
  });
}

export function sameValue(actual: unknown, expected: unknown): boolean {
  if (expected instanceof DynamicText) return sameDynamicText(actual, expected);
  // A dynamic value holding a whole real comes as its JSON text; against a parsed printed value it
  // is compared as the value it is.
  if (typeof actual === 'string' && expected !== null && typeof expected === 'object' && /^[[{]/.test(actual))
    try {
      return sameValue(JSON.parse(actual), expected);
    } catch {
      return false;
    }
  if (expected === null || actual === null)
    return expected === actual || (expected === null && actual === undefined);
  if (typeof expected === 'number' && typeof actual === 'number') {
    if (Number.isNaN(expected)) return Number.isNaN(actual);
    if (expected === actual) return true;
    return Math.abs(expected - actual) <= 1e-9 * Math.max(1, Math.abs(expected));
  }
  if (typeof expected === 'bigint' || typeof actual === 'bigint') return String(expected) === String(actual);
  if (typeof expected === 'string' && typeof actual === 'string') {
    if (expected === actual) return true;
    if (ISO.test(expected) && ISO.test(actual))
      return normaliseDatetime(expected) === normaliseDatetime(actual);
    return false;
  }
  if (typeof expected === 'object' && typeof actual === 'object') {
    if (Array.isArray(expected) !== Array.isArray(actual)) return false;
    const ek = Object.keys(expected as object);
    const ak = Object.keys(actual as object);
    if (ek.length !== ak.length) return false;
    return ek.every((k) =>
      sameValue((actual as Record<string, unknown>)[k], (expected as Record<string, unknown>)[k]),
    );
  }
  return actual === expected;
}

export function sameRows(actual: readonly unknown[][], expected: readonly unknown[][]): boolean {
  if (actual.length !== expected.length) return false;
  return expected.every(
    (row, i) => row.length === actual[i].length && row.every((v, j) => sameValue(actual[i][j], v)),
  );
}
