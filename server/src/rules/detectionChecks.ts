import type { Node } from 'jsonc-parser';
import { jsonProperty, type ParsedDetectionJson } from '../documents/detectionRuleJson';
import {
  ASSET_IDENTIFIERS,
  assetKindOf,
  GRAPH_SEVERITIES,
  isoDurationMinutes,
  PERIOD_MINUTES,
  periodOf,
  type AssetKind,
} from './convert/detectionRuleShape';
import type { QueryFacts } from './queryFacts';
import { FindingList, type RuleFinding } from './ruleFindings';

/**
 * The requirements a Defender XDR custom detection must meet, checked on a Graph `detectionRule`
 * JSON file. Columns come from the engine's binding of the query (queryFacts), as for Sentinel's
 * entity mappings, and are skipped when the result's shape is not known. Sources:
 * - required columns, frequencies, continuous (NRT) queries and tables, one impacted column per
 *   entity type: https://learn.microsoft.com/defender-xdr/custom-detection-rules
 * - schedule frequencies and look-backs, severities, entity mappings and the properties removed on
 *   2026-10-01: https://learn.microsoft.com/graph/api/resources/security-ruleschedule?view=graph-rest-beta
 *   and https://learn.microsoft.com/graph/api/resources/security-alerttemplate?view=graph-rest-beta
 */
const ENTITY_COLUMNS = [
  'DeviceId',
  'DeviceName',
  'RemoteDeviceName',
  'RecipientEmailAddress',
  'SenderFromAddress',
  'SenderMailFromAddress',
  'RecipientObjectId',
  'AccountObjectId',
  'AccountSid',
  'AccountUpn',
  'InitiatingProcessAccountSid',
  'InitiatingProcessAccountUpn',
  'InitiatingProcessAccountObjectId',
];

const CONTINUOUS_TABLES = new Set([
  'AlertEvidence',
  'CloudAppEvents',
  'DeviceEvents',
  'DeviceFileCertificateInfo',
  'DeviceFileEvents',
  'DeviceImageLoadEvents',
  'DeviceLogonEvents',
  'DeviceNetworkEvents',
  'DeviceNetworkInfo',
  'DeviceInfo',
  'DeviceProcessEvents',
  'DeviceRegistryEvents',
  'EmailAttachmentInfo',
  'EmailEvents',
  'EmailPostDeliveryEvents',
  'EmailUrlInfo',
  'IdentityDirectoryEvents',
  'IdentityLogonEvents',
  'IdentityQueryEvents',
  'UrlClickEvents',
]);

/** JSON nodes as the finding list wants them: a node with a document `range`. */
function at(node: Node | undefined): { range: [number, number] } | undefined {
  return node ? { range: [node.offset, node.offset + node.length] } : undefined;
}

export function detectionChecks(detection: ParsedDetectionJson, facts?: QueryFacts): RuleFinding[] {
  const { root } = detection;
  const out = new FindingList([root.offset, root.offset + 1]);
  const displayName = jsonProperty(root, 'displayName');
  const schedule = jsonProperty(root, 'schedule');
  const period = jsonProperty(schedule, 'frequency') ?? jsonProperty(schedule, 'period');
  const template = jsonProperty(jsonProperty(root, 'detectionAction'), 'alertTemplate');
  const required: [string, Node | undefined, Node | undefined][] = [
    ['displayName', displayName, root],
    ['schedule.frequency', period, schedule ?? root],
    ['detectionAction.alertTemplate', template, root],
    ['alertTemplate.title', jsonProperty(template, 'title'), template],
    ['alertTemplate.severity', jsonProperty(template, 'severity'), template],
  ];
  for (const [field, node, parent] of required)
    if (!node || (node.type === 'string' && String(node.value).trim() === ''))
      out.add('rule-defender-required-field', at(node ?? (parent === root ? undefined : parent)), { field });
  if (!detection.region.text.trim())
    out.add('rule-defender-required-field', at(detection.queryNode), { field: 'queryCondition.queryText' });

  const periodValue = period && typeof period.value === 'string' ? period.value : undefined;
  // `frequency` is an ISO 8601 duration; the removed `period` used its own names ("1H").
  const iso = period === jsonProperty(schedule, 'frequency');
  if (
    period &&
    (periodValue === undefined ||
      !periodOf(periodValue) ||
      (iso && isoDurationMinutes(periodValue) === undefined))
  )
    out.add('rule-defender-frequency', at(period), { value: String(period.value) });
  removedFieldChecks(schedule, template, out);
  lookbackChecks(schedule, periodValue, out);
  const severity = jsonProperty(template, 'severity');
  if (severity && !GRAPH_SEVERITIES.some((s) => s === String(severity.value).toLowerCase()))
    out.add('rule-defender-severity', at(severity), { value: String(severity.value) });

  const columns = facts?.outputColumns;
  if (columns) columnChecks(detection, columns, facts!, out);
  impactedAssetChecks(template, columns, out);
  entityMappingChecks(template, columns, out);
  if (periodValue !== undefined && periodOf(periodValue) === '0') continuousChecks(detection, facts, out);
  return out.items;
}

function columnChecks(
  detection: ParsedDetectionJson,
  columns: readonly string[],
  facts: QueryFacts,
  out: FindingList,
): void {
  const has = (name: string) => columns.includes(name);
  const anchor = at(detection.queryNode);
  const expected = summarize(columns);
  if (!has('Timestamp'))
    out.add('rule-defender-required-column', anchor, {
      value: 'Timestamp',
      why: "it sets the alert's time",
      expected,
    });
  // ReportId links the alert to its events: a table of state without one (the Tvm tables) has
  // none to return, so the requirement holds when a table read has the column. Without that fact,
  // Defender's event tables are recognised by name.
  const eventTables = facts.tablesWithReportId ?? facts.tablesRead.filter((t) => /Events$/.test(t));
  if (!has('ReportId') && eventTables.length > 0)
    out.add('rule-defender-required-column', anchor, {
      value: 'ReportId',
      why: `it links the alert to the events of ${eventTables.join(', ')}`,
      expected,
    });
  if (!ENTITY_COLUMNS.some(has))
    out.add('rule-defender-entity-column', anchor, { expected: ENTITY_COLUMNS.join(', '), value: expected });
}

function impactedAssetChecks(
  template: Node | undefined,
  columns: readonly string[] | undefined,
  out: FindingList,
) {
  const assets = jsonProperty(template, 'impactedAssets');
  const seen = new Map<AssetKind, string>();
  for (const asset of assets?.type === 'array' ? (assets.children ?? []) : []) {
    const typeNode = jsonProperty(asset, '@odata.type');
    const identifierNode = jsonProperty(asset, 'identifier');
    const kind = typeof typeNode?.value === 'string' ? assetKindOf(typeNode.value) : undefined;
    if (!kind) {
      out.add('rule-defender-impacted-asset', at(typeNode ?? asset), {
        message: `'@odata.type' must be #microsoft.graph.security.impactedDeviceAsset, impactedUserAsset or impactedMailboxAsset, not '${String(typeNode?.value ?? '')}'.`,
      });
      continue;
    }
    const identifier = typeof identifierNode?.value === 'string' ? identifierNode.value : '';
    const column = ASSET_IDENTIFIERS[kind][identifier];
    if (!column) {
      out.add('rule-defender-impacted-asset', at(identifierNode ?? asset), {
        message: `'${identifier}' is not an identifier of a ${kind} asset. Valid identifiers: ${Object.keys(ASSET_IDENTIFIERS[kind]).join(', ')}.`,
      });
      continue;
    }
    if (columns && !columns.includes(column))
      out.add('rule-defender-impacted-asset', at(identifierNode), {
        message: `The ${kind} asset '${identifier}' needs the column ${column}, which the query does not return.`,
      });
    const earlier = seen.get(kind);
    if (earlier)
      out.add('rule-defender-impacted-asset', at(asset), {
        message: `A custom detection takes one ${kind} column; '${earlier}' is already chosen.`,
      });
    seen.set(kind, identifier);
  }
}

/** What replaces each removed property, as the finding says it. */
const REMOVED: readonly [string, 'schedule' | 'template', string][] = [
  ['period', 'schedule', "use 'frequency' (PT0S, PT1H, PT3H, PT12H or P1D)"],
  ['nextRunDateTime', 'schedule', 'the service sets the next run; remove it'],
  ['impactedAssets', 'template', "use 'entityMappings' (accounts, hosts, mailboxes, ...)"],
  ['category', 'template', "use 'tactics'"],
  ['mitreTechniques', 'template', "list the techniques under 'tactics'"],
];

function removedFieldChecks(schedule: Node | undefined, template: Node | undefined, out: FindingList) {
  for (const [field, where, instead] of REMOVED) {
    const node = jsonProperty(where === 'schedule' ? schedule : template, field);
    if (node)
      out.add('rule-defender-removed-field', at(node.parent?.children?.[0] ?? node), { field, instead });
  }
}

/** A look-back is at least the frequency, and a continuous rule has none. */
function lookbackChecks(schedule: Node | undefined, frequency: string | undefined, out: FindingList) {
  const lookback = jsonProperty(schedule, 'lookback');
  if (!lookback || frequency === undefined) return;
  const period = periodOf(frequency);
  const minutes = typeof lookback.value === 'string' ? isoDurationMinutes(lookback.value) : undefined;
  if (!period) return;
  if (period === '0')
    out.add('rule-defender-lookback', at(lookback), {
      message: `A continuous (${frequency}) custom detection takes no 'lookback'.`,
    });
  else if (minutes === undefined || minutes < PERIOD_MINUTES[period])
    out.add('rule-defender-lookback', at(lookback), {
      message: `'lookback' must be an ISO 8601 duration at least as long as the frequency ${frequency}, not '${String(lookback.value)}'.`,
    });
}

/** Each entity mapping names columns; those the query does not return are reported. */
function entityMappingChecks(
  template: Node | undefined,
  columns: readonly string[] | undefined,
  out: FindingList,
) {
  const configuration = jsonProperty(template, 'entityMappings');
  if (!configuration || !columns) return;
  for (const kind of configuration.children ?? []) {
    const list = kind.children?.[1];
    for (const item of list?.type === 'array' ? (list.children ?? []) : [])
      for (const property of item.children ?? []) {
        const [key, value] = property.children ?? [];
        if (!key || !value || typeof value.value !== 'string' || !String(key.value).endsWith('Column'))
          continue;
        if (!columns.includes(value.value))
          out.add('rule-defender-entity-mapping', at(value), {
            message: `The ${String(kind.children?.[0]?.value)} mapping's ${String(key.value)} names '${value.value}', which the query does not return.`,
          });
      }
  }
}

function continuousChecks(
  detection: ParsedDetectionJson,
  facts: QueryFacts | undefined,
  out: FindingList,
): void {
  const anchor = at(detection.queryNode);
  // Quoted text is blanked so that a string holding `//` or `join` is not taken for one.
  const text = detection.region.text.replace(/@?"(?:[^"\\\n]|\\.)*"|@?'(?:[^'\\\n]|\\.)*'/g, (m) =>
    ' '.repeat(m.length),
  );
  const tables = facts?.tablesRead ?? [];
  if (tables.length > 1)
    out.add('rule-defender-continuous-query', anchor, {
      message: `reads one table; this query reads ${tables.join(', ')}.`,
    });
  for (const table of tables)
    if (!CONTINUOUS_TABLES.has(table))
      out.add('rule-defender-continuous-query', anchor, {
        message: `cannot read ${table}; it is not among the tables that support continuous frequency.`,
      });
  const operator = /(?:^|\|)\s*(join|union)\b|\b(externaldata)\b/m.exec(text);
  if (operator)
    out.add('rule-defender-continuous-query', anchor, {
      message: `cannot use ${operator[1] ?? operator[2]}.`,
    });
  if (text.includes('//'))
    out.add('rule-defender-continuous-query', anchor, { message: 'cannot hold comments.' });
}

function summarize(columns: readonly string[]): string {
  return columns.length <= 12
    ? columns.join(', ')
    : `${columns.slice(0, 12).join(', ')} and ${columns.length - 12} more`;
}
