import { Document, Scalar } from 'yaml';
import { fromDefenderTactics, toSentinelAttack } from './attackFields';
import { fromAlertEntityMappings } from './alertEntityMappings';
import { FREQUENCY_LIST, isoDurationMinutes, periodOf, type DefenderPeriod } from './detectionRuleShape';
import { assetsToEntityMappings } from './entityAssets';
import { stableGuid } from './stableGuid';
import { keepQuery, type ConvertQuery, type RuleConversion } from './queryConversion';
import { toSentinelSchedule } from './scheduleFields';

/**
 * A Defender XDR custom detection (Graph `detectionRule` JSON, already parsed) as Sentinel
 * analytic rule YAML in the layout of Sentinel's rule repository. Fields Sentinel needs that a
 * detection lacks get the values that behave like the detection: alert on any row (`gt 0`),
 * version 1.0.0, and the data connector of the tables the query reads when those are known.
 */
export interface ToSentinelOptions {
  readonly convertQuery?: ConvertQuery;
  /** Tables the (converted) query reads, as the engine bound them; connectors are left empty without. */
  readonly tablesRead?: readonly string[];
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Defender XDR tables as they arrive in Sentinel through the Microsoft Defender XDR connector. */
const DEFENDER_XDR_TABLE =
  /^(Device\w+|Email\w+|Identity\w+|CloudAppEvents|AlertInfo|AlertEvidence|UrlClickEvents)$/;
const DEFENDER_XDR_CONNECTOR = 'MicrosoftThreatProtection';

export function defenderToSentinel(
  detection: unknown,
  options: ToSentinelOptions = {},
): RuleConversion<string> {
  const root = asObject(detection);
  const condition = asObject(root?.queryCondition);
  const queryText = condition?.queryText;
  if (!root || typeof queryText !== 'string')
    return {
      ok: false,
      reason: 'The JSON is not a custom detection: it has no queryCondition.queryText string.',
    };
  const notConverted: string[] = [];
  const action = asObject(root.detectionAction);
  const template = asObject(action?.alertTemplate) ?? {};
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const strings = (value: unknown) =>
    Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

  const query = (options.convertQuery ?? keepQuery)(queryText, 'defender', 'sentinel');
  notConverted.push(...query.notConverted);

  const scheduleNode = asObject(root.schedule);
  // `frequency` is the current property; `period` is the removed one older files and tenants hold.
  const periodText = text(scheduleNode?.frequency) ?? text(scheduleNode?.period);
  let period: DefenderPeriod | undefined = periodText === undefined ? undefined : periodOf(periodText);
  if (!period) {
    notConverted.push(
      `The schedule '${periodText ?? ''}' is not a Defender frequency (${FREQUENCY_LIST}); the rule runs every 24 hours.`,
    );
    period = '24H';
  }
  const lookbackText = text(scheduleNode?.lookback);
  const schedule = toSentinelSchedule(period, lookbackText ? isoDurationMinutes(lookbackText) : undefined);
  notConverted.push(...schedule.notConverted);

  // The current shape lists `tactics`; the removed one a `category` and `mitreTechniques`.
  const attack = Array.isArray(template.tactics)
    ? fromDefenderTactics(template.tactics)
    : { ...toSentinelAttack(text(template.category), strings(template.mitreTechniques)), notConverted: [] };
  notConverted.push(...attack.notConverted);
  const entities =
    template.entityMappings !== undefined
      ? fromAlertEntityMappings(template.entityMappings)
      : assetsToEntityMappings(Array.isArray(template.impactedAssets) ? template.impactedAssets : []);
  notConverted.push(...entities.notConverted);
  if (root.isEnabled === false)
    notConverted.push(
      'The detection is turned off; a Sentinel rule file has no such flag, so the rule runs once deployed.',
    );
  if (text(template.recommendedActions))
    notConverted.push("'recommendedActions' has no field in a Sentinel rule and was left out.");
  const responses = Array.isArray(action?.responseActions) ? action.responseActions : [];
  if (responses.length > 0)
    notConverted.push(
      `${responses.length} response action(s) have no counterpart in a Sentinel rule (use an automation rule or playbook).`,
    );

  const name = text(root.displayName) ?? text(template.title) ?? '';
  if (text(template.title) && text(template.title) !== name)
    notConverted.push(
      `The alert title '${text(template.title)}' differs from the rule name; Sentinel names alerts after the rule.`,
    );
  const id = text(root.id);
  const severity = text(template.severity);
  const tables = options.tablesRead;
  const connectorTables = (tables ?? []).filter((t) => DEFENDER_XDR_TABLE.test(t));
  if (!tables)
    notConverted.push("The tables the query reads are not known, so 'requiredDataConnectors' is empty.");
  else if (connectorTables.length < tables.length)
    notConverted.push(
      `No data connector is known for ${tables.filter((t) => !DEFENDER_XDR_TABLE.test(t)).join(', ')}; add it to 'requiredDataConnectors'.`,
    );

  const fields: [string, unknown][] = [
    ['id', id && GUID.test(id) ? id : stableGuid(`${id ?? ''}\n${name}`)],
    ['name', name],
    ['description', block(`${text(template.description) ?? text(root.description) ?? ''}`.trimEnd() + '\n')],
    ['severity', severity ? severity.charAt(0).toUpperCase() + severity.slice(1).toLowerCase() : 'Medium'],
    [
      'requiredDataConnectors',
      connectorTables.length > 0 ? [{ connectorId: DEFENDER_XDR_CONNECTOR, dataTypes: connectorTables }] : [],
    ],
    ...(schedule.schedule.kind === 'Scheduled'
      ? ([
          ['queryFrequency', schedule.schedule.queryFrequency],
          ['queryPeriod', schedule.schedule.queryPeriod],
          ['triggerOperator', 'gt'],
          ['triggerThreshold', 0],
        ] as [string, unknown][])
      : []),
    ['tactics', attack.tactics],
    ['relevantTechniques', attack.relevantTechniques],
    ['query', block(query.text.replace(/\n+$/, '') + '\n')],
    ...(entities.mappings.length > 0 ? ([['entityMappings', entities.mappings]] as [string, unknown][]) : []),
    ['version', '1.0.0'],
    ['kind', schedule.schedule.kind],
  ];
  return { ok: true, rule: yamlOf(fields), notConverted, notes: query.notes ?? [] };
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** A multi-line text kept as a literal block (`|`), as the rule repository writes queries. */
function block(text: string): Scalar {
  const scalar = new Scalar(text);
  scalar.type = Scalar.BLOCK_LITERAL;
  return scalar;
}

function yamlOf(fields: [string, unknown][]): string {
  const document = new Document({});
  for (const [key, value] of fields)
    document.set(key, value instanceof Scalar ? value : document.createNode(value));
  return document.toString({ lineWidth: 0, indentSeq: true });
}
