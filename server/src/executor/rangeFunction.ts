import { UnsupportedError } from './errors';
import type { FunctionCall, ScalarFunction } from './scalarFunctions';
import { toDynamic, type KqlType } from './values';

/**
 * range(start, stop [, step]): a dynamic array from start up to and including stop, by step
 * (1 for numbers, 1h for datetimes and timespans), cut at 2^20 elements (range-function.md).
 * The page shows only rising series, so a step that is zero or negative is refused by name.
 */

const MAX_ELEMENTS = 1 << 20;
const HOUR_TICKS = 36_000_000_000n;

function range(c: FunctionCall): unknown[] | null {
  const [start, stop] = c.args;
  const step = c.args.length > 2 ? c.args[2] : undefined;
  if (start === null || stop === null || step === null) return null;
  const type: KqlType = c.argTypes[0];
  const out: unknown[] = [];
  if (typeof start === 'bigint') {
    const by = step === undefined ? HOUR_TICKS : step;
    if (typeof stop !== 'bigint' || typeof by !== 'bigint') return null;
    if (by <= 0n) throw new UnsupportedError('range() with a step that is not positive');
    for (let v = start; v <= stop && out.length < MAX_ELEMENTS; v += by) out.push(toDynamic(v, type));
    return out;
  }
  const by = step === undefined ? 1 : step;
  if (typeof start !== 'number' || typeof stop !== 'number' || typeof by !== 'number') return null;
  if (!(by > 0)) throw new UnsupportedError('range() with a step that is not positive');
  // Each element from its index, so a real step does not gather rounding error along the series.
  // A real series keeps its whole elements reals (wholeReals.ts).
  const element = type === 'real' ? (v: number) => toDynamic(v, 'real') : (v: number) => v;
  for (let i = 0; start + i * by <= stop && out.length < MAX_ELEMENTS; i++) out.push(element(start + i * by));
  return out;
}

export const RANGE_FUNCTIONS: Record<string, ScalarFunction> = { range };
