import {
  isMap,
  isScalar,
  LineCounter,
  parseDocument,
  type Document,
  type Pair,
  type Scalar,
  type YAMLMap,
} from 'yaml';
import type { KqlRegion } from './regions';
import { yamlScalarRegion } from './yamlScalarRegion';

/**
 * A YAML file read as a Sentinel rule: analytic rules (`kind: Scheduled` or `NRT`) and hunting
 * queries (no `kind`) share the shape `id`, `name`, `description`, `query`, ... A YAML file is
 * taken for a rule when its top level is a mapping with a `query` key and at least one other key
 * that rules have, so an unrelated YAML file (a CI pipeline, a Kubernetes manifest) is left alone.
 */
export type RuleType = 'scheduled' | 'nrt' | 'hunting';

export interface ParsedRuleYaml {
  readonly text: string;
  readonly document: Document.Parsed;
  readonly lineCounter: LineCounter;
  /** The top-level mapping. */
  readonly root: YAMLMap<unknown, unknown>;
  readonly type: RuleType;
  /** The `query` pair; its value may be any node, or missing in a half-typed file. */
  readonly queryPair: Pair<unknown, unknown>;
  /** The KQL region of `query` when it is a string. */
  readonly region: KqlRegion | undefined;
}

const RULE_KEYS = [
  'id',
  'name',
  'description',
  'kind',
  'severity',
  'requiredDataConnectors',
  'tactics',
  'relevantTechniques',
  'queryFrequency',
  'queryPeriod',
  'entityMappings',
];

/** Recently parsed texts: regions, environment and rule checks all ask for the same version. */
const cache = new Map<string, ParsedRuleYaml | null>();
const CACHE_SIZE = 16;

/** Parses `text` as a rule, or returns undefined when it is not one. */
export function parseRuleYaml(text: string): ParsedRuleYaml | undefined {
  const hit = cache.get(text);
  if (hit !== undefined) return hit ?? undefined;
  const parsed = parse(text);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(text, parsed ?? null);
  return parsed;
}

/**
 * A cheap first look, so that large unrelated YAML files are not parsed at all. Indentation is
 * matched as spaces and tabs only: `\s*` would also cross line breaks and make the search
 * quadratic on a file of many empty lines.
 */
function mayBeRule(text: string): boolean {
  return /^[ \t]*query[ \t]*:/m.test(text);
}

function parse(text: string): ParsedRuleYaml | undefined {
  if (!mayBeRule(text)) return undefined;
  const parsed = parseAsRule(text, text);
  if (parsed) return parsed;
  // A key being typed on its own line (`sev` before `severity:` is finished) joins the next
  // line into one multi-line key and hides `query`. Read the file without such lines, keeping
  // every offset, so the rule and its query stay usable; the YAML error is still reported.
  const withoutBareWords = text.replace(/^[A-Za-z_][\w-]*[ \t]*$/gm, (line) => ' '.repeat(line.length));
  return withoutBareWords === text ? undefined : parseAsRule(withoutBareWords, text);
}

function parseAsRule(source: string, text: string): ParsedRuleYaml | undefined {
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { keepSourceTokens: true, lineCounter, prettyErrors: false });
  if (source !== text) {
    const original = parseDocument(text, { prettyErrors: false });
    document.errors.splice(0, document.errors.length, ...original.errors);
  }
  const root = document.contents;
  if (!isMap(root)) return undefined;
  const keys = root.items.map((p) => (isScalar(p.key) ? String(p.key.value) : ''));
  const queryPair = root.items.find((p) => isScalar(p.key) && p.key.value === 'query');
  if (!queryPair || !keys.some((k) => RULE_KEYS.includes(k))) return undefined;
  const type = ruleTypeOf(root);
  const region = isScalar(queryPair.value)
    ? yamlScalarRegion(
        source,
        queryPair.value as Scalar,
        type === 'hunting' ? 'huntingQuery' : 'scheduledRule',
      )
    : undefined;
  return { text, document, lineCounter, root, type, queryPair, region };
}

function ruleTypeOf(root: YAMLMap<unknown, unknown>): RuleType {
  const kind = root.get('kind');
  if (kind === 'NRT') return 'nrt';
  if (kind === undefined || kind === null) return 'hunting';
  return 'scheduled';
}
