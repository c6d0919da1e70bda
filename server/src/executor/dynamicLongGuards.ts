import { holdsBigint } from './dynamicJson';
import { UnsupportedError } from './errors';
import { EXACT_LONG_READERS } from './passThroughFunctions';
import { guardWholeReals, guardWholeRealAggregate } from './wholeRealGuards';
import type { Evaluator } from './evaluator';

/**
 * Which functions read a dynamic value holding a long beyond 2^53 (a bigint, exactJson.ts)
 * exactly. Those listed here were checked to compare, copy, convert or write such a long as the
 * long it is; every other function reads a dynamic value's numbers as doubles, so it refuses a
 * dynamic argument holding one by name rather than round it or fail on it.
 */
const DYNAMIC_LONG_FUNCTIONS = new Set<string>([
  ...EXACT_LONG_READERS,
  'tobool',
  'toboolean',
  'todynamic',
  'parse_json',
  'toobject',
  'array_length',
  'arraylength',
  'array_concat',
  'array_slice',
  'array_reverse',
  'array_index_of',
  'array_sort_asc',
  'array_sort_desc',
  'array_iff',
  'array_iif',
  'array_rotate_left',
  'array_rotate_right',
  'array_shift_left',
  'array_shift_right',
  'array_split',
  'array_strcat',
  'strcat_array',
  // Refuses an array holding a long beyond 2^53 for its own reason (dynamicFunctions.ts).
  'array_sum',
  'set_union',
  'set_intersect',
  'set_difference',
  'set_has_element',
  'jaccard_index',
  'has_any_index',
  'pack_array',
  'pack',
  'bag_pack',
  'pack_dictionary',
  'bag_keys',
  'bag_has_key',
  'bag_merge',
  'bag_remove_keys',
  'bag_set_key',
  'dynamic_to_json',
  'treepath',
  'zip',
  'extract_json',
  'extractjson',
  'isnan',
  'isinf',
  'isfinite',
]);

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

/** A dynamic argument of a function that reads its numbers as doubles, refusing a long beyond 2^53 in it. */
export function guardDynamicLongs(name: string, argument: Evaluator): Evaluator {
  const f = guardWholeReals(name, argument);
  if (DYNAMIC_LONG_FUNCTIONS.has(name)) return f;
  return (r) => {
    const v = f(r);
    if (v !== null && typeof v === 'object' ? holdsBigint(v) : typeof v === 'bigint')
      throw new UnsupportedError(
        `${name}() of a dynamic value holding a long beyond 2^53`,
        'this function reads the numbers of a dynamic value as doubles',
      );
    return v;
  };
}

/** The aggregates that take a dynamic value holding a long beyond 2^53 as it is. */
const DYNAMIC_LONG_AGGREGATES = new Set([
  'count',
  'countif',
  'dcount',
  'dcountif',
  'count_distinct',
  'count_distinctif',
  'min',
  'max',
  'minif',
  'maxif',
  'take_any',
  'take_anyif',
  'any',
  'make_set',
  'make_set_if',
  'make_list',
  'make_list_if',
  'make_list_with_nulls',
  'make_bag',
  'make_bag_if',
  'makeset',
  'makelist',
]);

/** A dynamic argument of an aggregate that reads its numbers as doubles, refusing a long beyond 2^53 in it. */
export function guardDynamicLongAggregate(name: string, argument: Evaluator): Evaluator {
  const f = guardWholeRealAggregate(name, argument);
  if (DYNAMIC_LONG_AGGREGATES.has(name)) return f;
  return (r) => {
    const v = f(r);
    if (v !== null && typeof v === 'object' ? holdsBigint(v) : typeof v === 'bigint')
      throw new UnsupportedError(
        `${name}() of a dynamic value holding a long beyond 2^53`,
        'this aggregate reads the numbers of a dynamic value as doubles',
      );
    return v;
  };
}
