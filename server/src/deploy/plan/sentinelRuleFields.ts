import { parseRuleTimeSpan } from '../../rules/timeSpan';

/**
 * The mapping between a Sentinel analytic rule as a repository holds it (the YAML of the
 * Azure-Sentinel repository layout: `name`, `queryFrequency: 1h`, `triggerOperator: gt`,
 * `relevantTechniques`, ...) and the `properties` of a Microsoft.SecurityInsights/alertRules
 * resource (`displayName`, `queryFrequency: PT1H`, `triggerOperator: GreaterThan`,
 * `techniques` and `subTechniques`, ...), in both directions.
 *
 * The resource shape follows the documented REST contract, "Alert Rules - Create Or Update":
 * https://learn.microsoft.com/en-us/rest/api/securityinsights/alert-rules/create-or-update
 * (api-version 2024-09-01, kinds Scheduled and NRT), and the template reference
 * https://learn.microsoft.com/en-us/azure/templates/microsoft.securityinsights/alertrules.
 */

export type AlertRuleKind = 'Scheduled' | 'NRT';

/** The part of an alertRules resource that a rule file decides. */
export interface ArmAlertRule {
  kind: AlertRuleKind;
  properties: Record<string, unknown>;
}

/** A field of `properties` that holds an ISO 8601 duration, compared by length not by spelling. */
export const DURATION_FIELDS = new Set(['queryFrequency', 'queryPeriod', 'suppressionDuration']);

const OPERATORS: Record<string, string> = {
  gt: 'GreaterThan',
  lt: 'LessThan',
  eq: 'Equal',
  ne: 'NotEqual',
};

/** `5h` (or a .NET TimeSpan, as Sentinel's template validation accepts) as ISO 8601 `PT5H`. */
export function isoDuration(text: unknown): string | undefined {
  if (typeof text !== 'string' && typeof text !== 'number') return undefined;
  const s = String(text).trim();
  if (/^P/i.test(s)) return isoMinutes(s) === undefined ? undefined : s.toUpperCase();
  const minutes = parseRuleTimeSpan(s);
  if (minutes === undefined) return undefined;
  return minutesToIso(minutes);
}

export function minutesToIso(minutes: number): string {
  if (minutes > 0 && minutes % 1440 === 0) return `P${minutes / 1440}D`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes - hours * 60;
  return `PT${hours ? `${hours}H` : ''}${rest || !hours ? `${rest}M` : ''}`;
}

/** The length of an ISO 8601 duration such as `PT1H30M` or `P1DT2H`, in minutes. */
export function isoMinutes(text: string): number | undefined {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i.exec(text.trim());
  if (!m || text.trim().length <= 1) return undefined;
  return Number(m[1] ?? 0) * 1440 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0) + Number(m[4] ?? 0) / 60;
}

/** `PT5H` as the short form rule files use, `5h`. */
function shortDuration(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const minutes = isoMinutes(value);
  if (minutes === undefined || !Number.isInteger(minutes)) return value;
  if (minutes > 0 && minutes % 1440 === 0) return `${minutes / 1440}d`;
  if (minutes > 0 && minutes % 60 === 0) return `${minutes / 60}h`;
  return `${minutes}m`;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `T1059.001` goes to subTechniques with its parent `T1059` in techniques, as the API splits them. */
function splitTechniques(list: unknown): { techniques: string[]; subTechniques: string[] } {
  const techniques: string[] = [];
  const subTechniques: string[] = [];
  for (const t of Array.isArray(list) ? list : []) {
    if (typeof t !== 'string') continue;
    const parent = t.split('.')[0];
    if (!techniques.includes(parent)) techniques.push(parent);
    if (t.includes('.') && !subTechniques.includes(t)) subTechniques.push(t);
  }
  return { techniques, subTechniques };
}

/** The reverse of splitTechniques: each technique, or its sub-techniques where there are any. */
function joinTechniques(techniques: unknown, subTechniques: unknown): string[] {
  const subs = Array.isArray(subTechniques) ? subTechniques.filter((s) => typeof s === 'string') : [];
  const out: string[] = [];
  for (const t of Array.isArray(techniques) ? techniques : []) {
    if (typeof t !== 'string') continue;
    const own = subs.filter((s) => s.split('.')[0] === t);
    out.push(...(own.length ? own : [t]));
  }
  for (const s of subs) if (!out.includes(s)) out.push(s);
  return out;
}

/** Problems that stop a rule file from becoming a resource at all (the rule checks report the rest). */
export type RuleMappingResult = { ok: true; id: string; rule: ArmAlertRule } | { ok: false; reason: string };

/** A parsed rule YAML object as the `kind` and `properties` of an alertRules resource. */
export function armRuleFromYaml(yaml: Record<string, unknown>): RuleMappingResult {
  const id = typeof yaml.id === 'string' ? yaml.id.trim() : '';
  if (!id) return { ok: false, reason: "the rule has no 'id', which names the deployed rule" };
  const kind = yaml.kind === 'NRT' ? 'NRT' : yaml.kind === 'Scheduled' ? 'Scheduled' : undefined;
  if (!kind) return { ok: false, reason: 'only analytic rules (kind: Scheduled or NRT) are deployed' };
  if (typeof yaml.name !== 'string' || typeof yaml.query !== 'string')
    return { ok: false, reason: "the rule needs a 'name' and a 'query'" };
  const p: Record<string, unknown> = {
    displayName: yaml.name,
    ...(typeof yaml.description === 'string' ? { description: yaml.description } : {}),
    severity: typeof yaml.severity === 'string' ? yaml.severity : 'Medium',
    enabled: yaml.enabled !== false,
    query: yaml.query,
  };
  if (kind === 'Scheduled') {
    for (const field of ['queryFrequency', 'queryPeriod'] as const) {
      const iso = isoDuration(yaml[field]);
      if (!iso) return { ok: false, reason: `'${field}' is missing or not a duration such as 1h` };
      p[field] = iso;
    }
    const op = typeof yaml.triggerOperator === 'string' ? yaml.triggerOperator : 'gt';
    p.triggerOperator = OPERATORS[op] ?? op;
    p.triggerThreshold = typeof yaml.triggerThreshold === 'number' ? yaml.triggerThreshold : 0;
  }
  if (Array.isArray(yaml.tactics)) p.tactics = yaml.tactics;
  if (Array.isArray(yaml.relevantTechniques)) {
    const { techniques, subTechniques } = splitTechniques(yaml.relevantTechniques);
    p.techniques = techniques;
    if (subTechniques.length) p.subTechniques = subTechniques;
  }
  for (const field of ['entityMappings', 'customDetails', 'alertDetailsOverride', 'eventGroupingSettings'])
    if (yaml[field] !== undefined && yaml[field] !== null) p[field] = yaml[field];
  if (isObject(yaml.incidentConfiguration))
    p.incidentConfiguration = incidentToArm(yaml.incidentConfiguration);
  p.suppressionDuration = isoDuration(yaml.suppressionDuration) ?? 'PT5H';
  p.suppressionEnabled = yaml.suppressionEnabled === true;
  if (typeof yaml.version === 'string') p.templateVersion = yaml.version;
  return { ok: true, id, rule: { kind, properties: p } };
}

function incidentToArm(config: Record<string, unknown>): Record<string, unknown> {
  const grouping = config.groupingConfiguration;
  if (!isObject(grouping)) return config;
  const lookback = isoDuration(grouping.lookbackDuration);
  return {
    ...config,
    groupingConfiguration: { ...grouping, ...(lookback ? { lookbackDuration: lookback } : {}) },
  };
}

function incidentToYaml(config: Record<string, unknown>): Record<string, unknown> {
  const grouping = config.groupingConfiguration;
  if (!isObject(grouping)) return config;
  const lookback = shortDuration(grouping.lookbackDuration);
  return {
    ...config,
    groupingConfiguration: { ...grouping, ...(lookback ? { lookbackDuration: lookback } : {}) },
  };
}

const YAML_OPERATORS: Record<string, string> = Object.fromEntries(
  Object.entries(OPERATORS).map(([short, long]) => [long, short]),
);

/**
 * A deployed rule as a rule file's fields, in the order rule files in the Azure-Sentinel layout
 * give them. Fields at their defaults (enabled, no suppression) are left out, so that a file
 * written by `pull` and deployed again makes no change.
 */
export function yamlFromArmRule(id: string, rule: ArmAlertRule): Record<string, unknown> {
  const p = rule.properties;
  const y: Record<string, unknown> = { id, name: p.displayName };
  if (p.description !== undefined) y.description = p.description;
  y.severity = p.severity;
  if (rule.kind === 'Scheduled') {
    y.queryFrequency = shortDuration(p.queryFrequency);
    y.queryPeriod = shortDuration(p.queryPeriod);
    y.triggerOperator = YAML_OPERATORS[String(p.triggerOperator)] ?? p.triggerOperator;
    y.triggerThreshold = p.triggerThreshold;
  }
  if (Array.isArray(p.tactics)) y.tactics = p.tactics;
  if (Array.isArray(p.techniques)) y.relevantTechniques = joinTechniques(p.techniques, p.subTechniques);
  y.query = p.query;
  for (const field of ['entityMappings', 'customDetails', 'alertDetailsOverride', 'eventGroupingSettings'])
    if (p[field] !== undefined && p[field] !== null) y[field] = p[field];
  if (isObject(p.incidentConfiguration)) y.incidentConfiguration = incidentToYaml(p.incidentConfiguration);
  if (p.enabled === false) y.enabled = false;
  if (p.suppressionEnabled === true) y.suppressionEnabled = true;
  const suppression = shortDuration(p.suppressionDuration);
  if (suppression !== undefined && suppression !== '5h') y.suppressionDuration = suppression;
  if (typeof p.templateVersion === 'string') y.version = p.templateVersion;
  y.kind = rule.kind;
  return y;
}
