import { dynamicJson } from './dynamicJson';
import { wholeRealOf } from './wholeReals';
import type { FunctionCall, ScalarFunction } from './scalarFunctions';
import { UnsupportedError } from './errors';
import { parseJsonExactly } from './exactJson';
import { argInteger } from './functionArgs';
import { fromExternal, toDynamic, valueToString } from './values';

/**
 * Array and property-bag functions, each as its page in Kusto's reference describes it. A
 * dynamic value is held as JSON (arrays, plain objects); an argument of the wrong shape gives
 * null, as Kusto's functions do.
 */

// A whole real (wholeReals.ts) is an object here but no bag.
const isBag = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === 'object' && !Array.isArray(v) && wholeRealOf(v) === undefined;
const intArg = argInteger;

/** Elements compare by value: numbers, strings and bools as they are, anything else as JSON. */
const sameElement = (a: unknown, b: unknown) =>
  a === b || (typeof a === 'object' && typeof b === 'object' && dynamicJson(a) === dynamicJson(b));

/** array_index_of(array, value [, start [, length [, occurrence]]]): -1 when not found. */
function arrayIndexOf(c: FunctionCall): unknown {
  const array = c.args[0];
  if (!Array.isArray(array)) return null;
  const value = toDynamic(c.args[1], c.argTypes[1]);
  let start = intArg(c, 2, 0);
  const length = intArg(c, 3, -1);
  const occurrence = intArg(c, 4, 1);
  if (start === null || length === null || occurrence === null || length < -1 || occurrence < 0) return null;
  if (start < 0) start = Math.max(0, array.length + start);
  const end = length === -1 ? array.length : Math.min(array.length, start + length);
  for (let i = start, n = 0; i < end; i++) if (sameElement(array[i], value) && ++n === occurrence) return i;
  return -1;
}

/** array_slice(array, start, end): both inclusive, negative from the end, out of range ignored. */
function arraySlice(c: FunctionCall): unknown {
  const array = c.args[0];
  const start = intArg(c, 1, 0);
  const end = intArg(c, 2, -1);
  if (!Array.isArray(array) || start === null || end === null) return null;
  const from = Math.max(0, start < 0 ? array.length + start : start);
  const to = Math.min(array.length - 1, end < 0 ? array.length + end : end);
  return to < from ? [] : array.slice(from, to + 1);
}

function arraySum(c: FunctionCall): unknown {
  const array = c.args[0];
  if (!Array.isArray(array)) return null;
  let sum = 0;
  for (const v of array) {
    // The page gives a double, but not whether longs are added exactly before it is made.
    if (typeof v === 'bigint')
      throw new UnsupportedError(
        `array_sum() of an array holding the long ${v}`,
        'the page does not say whether longs beyond 2^53 are added exactly or as doubles',
      );
    if (typeof v !== 'number') return null;
    sum += v;
  }
  return sum;
}

function strcatArray(c: FunctionCall): string {
  const array = c.args[0];
  if (!Array.isArray(array)) return '';
  const delimiter = valueToString(c.args[1], c.argTypes[1]);
  return array
    .map((v) => (v === null ? '' : typeof v === 'object' ? dynamicJson(v) : String(v)))
    .join(delimiter);
}

/**
 * The JSONPath subset extract_json() documents: `$`, `.name`, `['name']` and `[index]`. Undefined
 * when the path does not parse (the caller refuses) and null when it leads nowhere.
 */
function jsonPathSteps(path: string): (string | number)[] | undefined {
  const steps: (string | number)[] = [];
  const re = /\.([A-Za-z_][\w]*)|\[\s*'([^']*)'\s*\]|\[\s*"([^"]*)"\s*\]|\[\s*(\d+)\s*\]/y;
  if (!path.startsWith('$')) return undefined;
  re.lastIndex = 1;
  while (re.lastIndex < path.length) {
    const m = re.exec(path);
    if (!m) return undefined;
    steps.push(m[4] !== undefined ? Number(m[4]) : (m[1] ?? m[2] ?? m[3]));
  }
  return steps;
}

function extractJson(c: FunctionCall): unknown {
  const steps = jsonPathSteps(valueToString(c.args[0], c.argTypes[0]));
  if (!steps) throw new UnsupportedError(`the JSON path '${valueToString(c.args[0], c.argTypes[0])}'`);
  let data: unknown = c.args[1];
  if (c.argTypes[1] !== 'dynamic') {
    try {
      data = parseJsonExactly(valueToString(c.args[1], c.argTypes[1]));
    } catch (e) {
      if (e instanceof UnsupportedError) throw e;
      data = undefined;
    }
  }
  for (const step of steps) {
    if (data === null || typeof data !== 'object') {
      data = undefined;
      break;
    }
    data = (data as Record<string | number, unknown>)[step];
  }
  if (data === undefined || data === null) return c.resultType === 'string' ? '' : null;
  if (c.resultType === 'string') return typeof data === 'object' ? dynamicJson(data) : String(data);
  if (c.resultType === 'dynamic') return data;
  return fromExternal(typeof data === 'object' ? dynamicJson(data) : data, c.resultType);
}

export const DYNAMIC_FUNCTIONS: Record<string, ScalarFunction> = {
  extract_json: extractJson,
  extractjson: extractJson,
  array_concat: (c) => (c.args.every(Array.isArray) ? (c.args as unknown[][]).flat(1) : null),
  array_index_of: arrayIndexOf,
  array_slice: arraySlice,
  array_reverse: (c) => (Array.isArray(c.args[0]) ? [...c.args[0]].reverse() : null),
  array_sum: arraySum,
  arraylength: (c) => (Array.isArray(c.args[0]) ? c.args[0].length : null),
  array_strcat: strcatArray,
  strcat_array: strcatArray,
  bag_keys: (c) => (isBag(c.args[0]) ? Object.keys(c.args[0]) : null),
  bag_has_key: (c) =>
    isBag(c.args[0]) ? Object.hasOwn(c.args[0], valueToString(c.args[1], c.argTypes[1])) : null,
  bag_merge: (c) => {
    if (!c.args.every(isBag)) return null;
    // The first bag that has a key gives its value.
    const out: Record<string, unknown> = {};
    for (const bag of c.args as Record<string, unknown>[])
      for (const [k, v] of Object.entries(bag)) if (!Object.hasOwn(out, k)) out[k] = v;
    return out;
  },
};
