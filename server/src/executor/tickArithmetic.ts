import { inRange, ticksOfNumber } from './ticks';
import type { KqlType } from './values';

/**
 * Arithmetic where an operand is a datetime or a timespan (bigint ticks). Kusto's rules
 * (datetime-timespan-arithmetic.md): datetime - datetime is a timespan; datetime ± timespan is a
 * datetime; timespans add, subtract, take a remainder, and scale by a number; timespan / timespan
 * is a real. A datetime outside Kusto's range is null.
 */

type Op = (a: unknown, b: unknown) => unknown;

const isTemporal = (t: KqlType) => t === 'datetime' || t === 'timespan';

/** .NET rounds a scaled TimeSpan's ticks to the nearest, ties to even (TimeSpan operator * and /). */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

function scale(ticks: bigint, factor: number, integral: boolean): bigint | null {
  if (integral) return ticks * BigInt(factor);
  return ticksOfNumber(roundHalfEven(Number(ticks) * factor));
}

/** The operator for these operand types, or undefined when neither operand is a datetime or timespan. */
export function tickOperator(kind: string, lt: KqlType, rt: KqlType, result: KqlType): Op | undefined {
  if (!isTemporal(lt) && !isTemporal(rt)) return undefined;
  const toResult = (t: bigint | null) => (t === null ? null : result === 'datetime' ? inRange(t) : t);
  const big = (v: unknown) => (typeof v === 'bigint' ? v : null);
  switch (kind) {
    case 'AddExpression':
      return (a, b) => (big(a) === null || big(b) === null ? null : toResult(big(a)! + big(b)!));
    case 'SubtractExpression':
      return (a, b) => (big(a) === null || big(b) === null ? null : toResult(big(a)! - big(b)!));
    case 'MultiplyExpression': {
      // One side is the timespan, the other a number.
      const spanLeft = isTemporal(lt);
      const integral = (spanLeft ? rt : lt) === 'int' || (spanLeft ? rt : lt) === 'long';
      return (a, b) => {
        const span = big(spanLeft ? a : b);
        const factor = spanLeft ? b : a;
        return span === null || typeof factor !== 'number' ? null : scale(span, factor, integral);
      };
    }
    case 'DivideExpression':
      if (isTemporal(rt))
        return (a, b) => (big(a) === null || !big(b) ? null : Number(big(a)!) / Number(big(b)!));
      return (a, b) =>
        big(a) === null || typeof b !== 'number' || b === 0
          ? null
          : ticksOfNumber(roundHalfEven(Number(big(a)!) / b));
    case 'ModuloExpression':
      return (a, b) => (big(a) === null || !big(b) ? null : toResult(big(a)! % big(b)!));
  }
  return undefined;
}
