import { UnsupportedError } from './errors';
import type { Evaluator } from './evaluator';
import { compareWithReal, exactOperand, type ExactDecimal } from './exactDecimal';
import type { KqlType } from './values';

/**
 * Comparisons where one side is a decimal (==, !=, <, <=, >, >=).
 *
 * A decimal against a decimal, an int or a long compares by value exactly: a long converts to a
 * decimal without loss, and 1.50 == 1.5 as SqlDecimal compares them. Against a real the pages do
 * not say which side Kusto converts; the executor answers only where both readings agree
 * (compareWithReal in exactDecimal.ts). Strings and dynamic values are refused by name.
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
        ? (a, b) => compareWithReal(a as ExactDecimal, b as number)
        : (a, b) => -compareWithReal(b as ExactDecimal, a as number);
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
