import { UnsupportedError } from './errors';

/**
 * Kusto's decimal, held exactly (scalar-data-types/decimal.md, issue 16).
 *
 * Kusto reports its decimal as System.Data.SqlTypes.SqlDecimal (getschema.ts): a 128-bit value
 * of at most 38 digits, between -(10^38 - 1) and 10^38 - 1, with a scale of 0 to 38 digits after
 * the point (the mirroring policy's decimal(38,18) fits in it). parse_version() needs that range:
 * four parts of eight digits are 32 digits, beyond what a double or .NET's 96-bit decimal holds.
 *
 * Every decimal the executor carries is one of these, never a double: one representation means
 * equal values always compare equal and give one grouping key, with no case where a short decimal
 * held as a double meets a long one held here. The value is `units / 10^scale`; the scale is kept
 * because SqlDecimal keeps it (1.50 has scale 2), while equality, order and keys go by value only.
 * A value beyond 38 digits is refused by name, never rounded.
 */
export class ExactDecimal {
  private constructor(
    /** The value times 10^scale. */
    readonly units: bigint,
    readonly scale: number,
  ) {}

  /** The decimal `units / 10^scale`, or a refusal when SqlDecimal could not hold it. */
  static of(units: bigint, scale: number, what: string): ExactDecimal {
    if (scale < 0) {
      units *= 10n ** BigInt(-scale);
      scale = 0;
    }
    if (scale > MAX_DIGITS || (units < 0n ? -units : units) >= LIMIT)
      throw new UnsupportedError(
        `${what} giving ${textOf(units, scale)}`,
        'a decimal beyond the 38 digits of Kusto’s 128-bit decimal',
      );
    return new ExactDecimal(units, scale);
  }

  /** A whole number (a long, a version) as a decimal of scale 0. */
  static whole(n: number | bigint, what: string): ExactDecimal {
    return ExactDecimal.of(typeof n === 'bigint' ? n : BigInt(n), 0, what);
  }

  /**
   * A real as a decimal, only where no rounding can come in: the double's exact binary value has
   * at most 17 significant digits (1.5, 2.25, 3), so its exact digits, its 17-digit text and its
   * shortest text are the same number, written with no trailing zeros (the scale is the least
   * that holds it). Other reals (0.1 is 0.1000000000000000055511151231257827…) are refused by
   * name: the pages do not say how Kusto rounds them, and it does round them (a real 2.2 put in a
   * decimal column shows as 2.2000000000000002, microsoft/Kusto-Query-Language issue 172).
   */
  static fromReal(n: number, what: string): ExactDecimal {
    if (!Number.isFinite(n))
      throw new UnsupportedError(`the real ${n} as a decimal (${what})`, 'a decimal has no such value');
    let { units, scale } = exactBinaryValue(n);
    while (scale > 0 && units % 10n === 0n) {
      units /= 10n;
      scale--;
    }
    const digits = (units < 0n ? -units : units).toString().replace(/0+$/, '').length;
    if (digits <= 17) return ExactDecimal.of(units, scale, what);
    throw new UnsupportedError(
      `the real ${n} as a decimal (${what})`,
      'its binary value has more digits than a decimal conversion keeps, and the pages do not say how Kusto rounds it',
    );
  }

  /** The text with all digits of the scale, as SqlDecimal writes it: 1.50, -0.05, 12. */
  toString(): string {
    return textOf(this.units, this.scale);
  }

  /**
   * The text as tostring(), strcat() and a result give it. Whether Kusto writes the trailing zeros
   * of a scale (1.50 or 1.5, 0.0 or 0) is not shown by any page, so such a value is refused by name.
   */
  printed(what: string): string {
    if (this.hasTrailingZeros)
      throw new UnsupportedError(
        `${what} of the decimal ${this.toString()}`,
        'the pages do not show whether a decimal is written with the trailing zeros of its scale',
      );
    return this.toString();
  }

  /** A result table or JSON carries the exact text, never a rounded double. */
  toJSON(): string {
    return this.toString();
  }

  /** Whether the scale ends in zeros (1.50, 0.0): values whose printed form the pages leave open. */
  get hasTrailingZeros(): boolean {
    return this.scale > 0 && this.units % 10n === 0n;
  }

  /**
   * A grouping key equal exactly when the values are equal: the number itself where a long or a
   * double holds the value exactly (so a decimal 2 meets a long 2 in `in` and join), else the
   * value's text without trailing zeros, which no number key can equal.
   */
  get key(): number | bigint | string {
    let { units, scale } = this;
    while (scale > 0 && units % 10n === 0n) {
      units /= 10n;
      scale--;
    }
    if (scale === 0) return units >= -SAFE_UNITS && units <= SAFE_UNITS ? Number(units) : units;
    // u / 10^s is a double exactly when 5^s divides u and the quotient fits 53 bits.
    const five = 5n ** BigInt(scale);
    const odd = units / five;
    if (units % five === 0n && odd >= -SAFE_UNITS && odd <= SAFE_UNITS) return Number(odd) / 2 ** scale;
    return `\u0003${textOf(units, scale)}`;
  }

  /** SqlDecimal's precision: its digits, and at least its scale. */
  get precision(): number {
    const digits = (this.units < 0n ? -this.units : this.units).toString().length;
    return Math.max(digits, this.scale, 1);
  }

  compare(other: ExactDecimal): number {
    const [a, b] = aligned(this, other);
    return a < b ? -1 : a > b ? 1 : 0;
  }

  /** Compares with a whole number exactly. */
  compareWhole(n: bigint): number {
    const b = n * 10n ** BigInt(this.scale);
    return this.units < b ? -1 : this.units > b ? 1 : 0;
  }

  /**
   * The nearest double, where that is certain: a value of at most 2^53 units and a scale of at
   * most 22 is one correctly rounded division of two exact doubles, which any conversion gives.
   * A longer value's double depends on how SqlDecimal converts, which the pages do not say.
   */
  toNumber(what: string): number {
    const abs = this.units < 0n ? -this.units : this.units;
    if (abs <= SAFE_UNITS && this.scale <= 22) return Number(this.units) / 10 ** this.scale;
    throw new UnsupportedError(
      `${what} of the decimal ${this.toString()}`,
      'the pages do not say how a decimal of more than 15 digits converts to a real',
    );
  }

  /** The whole part, truncated toward zero (toint-function.md: the integer portion). */
  truncated(): bigint {
    return this.units / 10n ** BigInt(this.scale);
  }
}

const MAX_DIGITS = 38;
const LIMIT = 10n ** 38n;
const SAFE_UNITS = BigInt(Number.MAX_SAFE_INTEGER);

/** A finite double's exact value as units and a scale: every double is m·2^e, m·5^-e/10^-e below 1. */
function exactBinaryValue(n: number): { units: bigint; scale: number } {
  if (Number.isInteger(n)) return { units: BigInt(n), scale: 0 };
  let m = n;
  let e = 0;
  while (!Number.isInteger(m)) {
    m *= 2;
    e++;
  }
  return { units: BigInt(m) * 5n ** BigInt(e), scale: e };
}

function textOf(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const text = scale
    ? `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`
    : digits;
  return negative ? `-${text}` : text;
}

/** The two values' units at their common (larger) scale. */
export function aligned(a: ExactDecimal, b: ExactDecimal): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [a.units * 10n ** BigInt(scale - a.scale), b.units * 10n ** BigInt(scale - b.scale), scale];
}

const PLAIN_DECIMAL = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([-+]?\d+))?$/;

/**
 * Plain decimal text (digits, an optional point and fraction, an optional exponent) as its exact
 * decimal; null when the text is not of that form. The scale is the fraction's digits less the
 * exponent, so 1.50 keeps scale 2 and 1e5 is the whole number 100000.
 */
export function parseDecimalText(text: string, what: string): ExactDecimal | null {
  const m = PLAIN_DECIMAL.exec(text);
  if (!m) return null;
  const fraction = m[3] ?? '';
  const exponent = m[4] === undefined ? 0 : Number(m[4]);
  if (!Number.isSafeInteger(exponent) || Math.abs(exponent) > 100)
    throw new UnsupportedError(
      `${what} of '${text}'`,
      'a decimal beyond the 38 digits of Kusto’s 128-bit decimal',
    );
  const digits = BigInt(`${m[2]}${fraction}`);
  // SqlDecimal has no negative zero; whether Kusto keeps the sign of "-0" is not documented.
  if (m[1] && digits === 0n) throw new UnsupportedError(`${what} of '${text}'`, 'a negative zero');
  return ExactDecimal.of(m[1] ? -digits : digits, fraction.length - exponent, what);
}

/**
 * A decimal, a long (a JS number or a bigint) or a real as an exact decimal, for arithmetic and
 * comparison; a real only where no rounding comes in (ExactDecimal.fromReal).
 */
export function exactOperand(v: unknown, what: string): ExactDecimal {
  if (v instanceof ExactDecimal) return v;
  if (typeof v === 'bigint' || (typeof v === 'number' && Number.isSafeInteger(v)))
    return ExactDecimal.whole(v, what);
  if (typeof v === 'number') return ExactDecimal.fromReal(v, what);
  throw new UnsupportedError(`${what} of ${String(v)}`, 'the operand is not a decimal or a long');
}

/**
 * A decimal against a real, where the answer does not hang on which side Kusto converts (the
 * pages do not say): the two are far apart (beyond any rounding of either conversion), or the
 * real converts to a decimal with no rounding (ExactDecimal.fromReal) and the decimal's double,
 * certain for up to 2^53 units, falls on the same side of it as the decimal does.
 */
export function compareWithReal(d: ExactDecimal, r: number): number {
  const refuse = (): never => {
    throw new UnsupportedError(
      `comparing the decimal ${d.toString()} with the real ${r}`,
      'the answer depends on which side Kusto converts',
    );
  };
  if (!Number.isFinite(r)) refuse();
  const double = Number(d.toString());
  if (double !== r && Math.abs(double - r) > Math.abs(r) * 1e-14) return Math.sign(double - r);
  const exact = d.compare(ExactDecimal.fromReal(r, 'comparing a decimal with a real'));
  const short = d.units <= SAFE_UNITS && d.units >= -SAFE_UNITS && d.scale <= 22;
  return short && Math.sign(double - r) === exact ? exact : refuse();
}
