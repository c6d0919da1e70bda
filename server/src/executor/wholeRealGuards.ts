import { VALUE_CARRIERS } from './passThroughFunctions';
import { holdsWholeReal, plainNumbers, wholeRealOf, wholeRealRefusal } from './wholeReals';
import type { Evaluator } from './evaluator';

/**
 * Which functions and aggregates take a dynamic value holding a whole real (wholeReals.ts). Those
 * listed were checked to pass, copy, convert or write such a real as the real it is. The series
 * functions read a series' elements as doubles, so they get the plain numbers (a series' 2.0 is
 * read as 2). Any other function refuses such an argument by name rather than take the marker
 * for a property bag, or a real for an int.
 */
const WHOLE_REAL_FUNCTIONS = new Set<string>([
  ...VALUE_CARRIERS,
  'gettype',
  // Conversions read a whole real as its number; tostring() of one alone refuses (values.ts).
  'tostring',
  'strcat',
  'tolong',
  'toint',
  'todouble',
  'toreal',
  'todecimal',
  'tobool',
  'toboolean',
  'todynamic',
  'parse_json',
  'toobject',
  'dynamic_to_json',
  'array_length',
  'arraylength',
  'array_concat',
  'array_slice',
  'array_reverse',
  'pack_array',
  'pack',
  'bag_pack',
  'pack_dictionary',
  'bag_keys',
  'series_fill_const',
  'series_fill_forward',
  'series_fill_backward',
  'series_fill_linear',
  // Their elements follow their operands' types, so they read a whole real as a real (seriesElementwise.ts).
  'series_add',
  'series_subtract',
  'series_multiply',
  'series_abs',
  'series_sign',
]);

/** Functions that read a number alone as its value, so a whole real held alone is given as its number. */
const NUMBER_READERS = new Set<string>([
  'abs',
  'bin',
  'floor',
  'ceiling',
  'round',
  'sqrt',
  'exp',
  'exp2',
  'exp10',
  'log',
  'log2',
  'log10',
  'pow',
  'sign',
  'isnan',
  'isinf',
  'isfinite',
]);

/** A dynamic argument of function `name`, with whole reals passed, made plain numbers, or refused. */
export function guardWholeReals(name: string, f: Evaluator): Evaluator {
  if (WHOLE_REAL_FUNCTIONS.has(name)) return f;
  if (name.startsWith('series_')) return (r) => plainNumbers(f(r));
  const numberReader = NUMBER_READERS.has(name);
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

/** The aggregates that keep a whole real as it is (make_list copies it; min/max compare reals by value). */
const WHOLE_REAL_AGGREGATES = new Set([
  'count',
  'countif',
  'min',
  'max',
  'minif',
  'maxif',
  'take_any',
  'take_anyif',
  'any',
  'make_list',
  'make_list_if',
  'make_list_with_nulls',
  'makelist',
  'make_bag',
  'make_bag_if',
]);

/**
 * A dynamic argument of aggregate `name`: a whole real alone is its number for the aggregates
 * that read numbers (sum, avg); one inside an array or bag is refused by those not listed.
 */
export function guardWholeRealAggregate(name: string, f: Evaluator): Evaluator {
  if (WHOLE_REAL_AGGREGATES.has(name)) return f;
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
