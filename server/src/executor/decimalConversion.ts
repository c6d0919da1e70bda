import { UnsupportedError } from './errors';
import { ExactDecimal, parseDecimalText } from './exactDecimal';
import type { Evaluator } from './evaluator';
import type { KqlType } from './values';

/**
 * Conversions to and from the executor's exact decimals (exactDecimal.ts).
 *
 * todecimal() (todecimal-function.md) of text, a long, an int, a decimal or a dynamic number or
 * text gives the exact decimal, keeping the scale the text writes; text that is no number gives
 * null, as the page says. A real converts only where no rounding comes in (ExactDecimal.fromReal);
 * the page does not say how Kusto rounds the others, so they are refused by name.
 */
export function toDecimal(v: unknown, type: KqlType): ExactDecimal | null {
  if (v === null || v === undefined) return null;
  if (v instanceof ExactDecimal) return v;
  switch (type) {
    case 'decimal':
      // A number in a decimal slot (a default of column_ifexists) is the decimal it stands for.
      return asDecimalResult(v) as ExactDecimal;
    case 'int':
    case 'long':
      if (typeof v === 'bigint' || typeof v === 'number') return wholeDecimal(v, type);
      break;
    case 'string':
      return decimalFromText(v as string);
    case 'real':
      if (typeof v === 'number') return ExactDecimal.fromReal(v, 'todecimal()');
      break;
    case 'dynamic':
      if (typeof v === 'bigint' || (typeof v === 'number' && Number.isSafeInteger(v)))
        return wholeDecimal(v, 'dynamic');
      if (typeof v === 'number') return ExactDecimal.fromReal(v, 'todecimal()');
      if (typeof v === 'string') return decimalFromText(v);
      if (v === null || typeof v === 'object' || typeof v === 'boolean') return null;
      break;
  }
  // A bool, a datetime or a timespan has no documented decimal form.
  throw new UnsupportedError(`todecimal() of a ${type === 'dynamic' ? 'dynamic real' : type} value`);
}

/** A long, or a dynamic whole number below 2^53 (a JSON long), as a decimal of scale 0. */
function wholeDecimal(v: number | bigint, type: string): ExactDecimal {
  if (typeof v === 'bigint' || Number.isSafeInteger(v)) return ExactDecimal.whole(v, 'todecimal()');
  throw new UnsupportedError(
    `todecimal() of the ${type === 'dynamic' ? 'dynamic real' : type} ${v}`,
    'the pages do not say how a real converts to a decimal',
  );
}

const NUMBER_LIKE = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * Text as a decimal: plain digits with an optional fraction are exact. Text that is no number at
 * all converts to null, as the page says; number text in other forms (a sign, spaces, an
 * exponent, a bare point) has no documented reading, so it is refused rather than guessed.
 */
export function decimalFromText(text: string): ExactDecimal | null {
  if (PLAIN_NUMBER.test(text)) return parseDecimalText(text, 'todecimal()');
  if (!NUMBER_LIKE.test(text)) return null;
  throw new UnsupportedError(
    `todecimal() of '${text.length > 40 ? `${text.slice(0, 40)}…` : text}'`,
    'number text in a form whose decimal reading the pages do not give',
  );
}

/**
 * A decimal converted by tolong(), toint(), todouble() or toreal(): the whole part for the
 * integers (toint-function.md truncates), the nearest double for a real where that is certain.
 * A whole part beyond the target's range is refused by name rather than wrapped.
 */
export function fromDecimal(d: ExactDecimal, target: KqlType, name: string): number | bigint {
  if (target === 'real') return d.toNumber(`${name}()`);
  const whole = d.truncated();
  const [min, max] = target === 'int' ? [-(2n ** 31n), 2n ** 31n - 1n] : [-(2n ** 63n), 2n ** 63n - 1n];
  if (whole < min || whole > max)
    throw new UnsupportedError(
      `${name}() of the decimal ${d.toString()}`,
      `it is beyond the range of ${target}`,
    );
  return whole >= BigInt(Number.MIN_SAFE_INTEGER) && whole <= BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(whole)
    : whole;
}

/**
 * A decimal as a function or aggregate written for reals receives it: its nearest double where
 * that is certain (exactDecimal.ts), else a refusal that names the function.
 */
export function decimalAsReal(v: unknown, name: string): unknown {
  return v instanceof ExactDecimal ? v.toNumber(`${name}()`) : v;
}

/**
 * The functions that take a decimal argument as it is: conversions, the selecting functions,
 * null tests, and those that write the value as text or into a dynamic value (values.ts).
 */
const DECIMAL_AWARE_FUNCTIONS = new Set([
  'todecimal',
  'tostring',
  'strcat',
  'toint',
  'tolong',
  'todouble',
  'toreal',
  'iff',
  'iif',
  'case',
  'coalesce',
  'min_of',
  'max_of',
  'isnull',
  'isnotnull',
  'isempty',
  'isnotempty',
  'notempty',
  'gettype',
  'pack',
  'bag_pack',
  'pack_array',
]);

/** Math functions of reals, which take a decimal as its double (where that is certain). */
const REAL_FUNCTIONS = new Set(
  'sqrt exp exp2 exp10 log log2 log10 cos sin tan acos asin atan cot degrees radians pow atan2 erf erfc gamma loggamma isnan isinf isfinite'.split(
    ' ',
  ),
);

/**
 * How a scalar function receives an argument the binder typed decimal: as it is, as its double,
 * or not at all. Any other function would read the executor's decimal object as something it is
 * not (a hash of it, its bits), so it is refused by name.
 */
export function decimalArgument(name: string, f: Evaluator): Evaluator {
  if (DECIMAL_AWARE_FUNCTIONS.has(name)) return f;
  if (REAL_FUNCTIONS.has(name)) return (r) => decimalAsReal(f(r), name);
  throw new UnsupportedError(
    `the function ${name}() on decimal values`,
    'it has no exact decimal form in the local executor',
  );
}

/**
 * A selecting function's result where the binder typed it decimal: a long chosen among decimals
 * (iff(c, decimal(1.5), 2)) becomes the decimal of that long, so every decimal value is exact.
 */
export function asDecimalResult(v: unknown): unknown {
  if (v === null || v === undefined || v instanceof ExactDecimal) return v ?? null;
  if (typeof v === 'bigint' || (typeof v === 'number' && Number.isSafeInteger(v)))
    return ExactDecimal.whole(v, 'a decimal result');
  if (typeof v === 'number') return ExactDecimal.fromReal(v, 'a decimal result');
  throw new UnsupportedError(`the value ${String(v)} as a decimal`);
}
