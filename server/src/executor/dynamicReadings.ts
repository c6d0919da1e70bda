import { EXACT_LONG_READERS, VALUE_CARRIERS } from './passThroughFunctions';

/**
 * What each function and aggregate was checked to do with the two values of a dynamic value that
 * a plain JS number cannot hold: a whole real (2.0, a marker, wholeReals.ts) and a long beyond
 * 2^53 (a bigint, exactJson.ts). One table, so a function is reviewed for both at once.
 *   r  takes a whole real as it is (passes, copies, converts or writes it as the real it is);
 *   n  reads a whole real held alone as its number (abs, round: the number is all they read);
 *   l  takes a long beyond 2^53 as it is.
 * A function without a letter refuses such a value by name rather than take a marker for a
 * property bag, a real for an int, or round a long (dynamicGuards.ts). The series functions
 * read a series' elements as doubles, so they get whole reals as plain numbers unless listed.
 */
type Letter = 'r' | 'n' | 'l';

const FUNCTIONS: Readonly<Record<string, string>> = {
  gettype: 'r',
  // tostring() of a whole real held alone refuses (values.ts); inside an array it writes 2.0.
  tostring: 'r',
  strcat: 'r',
  tolong: 'r',
  toint: 'r',
  todouble: 'r',
  toreal: 'r',
  todecimal: 'r',
  tobool: 'rl',
  toboolean: 'rl',
  todynamic: 'rl',
  parse_json: 'rl',
  toobject: 'rl',
  dynamic_to_json: 'rl',
  array_length: 'rl',
  arraylength: 'rl',
  array_concat: 'rl',
  array_slice: 'rl',
  array_reverse: 'rl',
  pack_array: 'rl',
  pack: 'rl',
  bag_pack: 'rl',
  pack_dictionary: 'rl',
  bag_keys: 'rl',
  series_fill_const: 'r',
  series_fill_forward: 'r',
  series_fill_backward: 'r',
  series_fill_linear: 'r',
  // Each element follows its operands' types, so a whole real is read as a real (seriesElementwise.ts).
  series_add: 'r',
  series_subtract: 'r',
  series_multiply: 'r',
  series_abs: 'r',
  series_sign: 'r',
  array_index_of: 'l',
  array_sort_asc: 'l',
  array_sort_desc: 'l',
  array_iff: 'l',
  array_iif: 'l',
  array_rotate_left: 'l',
  array_rotate_right: 'l',
  array_shift_left: 'l',
  array_shift_right: 'l',
  array_split: 'l',
  array_strcat: 'l',
  strcat_array: 'l',
  // Refuses an array holding a long beyond 2^53 for its own reason (dynamicFunctions.ts).
  array_sum: 'l',
  set_union: 'l',
  set_intersect: 'l',
  set_difference: 'l',
  set_has_element: 'l',
  jaccard_index: 'l',
  has_any_index: 'l',
  bag_has_key: 'l',
  bag_merge: 'l',
  // Copies the kept values as they are (bag-remove-keys-function.md prints "key3": 42.0 kept).
  bag_remove_keys: 'rl',
  bag_set_key: 'l',
  treepath: 'l',
  zip: 'l',
  extract_json: 'l',
  extractjson: 'l',
  isnan: 'nl',
  isinf: 'nl',
  isfinite: 'nl',
  abs: 'n',
  bin: 'n',
  floor: 'n',
  ceiling: 'n',
  round: 'n',
  sqrt: 'n',
  exp: 'n',
  exp2: 'n',
  exp10: 'n',
  log: 'n',
  log2: 'n',
  log10: 'n',
  pow: 'n',
  sign: 'n',
};

/** The aggregates: make_list copies a whole real; min and max compare reals by value; count and dcount key bigints exactly. */
const AGGREGATES: Readonly<Record<string, string>> = {
  count: 'rl',
  countif: 'rl',
  min: 'rl',
  max: 'rl',
  minif: 'rl',
  maxif: 'rl',
  take_any: 'rl',
  take_anyif: 'rl',
  any: 'rl',
  make_list: 'rl',
  make_list_if: 'rl',
  make_list_with_nulls: 'rl',
  makelist: 'rl',
  make_bag: 'rl',
  make_bag_if: 'rl',
  // Names a whole real double and refuses a long beyond 2^53 by name (buildSchema.ts).
  buildschema: 'rl',
  dcount: 'l',
  dcountif: 'l',
  count_distinct: 'l',
  count_distinctif: 'l',
  make_set: 'l',
  make_set_if: 'l',
  makeset: 'l',
};

/** Whether function `name` reads such a value as `letter` says; the functions that only pass a value on (passThroughFunctions.ts) take both. */
export function functionReads(name: string, letter: Letter): boolean {
  if (letter === 'r' && (VALUE_CARRIERS as readonly string[]).includes(name)) return true;
  if (letter === 'l' && (EXACT_LONG_READERS as readonly string[]).includes(name)) return true;
  return FUNCTIONS[name]?.includes(letter) ?? false;
}

/** Whether aggregate `name` reads such a value as `letter` says. */
export function aggregateReads(name: string, letter: Letter): boolean {
  return AGGREGATES[name]?.includes(letter) ?? false;
}
