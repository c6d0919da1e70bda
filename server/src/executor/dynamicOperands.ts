import { UnsupportedError } from './errors';
import type { Evaluator } from './evaluator';
import { fromExternal, isIntegerType, type KqlType } from './values';

/**
 * Dynamic values used uncast beside a typed operand (`d > 1`, `d * 2`). dynamic.md says a value
 * taken from a dynamic one must be cast before use; the binder still accepts these and types
 * them as if the dynamic value had the other operand's type. Where the value converts to that
 * type without loss, every reading gives the same answer. Where it would lose a fraction (1.25
 * against a long), the reference does not say whether Kusto compares or computes as a real or
 * truncates first, so that is refused by name rather than answered one way.
 */

/** The fraction a dynamic value would lose as an integer, if it holds a non-whole number or numeric text. */
function losesFraction(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) && !Number.isInteger(n) ? n : undefined;
}

const article = (type: KqlType): string => `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`;

function refuseLossy(value: number, use: string): never {
  throw new UnsupportedError(
    `a dynamic value holding ${value}, uncast, ${use}`,
    "Kusto's reference says such a value must be cast first and does not say whether it is read as a real or truncated; cast it (todouble(), tolong())",
  );
}

/** A dynamic operand compared with one of type `type`: converted to that type, refused where that loses a fraction. */
export function dynamicComparedWith(f: Evaluator, type: KqlType): Evaluator {
  if (!isIntegerType(type)) return (r) => fromExternal(f(r), type);
  return (r) => {
    const v = f(r);
    const lost = losesFraction(v);
    if (lost !== undefined) refuseLossy(lost, `compared with ${article(type)}`);
    return fromExternal(v, type);
  };
}

/**
 * A dynamic operand of arithmetic whose result the binder types `result`: read as a real (the
 * other numbers of a dynamic value are doubles here), refused where an integer result would
 * have to drop a fraction. A long beyond 2^53 is refused as arithmetic on doubles would round it.
 */
export function dynamicArithmeticOperand(f: Evaluator, result: KqlType): Evaluator {
  const integral = isIntegerType(result);
  return (r) => {
    const v = f(r);
    if (typeof v === 'bigint')
      throw new UnsupportedError(
        `arithmetic on a dynamic value holding the long ${v}`,
        'the local executor does arithmetic on dynamic values as doubles',
      );
    if (integral) {
      const lost = losesFraction(v);
      if (lost !== undefined) refuseLossy(lost, `in arithmetic whose result is ${article(result)}`);
    }
    return typeof v === 'number' ? v : fromExternal(v, 'real');
  };
}

/**
 * A dynamic operand of `in` or `between` beside integer values (`d in (1, 2)`, `d between (1 .. 2)`):
 * the same question as a comparison, so a value holding a fraction is refused where an integer
 * stands beside it. The evaluator checks each value it reads.
 */
export function fractionGuard(others: KqlType[], use: string): (v: unknown) => void {
  const integer = others.find(isIntegerType);
  if (integer === undefined) return () => undefined;
  return (v) => {
    const lost = losesFraction(v);
    if (lost !== undefined) refuseLossy(lost, `${use} ${article(integer)}`);
  };
}
