import { isMap } from 'yaml';
import type { ParsedRuleYaml } from '../../documents/ruleYaml';
import { itemsOf, scalarText, valueOf } from '../ruleFindings';
import { parseRuleTimeSpan } from '../timeSpan';
import { toDefenderTactics } from './attackFields';
import { toAlertEntityMappings } from './alertEntityMappings';
import { GRAPH_SEVERITIES, type DetectionRule, type GraphSeverity } from './detectionRuleShape';
import type { SentinelEntityMapping } from './entityAssets';
import { keepQuery, type ConvertQuery, type RuleConversion } from './queryConversion';
import { toDefenderSchedule } from './scheduleFields';

/**
 * A Sentinel analytic rule (scheduled or NRT) as a Defender XDR custom detection. The rule's
 * fields are read from the parsed YAML the rule checks use, so a file the checks accept converts
 * the same way the editor sees it; what has no counterpart is listed rather than dropped silently.
 */
export function sentinelToDefender(
  rule: ParsedRuleYaml,
  convertQuery: ConvertQuery = keepQuery,
): RuleConversion<DetectionRule> {
  if (rule.type === 'hunting')
    return {
      ok: false,
      reason:
        "A hunting query has no schedule or alert; only analytic rules ('kind: Scheduled' or 'NRT') convert to custom detections.",
    };
  const root = rule.root;
  const text = (field: string) => scalarText(valueOf(root, field));
  const list = (field: string) =>
    (itemsOf(valueOf(root, field)) ?? []).map(scalarText).filter((t): t is string => t !== undefined);
  const notConverted: string[] = [];

  // A literal block ends in a line break that belongs to YAML, not to the query.
  const source = (rule.region?.text ?? text('query') ?? '').replace(/\n+$/, '');
  const query = convertQuery(source, 'sentinel', 'defender');
  notConverted.push(...query.notConverted);
  const minutes = (field: string) => {
    const value = text(field);
    return value === undefined ? undefined : parseRuleTimeSpan(value);
  };
  const schedule = toDefenderSchedule(rule.type, minutes('queryFrequency'), minutes('queryPeriod'));
  notConverted.push(...schedule.notConverted);
  const attack = toDefenderTactics(list('tactics'), list('relevantTechniques'));
  notConverted.push(...attack.notConverted);
  const entities = toAlertEntityMappings(entityMappingsOf(root));
  notConverted.push(...entities.notConverted);
  notConverted.push(...unmappedFields(rule));

  const name = text('name') ?? '';
  const description = (text('description') ?? '').trim();
  const detection: DetectionRule = {
    ...(text('id') ? { id: text('id') } : {}),
    displayName: name,
    isEnabled: true,
    queryCondition: { queryText: query.text },
    schedule: schedule.schedule,
    detectionAction: {
      alertTemplate: {
        title: name,
        description,
        severity: severityOf(text('severity'), notConverted),
        tactics: attack.tactics,
        entityMappings: entities.entityMappings,
      },
      responseActions: [],
    },
  };
  return { ok: true, rule: detection, notConverted, notes: query.notes ?? [] };
}

/** The entity mappings as plain values; malformed entries are the rule checks' business. */
export function entityMappingsOf(root: unknown): SentinelEntityMapping[] {
  return (itemsOf(valueOf(root, 'entityMappings')) ?? []).filter(isMap).map((mapping) => ({
    entityType: scalarText(valueOf(mapping, 'entityType')) ?? '',
    fieldMappings: (itemsOf(valueOf(mapping, 'fieldMappings')) ?? []).flatMap((field) => {
      const identifier = scalarText(valueOf(field, 'identifier'));
      const columnName = scalarText(valueOf(field, 'columnName'));
      return identifier && columnName ? [{ identifier, columnName }] : [];
    }),
  }));
}

function severityOf(text: string | undefined, notConverted: string[]): GraphSeverity {
  const lower = text?.toLowerCase();
  const match = GRAPH_SEVERITIES.find((s) => s === lower);
  if (match) return match;
  notConverted.push(`Severity '${text ?? ''}' is not one Defender knows; the alert is Medium.`);
  return 'medium';
}

/**
 * Sentinel fields a custom detection has no place for. Their absence changes how the alert
 * behaves, so each is named.
 */
const SENTINEL_ONLY = [
  'customDetails',
  'alertDetailsOverride',
  'eventGroupingSettings',
  'incidentConfiguration',
  'suppressionDuration',
  'suppressionEnabled',
  'sentinelEntitiesMappings',
];

function unmappedFields(rule: ParsedRuleYaml): string[] {
  const out: string[] = [];
  for (const field of SENTINEL_ONLY)
    if (valueOf(rule.root, field) !== undefined)
      out.push(`'${field}' has no counterpart in a Defender custom detection and was left out.`);
  const threshold = scalarText(valueOf(rule.root, 'triggerThreshold'));
  const operator = scalarText(valueOf(rule.root, 'triggerOperator'));
  // A custom detection alerts on every result row, which is Sentinel's "more than 0".
  if (threshold !== undefined && !(/^(gt|GreaterThan)$/.test(operator ?? 'gt') && threshold === '0'))
    out.push(
      `The trigger '${operator ?? 'gt'} ${threshold}' has no counterpart: a custom detection alerts on every row; filter the query instead.`,
    );
  return out;
}
