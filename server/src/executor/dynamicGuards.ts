import { holdsBigint } from './dynamicJson';
import { aggregateReads, functionReads } from './dynamicReadings';
import { UnsupportedError } from './errors';
import { holdsWholeReal, plainNumbers, wholeRealOf, wholeRealRefusal } from './wholeReals';
import type { Evaluator } from './evaluator';

/**
 * The guards on dynamic arguments: a whole real or a long beyond 2^53 inside a dynamic value
 * reaches a function or aggregate only as dynamicReadings.ts says it was checked to read it,
 * and is refused by name anywhere else.
 */

/**
 * The functions that put a long argument into a dynamic value, by the positions of those
 * arguments: they take a long beyond 2^53 as it is (their other long arguments, counts and
 * indexes, are still read as numbers).
 */
export const DYNAMIC_LONG_ARGUMENTS: Record<string, (i: number) => boolean> = {
  pack_array: () => true,
  pack: () => true,
  bag_pack: () => true,
  pack_dictionary: () => true,
  array_index_of: (i) => i === 1,
  set_has_element: (i) => i === 1,
  array_iff: (i) => i > 0,
  array_iif: (i) => i > 0,
  bag_set_key: (i) => i === 2,
};

const holdsBigLong = (v: unknown): boolean =>
  v !== null && typeof v === 'object' ? holdsBigint(v) : typeof v === 'bigint';

/** A dynamic argument of function `name`, with whole reals and big longs passed, made plain, or refused. */
export function guardDynamicArgument(name: string, argument: Evaluator): Evaluator {
  const f = guardWholeReals(name, argument);
  if (functionReads(name, 'l')) return f;
  return (r) => {
    const v = f(r);
    if (holdsBigLong(v))
      throw new UnsupportedError(
        `${name}() of a dynamic value holding a long beyond 2^53`,
        'this function reads the numbers of a dynamic value as doubles',
      );
    return v;
  };
}

function guardWholeReals(name: string, f: Evaluator): Evaluator {
  if (functionReads(name, 'r')) return f;
  if (name.startsWith('series_')) return (r) => plainNumbers(f(r));
  const numberReader = functionReads(name, 'n');
  return (r) => {
    const v = f(r);
    if (v === null || typeof v !== 'object') return v;
    const whole = wholeRealOf(v);
    if (whole !== undefined && numberReader) return whole;
    if (whole !== undefined || holdsWholeReal(v))
      throw wholeRealRefusal(whole, `as an argument of ${name}()`);
    return v;
  };
}

/** A dynamic argument of aggregate `name`, as guardDynamicArgument is for a function. */
export function guardDynamicAggregateArgument(name: string, argument: Evaluator): Evaluator {
  const f = guardWholeRealAggregate(name, argument);
  if (aggregateReads(name, 'l')) return f;
  return (r) => {
    const v = f(r);
    if (holdsBigLong(v))
      throw new UnsupportedError(
        `${name}() of a dynamic value holding a long beyond 2^53`,
        'this aggregate reads the numbers of a dynamic value as doubles',
      );
    return v;
  };
}

/**
 * A whole real alone is its number for the aggregates that read numbers (sum, avg); one inside
 * an array or bag is refused by those not listed.
 */
function guardWholeRealAggregate(name: string, f: Evaluator): Evaluator {
  if (aggregateReads(name, 'r')) return f;
  return (r) => {
    const v = f(r);
    if (v === null || typeof v !== 'object') return v;
    const whole = wholeRealOf(v);
    if (whole !== undefined) {
      // Whether make_set and dcount take a dynamic 2.0 and 2 as one value, the pages do not say.
      if (/^(make_?set|dcount|count_distinct)/.test(name)) throw wholeRealRefusal(whole, `in ${name}()`);
      return whole;
    }
    if (holdsWholeReal(v)) throw wholeRealRefusal(undefined, `inside an argument of ${name}()`);
    return v;
  };
}
