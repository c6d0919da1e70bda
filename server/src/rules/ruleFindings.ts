import { isMap, isPair, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import { ruleMessage, type MessageArgs, type RuleCheckId } from './ruleCheckTable';

/**
 * What a check reports: which check, where in the file (document offsets of the YAML node it
 * is about) and the message. `fix` carries what a mechanical quick fix needs.
 */
export interface RuleFinding {
  readonly check: RuleCheckId;
  readonly start: number;
  readonly end: number;
  readonly message: string;
  readonly fix?: RuleFix;
}

/**
 * Mechanical fixes: wrap a scalar into a one-item list, move lines right by some spaces, or
 * replace a value with the one it can only mean (a misspelt tactic, a malformed technique id).
 */
export type RuleFix =
  | { readonly kind: 'toList'; readonly field: string }
  | { readonly kind: 'replace'; readonly field: string; readonly value: string }
  | { readonly kind: 'indent'; readonly lines: readonly number[]; readonly spaces: number };

/** Document offsets of a node: a pair spans its key and value. */
export function spanOf(node: unknown): [number, number] | undefined {
  if (isPair(node)) {
    const key = spanOf(node.key);
    const value = spanOf(node.value);
    if (key && value) return [key[0], value[1]];
    return key ?? value;
  }
  const range = (node as Node | null | undefined)?.range;
  return range ? [range[0], range[1]] : undefined;
}

export class FindingList {
  readonly items: RuleFinding[] = [];

  constructor(private readonly fallback: [number, number]) {}

  add(check: RuleCheckId, node: unknown, args: MessageArgs = {}, fix?: RuleFix): void {
    const [start, end] = spanOf(node) ?? this.fallback;
    this.items.push({ check, start, end, message: ruleMessage(check, args), fix });
  }
}

/**
 * The pair for `key` in a mapping. Sentinel's validation deserializes with Json.NET, which
 * matches property names ignoring case when there is no exact match, so this does too.
 */
export function pairOf(map: unknown, key: string): Pair<unknown, unknown> | undefined {
  if (!isMap(map)) return undefined;
  const items = (map as YAMLMap<unknown, unknown>).items;
  const lower = key.toLowerCase();
  return (
    items.find((p) => isScalar(p.key) && p.key.value === key) ??
    items.find((p) => isScalar(p.key) && String(p.key.value).toLowerCase() === lower)
  );
}

/** The value node for `key`, or undefined when the key is absent. */
export function valueOf(map: unknown, key: string): unknown {
  return pairOf(map, key)?.value;
}

/** A scalar's value as text, the way a JSON deserializer would see it; undefined for non-scalars. */
export function scalarText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const v = node.value;
  if (v === null || v === undefined) return undefined;
  return typeof v === 'string' ? v : String(v);
}

/** The items of a sequence node, or undefined when the node is not a sequence. */
export function itemsOf(node: unknown): unknown[] | undefined {
  return isSeq(node) ? node.items : undefined;
}

export function isNullish(node: unknown): boolean {
  return (
    node === null || node === undefined || (isScalar(node) && (node.value === null || node.value === ''))
  );
}
