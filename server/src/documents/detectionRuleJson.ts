import { getNodeValue, parseTree, type Node, type ParseError } from 'jsonc-parser';
import { jsonStringRegion } from './armTemplate';
import type { KqlRegion } from './regions';

/**
 * A JSON file read as a Defender XDR custom detection: the Microsoft Graph `detectionRule` shape
 * as `kqlhunt pull` writes it and the Graph API returns it. The convention is the content, not the
 * name: any JSON file whose top level is an object with `queryCondition.queryText` (a
 * `*.detection.json` name is recommended but not required). Its query is checked in the Defender
 * XDR environment and the rule against the custom detection requirements (rules/detectionChecks.ts).
 */
export interface ParsedDetectionJson {
  readonly root: Node;
  /** The `queryCondition.queryText` string node. */
  readonly queryNode: Node;
  readonly region: KqlRegion;
  /** The whole file as plain values, for conversion. */
  readonly value: unknown;
  /** JSON syntax errors; the file is still read as far as it goes. */
  readonly errors: readonly ParseError[];
}

const cache = new Map<string, ParsedDetectionJson | null>();
const CACHE_SIZE = 16;

export function parseDetectionJson(text: string): ParsedDetectionJson | undefined {
  if (!/"queryCondition"\s*:/.test(text)) return undefined;
  const hit = cache.get(text);
  if (hit !== undefined) return hit ?? undefined;
  const parsed = parse(text);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(text, parsed ?? null);
  return parsed;
}

function parse(text: string): ParsedDetectionJson | undefined {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (!root || root.type !== 'object') return undefined;
  const queryNode = jsonProperty(jsonProperty(root, 'queryCondition'), 'queryText');
  if (!queryNode || queryNode.type !== 'string') return undefined;
  return {
    root,
    queryNode,
    region: jsonStringRegion(text, queryNode, 'scheduledRule'),
    value: getNodeValue(root),
    errors,
  };
}

/** The value node of `name` in an object node (exact name, as Graph's JSON is case-sensitive). */
export function jsonProperty(node: Node | undefined, name: string): Node | undefined {
  if (node?.type !== 'object') return undefined;
  for (const p of node.children ?? []) {
    const [key, value] = p.children ?? [];
    if (key?.value === name) return value;
  }
  return undefined;
}
