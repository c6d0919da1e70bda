import { UnsupportedError } from './errors';
import type { Evaluator } from './evaluator';
import { parseDatetimeTicks, parseTimespanTicks } from './ticks';
import { wholeRealOf } from './wholeReals';

/**
 * buildschema(DynamicExpr): the minimal schema that admits every value of a group
 * (buildschema-aggregation-function.md). The page's example fixes the form: a scalar is named
 * `long`, `double` or `string`; a property bag is a bag of its keys' schemas, keys in the order
 * first seen; an array is a bag whose one key `indexer` (in backquotes) holds the schema of its
 * elements; a key seen with several types holds the list of them. What the page does not show
 * is refused by name rather than guessed.
 */

/** The key under which an array's schema holds the schema of its elements. */
const INDEXER = '`indexer`';

type Kind = 'long' | 'double' | 'string' | 'bag' | 'array';

/** The schema of one place in the values: the kinds seen there, in the order first seen. */
interface Node {
  kinds: Kind[];
  /** The schemas of a bag's keys, in the order first seen. */
  keys?: Map<string, Node>;
  /** The schema of an array's elements (no kinds while only empty arrays were seen). */
  elements?: Node;
}

const refusal = (what: string, why: string) => new UnsupportedError(`buildschema() of ${what}`, why);

const UNNAMED =
  'buildschema-aggregation-function.md names only the schema types long, double and string, and arrays and property bags';

/**
 * A string the executor may hold for a value Kusto keeps typed: a datetime or timespan put into a
 * dynamic value is held as its text (values.ts toDynamic), and dynamic.md says Kusto parses
 * strings as datetime, real, long and guid values where they can be parsed as such. Which
 * schema type Kusto gives those, the buildschema page does not show.
 */
/**
 * A date written with numbers (2024-01-01, 1/2/2024) or a month's name: the shapes of a datetime's
 * text. The datetime reader alone (Date.parse behind it) also takes words with a number such as
 * "Process 4", which no datetime is written as.
 */
const DATE_SHAPE =
  /\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i;

function typedLookingString(s: string): string | undefined {
  if (/^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(s)) return 'a number';
  if (/^\s*[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}\s*$/i.test(s)) return 'a guid';
  if (parseTimespanTicks(s) !== null) return 'a timespan';
  if (DATE_SHAPE.test(s) && parseDatetimeTicks(s) !== null) return 'a datetime';
  return undefined;
}

function scalarKind(v: unknown): Kind {
  if (v === null || v === undefined)
    throw refusal('a null value', `${UNNAMED}; whether a null is skipped or named it does not say`);
  if (wholeRealOf(v) !== undefined) return 'double';
  if (typeof v === 'number') return Number.isInteger(v) ? 'long' : 'double';
  if (typeof v === 'bigint')
    throw refusal(
      `the long ${v} (beyond 2^53)`,
      'its page shows the schema of small longs only, and the local executor holds this one apart from them',
    );
  if (typeof v === 'boolean') throw refusal('a boolean value', UNNAMED);
  if (typeof v === 'string') {
    const looks = typedLookingString(v);
    if (looks)
      throw refusal(
        `the string "${v}", which reads as ${looks}`,
        `Kusto may hold such a value typed in a dynamic value, and ${UNNAMED}`,
      );
    return 'string';
  }
  throw refusal('a value that is not JSON', UNNAMED);
}

/** Adds one value to the schema at `node`. */
function admit(node: Node, v: unknown): void {
  const whole = wholeRealOf(v);
  let kind: Kind;
  if (whole === undefined && Array.isArray(v)) kind = 'array';
  else if (whole === undefined && isBag(v)) kind = 'bag';
  else kind = scalarKind(v);
  if (!node.kinds.includes(kind)) node.kinds.push(kind);
  if (kind === 'array') {
    node.elements ??= { kinds: [] };
    for (const e of v as unknown[]) admit(node.elements, e);
  } else if (kind === 'bag') {
    node.keys ??= new Map();
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      if (k === INDEXER)
        throw refusal(`a property bag with the key ${INDEXER}`, 'the schema names an array by that key');
      let child = node.keys.get(k);
      if (!child) node.keys.set(k, (child = { kinds: [] }));
      admit(child, x);
    }
  }
}

function isBag(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * The order of several types for one key. The page's example lists them as first seen
 * (["long","string"], ["double",{"w":"string"}]), which also agrees with listing the names
 * alphabetically (or by Kusto's own names, real for double) with a property bag last. Where those
 * orders part (long and double together, a type first seen after one it would sort after), which
 * Kusto uses is not settled, so the list is refused.
 */
const RANKS: Record<Kind, { byName: number; byKustoName: number }> = {
  double: { byName: 0, byKustoName: 1 },
  long: { byName: 1, byKustoName: 0 },
  string: { byName: 2, byKustoName: 2 },
  bag: { byName: 3, byKustoName: 3 },
  array: { byName: 3, byKustoName: 3 },
};

function settledOrder(kinds: readonly Kind[]): boolean {
  for (let i = 1; i < kinds.length; i++) {
    const a = RANKS[kinds[i - 1]];
    const b = RANKS[kinds[i]];
    if (a.byName >= b.byName || a.byKustoName >= b.byKustoName) return false;
  }
  return true;
}

/** The schema as the dynamic value Kusto returns. */
function schemaOf(node: Node): unknown {
  const { kinds } = node;
  if (kinds.includes('bag') && kinds.includes('array'))
    throw refusal(
      'an array and a property bag in one place',
      'its page does not show how their schemas (both property bags) are written together',
    );
  if (kinds.length > 1 && !settledOrder(kinds))
    throw refusal(
      `values of the types ${kinds.join(', ')} (in that order) in one place`,
      "its page's example does not settle the order of these types in the schema's list",
    );
  const parts = kinds.map((k) => {
    if (k === 'array') {
      const elements = node.elements;
      if (!elements?.kinds.length)
        throw refusal('arrays that are all empty', 'its page does not show the schema of an empty array');
      return { [INDEXER]: schemaOf(elements) };
    }
    if (k === 'bag') {
      if (!node.keys?.size)
        throw refusal(
          'property bags that are all empty',
          'its page does not show the schema of an empty bag',
        );
      return Object.fromEntries([...node.keys].map(([key, child]) => [key, schemaOf(child)]));
    }
    return k;
  });
  return parts.length === 1 ? parts[0] : parts;
}

/** The accumulators of buildschema() over the values `x` gives; each yields its one output column. */
export function buildSchema(x: Evaluator): () => {
  add(row: Parameters<Evaluator>[0]): void;
  result(): unknown[];
} {
  return () => {
    const root: Node = { kinds: [] };
    return {
      add: (r) => admit(root, x(r)),
      result: () => {
        if (!root.kinds.length)
          throw refusal('no values', 'its page does not show the schema of an empty group');
        return [schemaOf(root)];
      },
    };
  };
}
