import { dynamicJson } from './dynamicJson';
import { UnsupportedError } from './errors';

/**
 * array_sort_asc() and array_sort_desc() (array-sort-asc-function.md, array-sort-desc-function.md):
 * the first array sorted, the other arrays reordered to match it, null for any array whose length
 * differs from the first's, nulls last unless the trailing bool says otherwise.
 *
 * The executor holds a datetime or a timespan inside a dynamic value as its text, so where that
 * text's order is not the value's order (a negative timespan or one of a day or more, a datetime
 * beside numbers, which Kusto ranks together) the sort is refused rather than guessed. So are what
 * the pages leave open: the order of mixed kinds when sorting down, the order among bools, bags
 * and arrays, and the order of companion elements whose first-array elements tie (Kusto's sort is
 * not said to be stable).
 */

/** The kinds in the order the pages give for an ascending sort. */
const NUMBER = 0;
const STRING = 1;
const OTHER = 3;

const DATETIME_TEXT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const LONG_OR_NEGATIVE_TIMESPAN = /^(-\d+(\.\d+)?:|-?\d+\.\d{2}:)\d{2}:\d{2}(\.\d+)?$/;

/** A long beyond 2^53 (a bigint) is a number, compared exactly with the others. */
function kindOf(v: unknown): number {
  return typeof v === 'number' || typeof v === 'bigint' ? NUMBER : typeof v === 'string' ? STRING : OTHER;
}

function compareSameKind(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if ((typeof a === 'number' || typeof a === 'bigint') && (typeof b === 'number' || typeof b === 'bigint'))
    return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return 0;
}

function checkSortable(name: string, values: unknown[], descending: boolean): void {
  const kinds = new Set<number>();
  let otherText: string | undefined;
  let datetimeText = false;
  for (const v of values) {
    if (v === null) continue;
    const k = kindOf(v);
    kinds.add(k);
    if (k === STRING && LONG_OR_NEGATIVE_TIMESPAN.test(v as string))
      throw new UnsupportedError(
        `${name}() of an array holding '${v as string}' (a timespan held as text, whose order is not its text's)`,
      );
    if (k === STRING && DATETIME_TEXT.test(v as string)) datetimeText = true;
    if (k === OTHER) {
      const text = dynamicJson(v);
      if (otherText !== undefined && otherText !== text)
        throw new UnsupportedError(
          `${name}() of an array holding several bools, bags or arrays (the page does not give their order)`,
        );
      otherText = text;
    }
  }
  if (datetimeText && kinds.has(NUMBER))
    throw new UnsupportedError(`${name}() of an array mixing numbers and datetimes`);
  if (descending && kinds.size > 1)
    throw new UnsupportedError(
      `${name}() of an array mixing kinds of values (the page gives their order only ascending)`,
    );
}

/**
 * The sorted arrays, one per array argument. `args` ends with the nulls_last bool when `hasFlag`;
 * a null flag keeps the default.
 */
export function sortArrays(name: string, args: unknown[], hasFlag: boolean, descending: boolean): unknown[] {
  const nullsLast = hasFlag ? args[args.length - 1] !== false : true;
  const arrays = hasFlag ? args.slice(0, -1) : args;
  const first = arrays[0];
  if (!Array.isArray(first)) return arrays.map(() => null);
  checkSortable(name, first, descending);
  const order = first.map((_, i) => i);
  const sign = descending ? -1 : 1;
  const compare = (i: number, j: number) => {
    const a = first[i];
    const b = first[j];
    if (a === null || b === null) {
      if (a === b) return 0;
      return (a === null) === nullsLast ? 1 : -1;
    }
    const ka = kindOf(a);
    const kb = kindOf(b);
    return ka !== kb ? ka - kb : sign * compareSameKind(a, b);
  };
  order.sort(compare);
  const companions = arrays.slice(1).map((a) => (Array.isArray(a) && a.length === first.length ? a : null));
  // Ties (nulls, equal values, the one bool or bag allowed) are only a problem when the arrays
  // that follow them differ at the tied places.
  for (let k = 1; k < order.length; k++) {
    if (compare(order[k - 1], order[k]) !== 0) continue;
    for (const c of companions)
      if (c && dynamicJson(c[order[k - 1]]) !== dynamicJson(c[order[k]]))
        throw new UnsupportedError(
          `${name}() where the first array has equal elements and the other arrays differ at them (the page does not say the sort is stable)`,
        );
  }
  return [order.map((i) => first[i]), ...companions.map((c) => (c ? order.map((i) => c[i]) : null))];
}

/**
 * The value of a sort used as one scalar: the binder types the call as a tuple of the sorted
 * arrays, which a scalar use sees as the one sorted array (strcat_array(array_sort_asc(a), ",")),
 * or with several arrays as the list of them (array_sort_asc(times, commands)[1]), as the pages'
 * examples show.
 */
export function sortedAsScalar(
  name: string,
  args: unknown[],
  hasFlag: boolean,
  descending: boolean,
): unknown {
  const sorted = sortArrays(name, args, hasFlag, descending);
  return sorted.length === 1 ? sorted[0] : sorted;
}
