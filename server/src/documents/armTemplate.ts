import { parseTree, type Node } from 'jsonc-parser';
import { MappedRegionBuilder } from './mappedRegion';
import type { KqlRegion } from './regions';

/**
 * KQL in Azure Resource Manager templates: every `properties.query` string, as in exported
 * Sentinel analytic rules (`Microsoft.SecurityInsights/alertRules`), saved searches and hunting
 * queries, including resources nested inside solution packages. A JSON file is read as a
 * template only when it declares an ARM deployment `$schema` or has a top-level `resources`
 * array, so other JSON files get no regions at all. Values that are ARM expressions (`[...]`)
 * are not KQL and are skipped.
 */
export function armTemplateRegions(text: string): KqlRegion[] {
  if (!/"resources"\s*:/.test(text) || tooDeepTemplate(text) !== undefined) return [];
  const root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  if (!root || root.type !== 'object' || !isTemplate(root)) return [];
  const regions: KqlRegion[] = [];
  walk(root, (objectNode) => {
    const properties = property(objectNode, 'properties');
    const query = properties && property(properties, 'query');
    if (!query || query.type !== 'string' || typeof query.value !== 'string' || query.value.startsWith('['))
      return;
    const kind = property(objectNode, 'kind')?.value;
    regions.push(
      jsonStringRegion(text, query, kind === 'Scheduled' || kind === 'NRT' ? 'scheduledRule' : 'query'),
    );
  });
  return regions;
}

/**
 * Real templates nest a few dozen levels; the JSON reader and the walk below recurse once per
 * level and would run out of stack on tens of thousands.
 */
export const MAX_TEMPLATE_NESTING = 500;

/**
 * The offset where a would-be template's arrays and objects nest deeper than
 * MAX_TEMPLATE_NESTING, skipping strings and comments; undefined for any other file.
 */
export function tooDeepTemplate(text: string): number | undefined {
  if (!/"resources"\s*:/.test(text)) return undefined;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (c === '/' && text[i + 1] === '/') {
      const eol = text.indexOf('\n', i);
      i = eol < 0 ? text.length : eol;
    } else if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? text.length : close + 1;
    } else if (c === '[' || c === '{') {
      if (++depth > MAX_TEMPLATE_NESTING) return i;
    } else if (c === ']' || c === '}') {
      depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}

function isTemplate(root: Node): boolean {
  const schema = property(root, '$schema')?.value;
  if (typeof schema === 'string' && /deploymentTemplate|deploymentParameters/i.test(schema)) return true;
  return property(root, 'resources')?.type === 'array';
}

function property(objectNode: Node, name: string): Node | undefined {
  if (objectNode.type !== 'object') return undefined;
  for (const p of objectNode.children ?? []) {
    const [key, value] = p.children ?? [];
    if (key?.value === name) return value;
  }
  return undefined;
}

function walk(node: Node, visitObject: (n: Node) => void): void {
  if (node.type === 'object') visitObject(node);
  for (const child of node.children ?? []) walk(child, visitObject);
}

const JSON_ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

/** The decoded JSON string, with each escape mapped back to its characters in the file. */
export function jsonStringRegion(text: string, node: Node, kind?: KqlRegion['kind']): KqlRegion {
  const start = node.offset + 1;
  // A string still being typed has no closing quote yet.
  const last = node.offset + node.length - 1;
  const end =
    node.length >= 2 && text[last] === '"' && text[last - 1] !== '\\' ? last : node.offset + node.length;
  const out = new MappedRegionBuilder();
  let run = start;
  for (let k = start; k < end; k++) {
    if (text[k] !== '\\') continue;
    out.copy(run, text.slice(run, k));
    const c = text[k + 1];
    if (c === 'u') {
      out.atom(k, 6, String.fromCharCode(parseInt(text.slice(k + 2, k + 6), 16) || 0));
      k += 5;
    } else {
      out.atom(k, 2, JSON_ESCAPES[c] ?? c);
      k += 1;
    }
    run = k + 1;
  }
  out.copy(run, text.slice(run, end));
  // Edits to the KQL would have to be re-escaped as JSON, so editing features leave it alone.
  return { ...out.build(start, end, kind), editable: false };
}
