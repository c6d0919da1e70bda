import { DURATION_FIELDS, isoMinutes } from './sentinelRuleFields';

/**
 * What a deployment would do, decided from the rules in the repository and the rules the
 * service holds, with nothing sent: each rule is created, changed (with the fields that differ)
 * or left alone; rules only the service holds are reported as drift. The same comparison serves
 * both platforms: Sentinel alertRules `properties` and Graph detectionRule objects.
 */

/** One field that differs: its dotted path and its value on each side. */
export interface FieldChange {
  field: string;
  /** The deployed value; undefined when the service does not set it. */
  before: unknown;
  after: unknown;
}

export type PlanAction = 'create' | 'change' | 'unchanged';

export interface PlanEntry<L> {
  action: PlanAction;
  /** The resource name or id the rule is deployed under. */
  key: string;
  local: L;
  /** For `change`: the fields whose deployed value differs. */
  changes: FieldChange[];
}

export interface RulePlan<L, R> {
  entries: PlanEntry<L>[];
  /** Rules the service holds that the repository does not. */
  remoteOnly: { key: string; remote: R }[];
}

/** Two values equal for deployment: durations by length, objects by content whatever their key order. */
function sameValue(field: string, a: unknown, b: unknown): boolean {
  if (DURATION_FIELDS.has(field) && typeof a === 'string' && typeof b === 'string') {
    const x = isoMinutes(a);
    const y = isoMinutes(b);
    if (x !== undefined && y !== undefined) return x === y;
  }
  // A block scalar's final line break (`|` against `|-`, or a portal that trims) is not a change.
  if (typeof a === 'string' && typeof b === 'string') return a.trimEnd() === b.trimEnd();
  return canonical(a) === canonical(b);
}

/** JSON with object keys sorted, so that key order never reads as a change. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

/** How two rules are compared. */
export interface CompareOptions {
  /**
   * True when the deployment replaces the whole rule (Sentinel's PUT): a field the service has and
   * the file lacks is then a change too. False when it patches (Graph's PATCH): only the file's
   * fields are compared, since the service keeps, and fills in, the others.
   */
  replaces: boolean;
  /** How far nested objects are split into separate changes, such as `detectionAction.alertTemplate.severity`. */
  depth: number;
}

/** The fields whose deployed value differs from the repository's. */
export function changedFields(
  local: Record<string, unknown>,
  remote: Record<string, unknown>,
  options: CompareOptions = { replaces: true, depth: 0 },
  prefix = '',
): FieldChange[] {
  const changes: FieldChange[] = [];
  const fields = options.replaces
    ? [...new Set([...Object.keys(local), ...Object.keys(remote)])]
    : Object.keys(local);
  for (const field of fields) {
    const after = local[field];
    const before = remote[field];
    if (after === undefined && (!options.replaces || before === undefined)) continue;
    const path = prefix + field;
    if (sameValue(field, before, after)) continue;
    if (options.depth > 0 && isPlainObject(after) && isPlainObject(before))
      changes.push(...changedFields(after, before, { ...options, depth: options.depth - 1 }, `${path}.`));
    else changes.push({ field: path, before, after });
  }
  return changes;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The plan for `locals` against `remotes`, matched by key; `fields` gives each side's comparable fields. */
export function planRules<L, R>(
  locals: readonly { key: string; rule: L }[],
  remotes: readonly { key: string; remote: R }[],
  fields: { local(rule: L): Record<string, unknown>; remote(rule: R): Record<string, unknown> },
  options: CompareOptions,
): RulePlan<L, R> {
  const byKey = new Map(remotes.map((r) => [r.key.toLowerCase(), r]));
  const entries: PlanEntry<L>[] = locals.map(({ key, rule }) => {
    const remote = byKey.get(key.toLowerCase());
    if (!remote) return { action: 'create', key, local: rule, changes: [] };
    const changes = changedFields(fields.local(rule), fields.remote(remote.remote), options);
    return { action: changes.length ? 'change' : 'unchanged', key, local: rule, changes };
  });
  const localKeys = new Set(locals.map((l) => l.key.toLowerCase()));
  return { entries, remoteOnly: remotes.filter((r) => !localKeys.has(r.key.toLowerCase())) };
}

/** A value for one line of a diff: strings as they are (first line, cut), the rest as JSON. */
export function showValue(value: unknown, max = 100): string {
  if (value === undefined) return '(not set)';
  const text = typeof value === 'string' ? JSON.stringify(value) : canonical(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
