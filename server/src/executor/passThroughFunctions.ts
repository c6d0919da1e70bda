/**
 * The functions that pass a value through without reading it, or only test it for null or
 * empty, and the conversions that read a long in full. Any value the executor holds may reach
 * them as it is: a long beyond 2^53, a dynamic value holding one, or a sketch (the carriers only).
 */
export const VALUE_CARRIERS = [
  'iff',
  'iif',
  'case',
  'coalesce',
  'isnull',
  'isnotnull',
  'isempty',
  'isnotempty',
  'notempty',
] as const;

/** Carriers and the conversions that take a long beyond 2^53 as the exact long it is. */
export const EXACT_LONG_READERS = [
  ...VALUE_CARRIERS,
  'tostring',
  'strcat',
  'strcat_delim',
  'tolong',
  'toint',
  'todouble',
  'toreal',
  'todecimal',
  'gettype',
] as const;
