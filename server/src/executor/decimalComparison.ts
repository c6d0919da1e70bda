import { UnsupportedError } from './errors';
import type { Evaluator } from './evaluator';
import { ExactDecimal, exactOperand } from './exactDecimal';
import type { KqlType } from './values';

/**
 * Comparisons where one side is a decimal (==, !=, <, <=, >, >=).
 *
 * A decimal against a decimal, an int or a long compares by value exactly: a long converts to a
 * decimal without loss, and 1.50 == 1.5 as SqlDecimal compares them. Against a real the pages do
 * not say which side Kusto converts; the executor answers only where both readings agree: the real
 * converts to a decimal with no rounding (ExactDecimal.fromReal) and the decimal's double falls on
 * the same side of the real as the decimal does. Strings and dynamic values are refused by name.
 */
export function compileDecimalComparison(
  kind: string,
  lt: KqlType,
  rt: KqlType,
  left: Evaluator,
  right: Evaluator,
): Evaluator {
  const other = lt === 'decimal' ? rt : lt;
  let order: (a: unknown, b: unknown) => number;
  if (other === 'decimal' || other === 'int' || other === 'long') {
    order = (a, b) => exactOperand(a, 'comparing decimals').compare(exactOperand(b, 'comparing decimals'));
  } else if (other === 'real') {
    order =
      lt === 'decimal'
        ? (a, b) => againstReal(a as ExactDecimal, b)
        : (a, b) => -againstReal(b as ExactDecimal, a);
  } else {
    throw new UnsupportedError(`comparing a decimal with a ${other}`, 'the pages do not give the conversion');
  }
  const test = TESTS[kind];
  if (!test) throw new UnsupportedError(`the comparison ${kind} of decimals`);
  return (r) => {
    const a = left(r);
    const b = right(r);
    // logical-operators.md: == with a null is false, != is true when exactly one side is null,
    // and every ordering comparison with a null is false.
    if (a === null || a === undefined || b === null || b === undefined)
      return kind === 'NotEqualExpression'
        ? (a === null || a === undefined) !== (b === null || b === undefined)
        : false;
    return test(order(a, b));
  };
}

const TESTS: Record<string, (c: number) => boolean> = {
  EqualExpression: (c) => c === 0,
  NotEqualExpression: (c) => c !== 0,
  LessThanExpression: (c) => c < 0,
  LessThanOrEqualExpression: (c) => c <= 0,
  GreaterThanExpression: (c) => c > 0,
  GreaterThanOrEqualExpression: (c) => c >= 0,
};

function againstReal(d: ExactDecimal, real: unknown): number {
  const r = real as number;
  const exact = d.compare(ExactDecimal.fromReal(r, 'comparing a decimal with a real'));
  const double = Number(d.toString());
  // A decimal of more than 15 digits converts to a double whose last bit the pages leave open,
  // so its side of the real counts only when it is far from the real.
  const certain =
    (d.units <= 2n ** 53n && d.units >= -(2n ** 53n) && d.scale <= 22) ||
    Math.abs(double - r) > 1 + Math.abs(r) * 1e-12;
  if (certain && Math.sign(double - r) === exact) return exact;
  throw new UnsupportedError(
    `comparing the decimal ${d.toString()} with the real ${r}`,
    'the answer depends on which side Kusto converts',
  );
}
