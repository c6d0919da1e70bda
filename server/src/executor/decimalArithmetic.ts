import { UnsupportedError } from './errors';
import { aligned, ExactDecimal, exactOperand } from './exactDecimal';

/**
 * Exact decimal arithmetic (scalar-data-types/decimal.md) on the executor's exact decimals
 * (exactDecimal.ts). Adding, subtracting and multiplying are done on the whole number and the
 * scale, as SqlDecimal does: a sum keeps the larger scale, a product the sum of the scales, and
 * nothing is rounded. SqlDecimal lowers the scale of a result (rounding it) when the result's
 * declared precision would pass 38 digits; such a result is refused by name rather than rounded
 * by a rule the pages do not give. Division and remainder are refused: the scale of a quotient
 * is not given by the pages.
 */

const MAX_PRECISION = 38;

function refuse(what: string, a: ExactDecimal, b: ExactDecimal): never {
  throw new UnsupportedError(
    `${what} of ${a.toString()} and ${b.toString()}`,
    'the result passes the 38 digits of Kusto’s 128-bit decimal, whose rounding the pages do not give',
  );
}

/** a + b, or a - b: the larger scale, refused when SqlDecimal would have to round. */
function addExact(a: ExactDecimal, b: ExactDecimal, sign: 1n | -1n, what: string): ExactDecimal {
  const integer = Math.max(a.precision - a.scale, b.precision - b.scale) + 1;
  if (integer + Math.max(a.scale, b.scale) > MAX_PRECISION) refuse(what, a, b);
  const [x, y, scale] = aligned(a, b);
  return ExactDecimal.of(x + sign * y, scale, what);
}

function multiplyExact(a: ExactDecimal, b: ExactDecimal, what: string): ExactDecimal {
  if (a.precision + b.precision + 1 > MAX_PRECISION) refuse(what, a, b);
  return ExactDecimal.of(a.units * b.units, a.scale + b.scale, what);
}

export type DecimalOperator = (a: unknown, b: unknown) => ExactDecimal;

const add =
  (sign: 1n | -1n, what: string): DecimalOperator =>
  (a, b) =>
    addExact(exactOperand(a, what), exactOperand(b, what), sign, what);

/** The decimal operators the executor runs exactly, by the binder's expression kind. */
export const DECIMAL_OPERATORS: Record<string, DecimalOperator> = {
  AddExpression: add(1n, "decimal '+'"),
  SubtractExpression: add(-1n, "decimal '-'"),
  MultiplyExpression: (a, b) =>
    multiplyExact(exactOperand(a, "decimal '*'"), exactOperand(b, "decimal '*'"), "decimal '*'"),
};

/** -d: the same digits and scale with the other sign. */
export function negateDecimal(v: unknown): ExactDecimal | null {
  if (v === null || v === undefined) return null;
  const d = exactOperand(v, "decimal '-'");
  return ExactDecimal.of(-d.units, d.scale, "decimal '-'");
}

/** sum() of decimals, added exactly, one addition after another as the values come. */
export class DecimalSum {
  private total: ExactDecimal | null = null;
  add(v: unknown): void {
    const e = exactOperand(v, 'sum() of decimals');
    this.total = this.total === null ? e : addExact(this.total, e, 1n, 'sum() of decimals');
  }
  result(): ExactDecimal | null {
    return this.total;
  }
}
