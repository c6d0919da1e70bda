import { Document, isMap, isScalar, parseDocument } from 'yaml';
import { canonical } from './rulePlan';
import { isoDuration, isoMinutes } from './sentinelRuleFields';

/**
 * Rule files written by `kqlhunt pull`: a new file for a rule the repository lacks, and an
 * existing file brought up to date in place. Updating goes through the `yaml` package's document
 * model, so comments, key order and the keys that are not deployed (requiredDataConnectors,
 * metadata) stay as they were; only the fields that differ are rewritten.
 */

/** The rule file keys that deploy reads, and so the ones pull may rewrite. */
const DEPLOYED_KEYS = [
  'name',
  'description',
  'severity',
  'queryFrequency',
  'queryPeriod',
  'triggerOperator',
  'triggerThreshold',
  'tactics',
  'relevantTechniques',
  'query',
  'entityMappings',
  'customDetails',
  'alertDetailsOverride',
  'eventGroupingSettings',
  'incidentConfiguration',
  'enabled',
  'suppressionEnabled',
  'suppressionDuration',
  'version',
  'kind',
];

/** What a key means when a file leaves it out; a file may also spell the default out. */
const DEFAULTS: Record<string, unknown> = {
  enabled: true,
  suppressionEnabled: false,
  suppressionDuration: '5h',
};

const YAML_OPTIONS = { lineWidth: 0 } as const;

/** Rule files may spell the trigger operator either way; both mean the same. */
const OPERATOR_NAMES: Record<string, string> = {
  GreaterThan: 'gt',
  LessThan: 'lt',
  Equal: 'eq',
  NotEqual: 'ne',
};

/**
 * A new rule file's text. A deployed rule does not keep the data connectors its file listed, yet
 * Sentinel's template checks require the key, so the file gets an empty list, placed where rule
 * files have it, with a comment asking for the connectors.
 */
export function newRuleYaml(fields: Record<string, unknown>): string {
  const ordered: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (key === 'queryFrequency' || (key === 'query' && !('requiredDataConnectors' in ordered)))
      ordered.requiredDataConnectors ??= [];
    ordered[key] = value;
  }
  ordered.requiredDataConnectors ??= [];
  const doc = new Document(ordered);
  const root = doc.contents;
  const pair = isMap(root)
    ? root.items.find((p) => isScalar(p.key) && p.key.value === 'requiredDataConnectors')
    : undefined;
  if (pair && isScalar(pair.key))
    pair.key.commentBefore =
      ' Written by kqlhunt pull: a deployed rule does not keep its data connectors; list them here.';
  return doc.toString(YAML_OPTIONS);
}

function sameField(key: string, a: unknown, b: unknown): boolean {
  if (key === 'queryFrequency' || key === 'queryPeriod' || key === 'suppressionDuration') {
    const x = isoDuration(a);
    const y = isoDuration(b);
    if (x && y) return isoMinutes(x) === isoMinutes(y);
  }
  if (key === 'triggerOperator' && typeof a === 'string' && typeof b === 'string')
    return (OPERATOR_NAMES[a] ?? a) === (OPERATOR_NAMES[b] ?? b);
  if (typeof a === 'string' && typeof b === 'string') return a.trimEnd() === b.trimEnd();
  return canonical(a) === canonical(b);
}

/** `text` with the deployed fields set to `fields`; undefined when nothing needs to change. */
export function updatedRuleYaml(text: string, fields: Record<string, unknown>): string | undefined {
  const doc = parseDocument(text);
  const current = (doc.toJS() ?? {}) as Record<string, unknown>;
  let changed = false;
  for (const key of DEPLOYED_KEYS) {
    const want = fields[key] ?? DEFAULTS[key];
    const have = current[key] ?? DEFAULTS[key];
    if (sameField(key, have, want)) continue;
    changed = true;
    if (fields[key] === undefined) doc.delete(key);
    else doc.set(key, fields[key]);
  }
  return changed ? doc.toString(YAML_OPTIONS) : undefined;
}

/**
 * A file name for a rule from its display name, in the kebab case many rule repositories use:
 * `Many failed sign-ins` becomes `many-failed-sign-ins`. Falls back to `fallback` (the id) when
 * the name leaves nothing usable.
 */
export function ruleFileStem(displayName: unknown, fallback: string): string {
  const stem = String(displayName ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return stem || fallback.replace(/[^A-Za-z0-9_-]+/g, '-');
}
