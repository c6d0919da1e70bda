import { dynamicJson } from './dynamicJson';
import { sortArrays, sortedAsScalar } from './arraySort';
import { BAG_FUNCTIONS } from './bagFunctions';
import { UnsupportedError } from './errors';
import { argInteger, argString } from './functionArgs';
import type { FunctionCall, ScalarFunction } from './scalarFunctions';
import { hasMatcher } from './stringMatch';
import { toDynamic } from './values';

/**
 * Array functions, each as its page in Kusto's reference describes it: sorting, element-wise
 * iff, rotating, shifting, splitting, zipping, the Jaccard index and has_any_index. An argument
 * that is not an array gives null, as Kusto's array functions do.
 */

function hasFlag(c: FunctionCall): boolean {
  return c.args.length > 1 && c.argTypes[c.args.length - 1] === 'bool';
}

/** A condition element: a bool as it is, a number true when not 0, anything else null. */
function condition(v: unknown): boolean | null {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  // A long beyond 2^53 is never 0.
  if (typeof v === 'bigint') return true;
  return null;
}

/** array_iff(conditions, when_true, when_false): an array or a scalar on each side. */
function arrayIff(c: FunctionCall): unknown {
  const conditions = c.args[0];
  if (!Array.isArray(conditions)) return null;
  const pick = (k: number, i: number) => {
    const v = c.args[k];
    if (Array.isArray(v)) return i < v.length ? v[i] : null;
    return toDynamic(v, c.argTypes[k]);
  };
  return conditions.map((v, i) => {
    const cond = condition(v);
    return cond === null ? null : pick(cond ? 1 : 2, i);
  });
}

/** array_rotate_left(array, n): a negative count rotates the other way. */
function rotate(c: FunctionCall, direction: 1 | -1): unknown {
  const array = c.args[0];
  const count = argInteger(c, 1, 0);
  if (!Array.isArray(array) || count === null) return null;
  const n = array.length;
  if (n === 0) return [];
  const left = (((direction * count) % n) + n) % n;
  return [...array.slice(left), ...array.slice(0, left)];
}

/**
 * The value shift puts in the places it empties: the given default, else null, or the empty
 * string for an array of strings. The page ties that choice to "the type of elements", which says
 * nothing of an array of several kinds, so that case is refused.
 */
function shiftFill(c: FunctionCall, name: string, array: unknown[]): unknown {
  if (c.args.length > 2) return toDynamic(c.args[2], c.argTypes[2]);
  const present = array.filter((v) => v !== null);
  if (present.length === 0 || present.every((v) => typeof v !== 'string')) return null;
  if (present.every((v) => typeof v === 'string')) return '';
  throw new UnsupportedError(
    `${name}() without a default of an array mixing strings and other values (the page does not say which default it takes)`,
  );
}

function shift(c: FunctionCall, name: string, direction: 1 | -1): unknown {
  const array = c.args[0];
  const count = argInteger(c, 1, 0);
  if (!Array.isArray(array) || count === null) return null;
  const fill = shiftFill(c, name, array);
  const left = direction * count;
  return array.map((_, i) => {
    const from = i + left;
    return from >= 0 && from < array.length ? array[from] : fill;
  });
}

/** array_split(array, index or indices): the pieces [0..i1), [i1..i2), ..., [iN..length). */
function arraySplit(c: FunctionCall): unknown {
  const array = c.args[0];
  if (!Array.isArray(array)) return null;
  const raw = Array.isArray(c.args[1]) ? c.args[1] : [c.args[1]];
  // A long beyond 2^53 is an index outside any array, which the page does not define.
  if (raw.some((v) => typeof v === 'bigint'))
    throw new UnsupportedError(
      'array_split() with an index outside the array or out of order (the page does not say what that gives)',
    );
  if (!raw.every((v) => typeof v === 'number' && Number.isInteger(v))) return null;
  const cuts = (raw as number[]).map((i) => (i < 0 ? array.length + i : i));
  let from = 0;
  const out: unknown[][] = [];
  for (const cut of cuts) {
    // The page defines only indices inside the array in increasing order.
    if (cut < from || cut > array.length)
      throw new UnsupportedError(
        'array_split() with an index outside the array or out of order (the page does not say what that gives)',
      );
    out.push(array.slice(from, cut));
    from = cut;
  }
  out.push(array.slice(from));
  return out;
}

/** zip(a1, a2, ...): the i-th elements together, padded with null to the longest array. */
function zip(c: FunctionCall): unknown {
  if (!c.args.every(Array.isArray)) return null;
  const arrays = c.args as unknown[][];
  const length = Math.max(...arrays.map((a) => a.length));
  return Array.from({ length }, (_, i) => arrays.map((a) => (i < a.length ? a[i] : null)));
}

/** jaccard_index(set1, set2): |intersection| / |union|, duplicates ignored. */
function jaccardIndex(c: FunctionCall): unknown {
  const [a, b] = c.args;
  if (!Array.isArray(a) || !Array.isArray(b)) return null;
  const left = new Set(a.map((v) => dynamicJson(v)));
  const right = new Set(b.map((v) => dynamicJson(v)));
  const union = new Set([...left, ...right]);
  if (union.size === 0)
    throw new UnsupportedError('jaccard_index() of two empty sets (the page does not define 0/0)');
  let common = 0;
  for (const k of left) if (right.has(k)) common++;
  return common / union.size;
}

/**
 * has_any_index(source, values): the index of the first value that `source has` (a whole-term
 * match, case-insensitive), -1 when none is or the list is empty. Values are matched as text.
 */
function hasAnyIndex(c: FunctionCall): unknown {
  const values = c.args[1];
  if (!Array.isArray(values)) return -1;
  const source = argString(c, 0);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null) continue;
    const text = typeof v === 'object' ? dynamicJson(v) : String(v);
    if (text === '') throw new UnsupportedError('has_any_index() of an empty lookup string');
    if (hasMatcher(text, false)(source)) return i;
  }
  return -1;
}

/** repeat(value, count) (repeat-function.md): empty for 0, null for a negative count. */
function repeat(c: FunctionCall): unknown {
  const count = argInteger(c, 1, 0);
  if (count === null || count < 0) return null;
  if (count > MAX_REPEAT) throw new UnsupportedError(`repeat() of more than ${MAX_REPEAT} elements`);
  return new Array<unknown>(count).fill(toDynamic(c.args[0], c.argTypes[0]));
}

const MAX_REPEAT = 10_000_000;

export const ARRAY_FUNCTIONS: Record<string, ScalarFunction> = {
  ...BAG_FUNCTIONS,
  array_sort_asc: (c) => sortedAsScalar('array_sort_asc', c.args, hasFlag(c), false),
  array_sort_desc: (c) => sortedAsScalar('array_sort_desc', c.args, hasFlag(c), true),
  array_iff: arrayIff,
  array_iif: arrayIff,
  array_rotate_left: (c) => rotate(c, 1),
  array_rotate_right: (c) => rotate(c, -1),
  array_shift_left: (c) => shift(c, 'array_shift_left', 1),
  array_shift_right: (c) => shift(c, 'array_shift_right', -1),
  array_split: arraySplit,
  zip,
  jaccard_index: jaccardIndex,
  has_any_index: hasAnyIndex,
  repeat,
};

/**
 * The sorts as functions of several columns (`print array_sort_asc(a, b)` gives a column per
 * array). Without the argument types, a trailing bool is the nulls_last flag.
 */
export const ARRAY_TUPLE_FUNCTIONS: Record<string, (args: unknown[]) => unknown[]> = {
  array_sort_asc: (args) =>
    sortArrays('array_sort_asc', args, args.length > 1 && typeof args[args.length - 1] === 'boolean', false),
  array_sort_desc: (args) =>
    sortArrays('array_sort_desc', args, args.length > 1 && typeof args[args.length - 1] === 'boolean', true),
};
