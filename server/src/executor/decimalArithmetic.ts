import { UnsupportedError } from './errors';

/**
 * Exact decimal arithmetic (scalar-data-types/decimal.md) on the executor's decimals. A decimal is
 * held as a double whose shortest text is the decimal's own text, digits and scale
 * (decimalConversion.ts), so that text is the exact decimal. Adding, subtracting and multiplying
 * are done on it as a whole number and a scale, as .NET's decimal does: a sum keeps the larger
 * scale, a product the sum of the scales, and nothing is rounded. The result is held again only
 * when it passes the same round trip (at most 15–17 significant digits, no trailing zero in its
 * scale that a double would drop); otherwise it is refused by name, not rounded. Division and
 * remainder are refused: the scale of a quotient differs between .NET's decimal and SqlDecimal,
 * and the pages do not say which Kusto follows.
 */

interface Exact {
  /** The value times 10^scale. */
  units: bigint;
  scale: number;
}

const DECIMAL_TEXT = /^(-?)(\d+)(?:\.(\d+))?$/;

/** The exact decimal a held value stands for: a decimal's double, or a long (number or bigint). */
function exactOf(v: number | bigint, what: string): Exact {
  if (typeof v === 'bigint') return { units: v, scale: 0 };
  const m = DECIMAL_TEXT.exec(String(v));
  if (!m) throw new UnsupportedError(`${what} of ${v}`, 'a decimal with an exponent in its text');
  const fraction = m[3] ?? '';
  const units = BigInt(`${m[2]}${fraction}`);
  return { units: m[1] ? -units : units, scale: fraction.length };
}

function textOf({ units, scale }: Exact): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const text = scale
    ? `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`
    : digits;
  return negative ? `-${text}` : text;
}

/** The held form of an exact result, or a refusal when a double cannot hold its digits and scale. */
function held(result: Exact, what: string): number {
  const text = textOf(result);
  const n = Number(text);
  // -0 prints as 0, and so does a zero decimal (.NET keeps its scale, 0.0, which is refused).
  if (String(n) === text || (text === '0' && n === 0)) return n === 0 ? 0 : n;
  throw new UnsupportedError(
    `${what} giving ${text}`,
    'a decimal the local executor cannot hold with its exact digits and scale',
  );
}

function align(a: Exact, b: Exact): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [a.units * 10n ** BigInt(scale - a.scale), b.units * 10n ** BigInt(scale - b.scale), scale];
}

export type DecimalOperator = (a: number | bigint, b: number | bigint) => number;

const add =
  (sign: 1n | -1n, what: string): DecimalOperator =>
  (a, b) => {
    const [x, y, scale] = align(exactOf(a, what), exactOf(b, what));
    return held({ units: x + sign * y, scale }, what);
  };

/** The decimal operators the executor runs exactly, by the binder's expression kind. */
export const DECIMAL_OPERATORS: Record<string, DecimalOperator> = {
  AddExpression: add(1n, "decimal '+'"),
  SubtractExpression: add(-1n, "decimal '-'"),
  MultiplyExpression: (a, b) => {
    const x = exactOf(a, "decimal '*'");
    const y = exactOf(b, "decimal '*'");
    return held({ units: x.units * y.units, scale: x.scale + y.scale }, "decimal '*'");
  },
};

/** sum() of decimals, added exactly; the total is held when it passes the round trip. */
export class DecimalSum {
  private total: Exact | null = null;
  add(v: number | bigint): void {
    const e = exactOf(v, 'sum() of decimals');
    if (this.total === null) this.total = e;
    else {
      const [x, y, scale] = align(this.total, e);
      this.total = { units: x + y, scale };
    }
  }
  result(): number | null {
    return this.total === null ? null : held(this.total, 'sum() of decimals');
  }
}
