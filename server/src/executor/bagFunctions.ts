import { dynamicJson } from './dynamicJson';
import { wholeRealOf } from './wholeReals';
import { UnsupportedError } from './errors';
import { argString } from './functionArgs';
import type { FunctionCall, ScalarFunction } from './scalarFunctions';
import { toDynamic, valueToString } from './values';

/**
 * Property-bag functions: bag_set_key (bag-set-key-function.md), bag_remove_keys
 * (bag-remove-keys-function.md), treepath (treepath-function.md)
 * and dynamic_to_json (dynamic-to-json-function.md).
 */

// A whole real (wholeReals.ts) is an object here but no bag.
const isBag = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === 'object' && !Array.isArray(v) && wholeRealOf(v) === undefined;

/**
 * The keys of a path of bag_set_key or bag_remove_keys (function `fn`): a plain root key, or
 * `$.a.b` / `$['a']['b']` with no indexing (both pages: array indexing isn't supported).
 */
function keyPath(key: string, fn: string): string[] {
  if (!key.startsWith('$')) return [key];
  const steps: string[] = [];
  const re = /\.([^.[\]]+)|\[\s*'([^']*)'\s*\]|\[\s*"([^"]*)"\s*\]/y;
  re.lastIndex = 1;
  while (re.lastIndex < key.length) {
    const m = re.exec(key);
    if (!m) throw new UnsupportedError(`${fn}() with the path '${key}' (array indexing is not supported)`);
    steps.push(m[1] ?? m[2] ?? m[3]);
  }
  if (steps.length === 0) throw new UnsupportedError(`${fn}() with the root path '$'`);
  return steps;
}

/**
 * bag_set_key(bag, key, value): a copy of the bag with the key set, made along a JSON path as
 * bags where missing. The page does not say what a path through a value that is not a bag gives,
 * so that is refused.
 */
function bagSetKey(c: FunctionCall): unknown {
  const bag = c.args[0];
  if (!isBag(bag)) return null;
  const key = argString(c, 1);
  const steps = keyPath(key, 'bag_set_key');
  const value = toDynamic(c.args[2], c.argTypes[2]);
  const root = { ...bag };
  let node: Record<string, unknown> = root;
  for (const step of steps.slice(0, -1)) {
    const next = node[step];
    if (next === undefined) node[step] = {};
    else if (isBag(next)) node[step] = { ...next };
    else throw new UnsupportedError(`bag_set_key() with the path '${key}' through a value that is not a bag`);
    node = node[step] as Record<string, unknown>;
  }
  node[steps[steps.length - 1]] = value;
  return root;
}

/**
 * bag_remove_keys(bag, keys): a copy of the bag without the keys, each a root key or a JSON path
 * to a nested one ('$.key2.prop1' in the page's example). A key that is not there is no error
 * (the page's 'key4'); the page does not say what a path through a value that is not a bag
 * gives, so that is refused. Kept values are copied as they are (a whole real stays 42.0).
 */
function bagRemoveKeys(c: FunctionCall): unknown {
  const [bag, keys] = c.args;
  if (!isBag(bag) || !Array.isArray(keys)) return null;
  const root = { ...bag };
  for (const key of keys.map(String)) {
    const steps = keyPath(key, 'bag_remove_keys');
    let node: Record<string, unknown> | undefined = root;
    for (const step of steps.slice(0, -1)) {
      const next: unknown = node[step];
      if (next === undefined) {
        node = undefined;
        break;
      }
      if (!isBag(next))
        throw new UnsupportedError(
          `bag_remove_keys() with the path '${key}' through a value that is not a bag`,
        );
      node[step] = { ...next };
      node = node[step] as Record<string, unknown>;
    }
    if (node) delete node[steps[steps.length - 1]];
  }
  return root;
}

/**
 * treepath(bag): the paths of the bag's tree, with every element of an array seen as `[0]` (the
 * page's examples: one `[0]` for an array, and the properties of its bags beneath it). The page
 * does not say in which order keys come, so a bag whose keys are not already in order is refused,
 * as is a key that would need escaping inside `['...']`.
 */
function treepath(c: FunctionCall): unknown {
  const root = c.args[0];
  if (!isBag(root)) return null;
  const paths: string[] = [];
  const seen = new Set<string>();
  const add = (p: string) => {
    if (!seen.has(p)) {
      seen.add(p);
      paths.push(p);
    }
  };
  const walk = (v: unknown, prefix: string) => {
    if (Array.isArray(v)) {
      for (const e of v) {
        add(`${prefix}[0]`);
        walk(e, `${prefix}[0]`);
      }
    } else if (isBag(v)) {
      const keys = Object.keys(v);
      if (keys.some((k, i) => i > 0 && keys[i - 1] > k))
        throw new UnsupportedError(
          'treepath() of a bag whose keys are not in order (the page does not give the order)',
        );
      for (const k of keys) {
        if (/['\\]/.test(k)) throw new UnsupportedError(`treepath() of the key ${JSON.stringify(k)}`);
        add(`${prefix}['${k}']`);
        walk(v[k], `${prefix}['${k}']`);
      }
    }
  };
  walk(root, '');
  return paths;
}

/** The canonical text of a dynamic value: JSON with every bag's keys sorted. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (isBag(v)) {
    const keys = Object.keys(v).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(',')}}`;
  }
  return dynamicJson(v);
}

/**
 * dynamic_to_json(value): tostring() of a value that is not dynamic, else the canonical text. The
 * page does not say whether a dynamic string on its own is quoted, so that is refused.
 */
function dynamicToJson(c: FunctionCall): unknown {
  const v = c.args[0];
  if (c.argTypes[0] !== 'dynamic') return valueToString(v, c.argTypes[0]);
  if (typeof v === 'string') throw new UnsupportedError('dynamic_to_json() of a dynamic string on its own');
  if (v === null || v === undefined) return '';
  return canonical(v);
}

export const BAG_FUNCTIONS: Record<string, ScalarFunction> = {
  bag_set_key: bagSetKey,
  bag_remove_keys: bagRemoveKeys,
  treepath,
  dynamic_to_json: dynamicToJson,
};
