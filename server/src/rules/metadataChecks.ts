import { isMap, isScalar, isSeq } from 'yaml';
import type { ParsedRuleYaml, RuleType } from '../documents/ruleYaml';
import { tacticsOfTechnique, TACTICS, TECHNIQUE_FORMAT } from './attackMatrix';
import { intendedTactic, intendedTechnique } from './attackCorrections';
import { CONNECTOR_IDS_AS_OF, KNOWN_CONNECTOR_IDS } from './connectorIds';
import { FindingList, isNullish, itemsOf, pairOf, scalarText, valueOf } from './ruleFindings';
import { formatMinutes, MAX_MINUTES, MIN_MINUTES, parseRuleTimeSpan } from './timeSpan';

/**
 * The checks on a rule's own fields, mirroring Sentinel's template validation: required
 * fields per rule type, formats, enumerations, limits and the cross-field constraints.
 */
const TYPE_LABEL: Record<RuleType, string> = {
  scheduled: 'a Scheduled analytic rule',
  nrt: 'an NRT analytic rule',
  hunting: 'a hunting query',
};

const REQUIRED: Record<RuleType, readonly string[]> = {
  scheduled: [
    'id',
    'name',
    'description',
    'severity',
    'requiredDataConnectors',
    'queryFrequency',
    'queryPeriod',
    'triggerOperator',
    'triggerThreshold',
    'query',
  ],
  nrt: ['id', 'name', 'description', 'severity', 'query'],
  hunting: ['id', 'name', 'description', 'query'],
};

const GUID = /^[{(]?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}[)}]?$/i;
const SEVERITIES = ['Informational', 'Low', 'Medium', 'High'];
const TRIGGER_OPERATORS = ['gt', 'lt', 'eq', 'ne', 'GreaterThan', 'LessThan', 'Equal', 'NotEqual'];
const VERSION = /^\d+\.\d+\.\d+$/;

export function metadataChecks(rule: ParsedRuleYaml, out: FindingList): void {
  const { root, type } = rule;
  const anchor = pairOf(root, 'kind')?.key ?? root.items[0]?.key;
  for (const field of REQUIRED[type]) {
    const pair = pairOf(root, field);
    if (!pair) out.add('rule-required-field', anchor, { field, ruleType: TYPE_LABEL[type] });
    else if (isNullish(pair.value))
      out.add('rule-required-field', pair.key, { field, ruleType: TYPE_LABEL[type] });
  }

  const kind = valueOf(root, 'kind');
  const kindText = scalarText(kind);
  if (kind !== undefined && kindText !== 'Scheduled' && kindText !== 'NRT')
    out.add('rule-kind', kind, { value: kindText ?? '' });

  const id = valueOf(root, 'id');
  const idText = scalarText(id);
  if (idText !== undefined && !GUID.test(idText)) out.add('rule-id-format', id, { value: idText });

  lengthCheck(root, 'name', 256, out);
  lengthCheck(root, 'description', 5000, out);
  if (type !== 'hunting') {
    lengthCheck(root, 'version', 20, out);
    const version = valueOf(root, 'version');
    const versionText = scalarText(version);
    if (versionText !== undefined && !VERSION.test(versionText))
      out.add('rule-version-format', version, { value: versionText });
    const severity = valueOf(root, 'severity');
    const severityText = scalarText(severity);
    if (severityText !== undefined && !SEVERITIES.some((s) => s.toLowerCase() === severityText.toLowerCase()))
      out.add('rule-severity', severity, { value: severityText });
  }

  attackChecks(rule, out);
  connectorChecks(rule, out);
  if (type === 'scheduled') {
    schedulingChecks(rule, out);
    triggerChecks(rule, out);
    const grouping = valueOf(valueOf(root, 'eventGroupingSettings'), 'aggregationKind');
    const groupingText = scalarText(grouping);
    if (groupingText !== undefined && groupingText !== 'SingleAlert' && groupingText !== 'AlertPerResult')
      out.add('rule-aggregation-kind', grouping, { value: groupingText });
  }
  if (type !== 'hunting') alertDetailsChecks(rule, out);

  const query = rule.queryPair.value;
  // The limit is the analytic rule API's; saved hunting queries may be longer.
  if (type !== 'hunting' && rule.region && rule.region.text.length > 10000)
    out.add('rule-length', rule.queryPair.key, {
      field: 'query',
      length: rule.region.text.length,
      max: 10000,
    });
  if (query !== undefined && !isNullish(query) && !(isScalar(query) && typeof query.value === 'string'))
    out.add('rule-field-type', query, { field: 'query', expected: 'a string' });
}

function lengthCheck(map: unknown, field: string, max: number, out: FindingList): void {
  const node = valueOf(map, field);
  const text = scalarText(node);
  if (text !== undefined && text.length > max)
    out.add('rule-length', node, { field, length: text.length, max });
}

/** A field that must be a list: a lone scalar gets the one-item-list fix. */
function listField(map: unknown, field: string, out: FindingList, example: string): unknown[] | undefined {
  const node = valueOf(map, field);
  if (node === undefined || isNullish(node)) return undefined;
  const items = itemsOf(node);
  if (items) return items;
  if (isScalar(node))
    out.add(
      'rule-expected-list',
      node,
      { field, value: scalarText(node) ?? example },
      { kind: 'toList', field },
    );
  else out.add('rule-field-type', node, { field, expected: 'a list' });
  return undefined;
}

function attackChecks(rule: ParsedRuleYaml, out: FindingList): void {
  const { root } = rule;
  const tacticsNode = valueOf(root, 'tactics');
  const tacticItems = listField(root, 'tactics', out, 'CommandAndControl');
  // A scalar tactic still counts for the technique check, so only one problem is reported.
  const tactics = new Set<string>();
  for (const item of tacticItems ?? (isNullish(tacticsNode) ? [] : [tacticsNode])) {
    const text = scalarText(item);
    // An empty list entry says nothing; it is not worth a finding.
    if (text === undefined) continue;
    const match = TACTICS.find((t) => t.toLowerCase() === text.toLowerCase());
    if (match) tactics.add(match);
    else if (tacticItems) {
      const near = intendedTactic(text);
      out.add(
        rule.type === 'hunting' ? 'rule-hunting-tactic' : 'rule-tactic',
        item,
        { value: text, hint: near ? ` Did you mean ${near}?` : ` Known tactics: ${TACTICS.join(', ')}.` },
        near ? { kind: 'replace', field: 'tactics', value: near } : undefined,
      );
    }
  }

  const techniquesNode = valueOf(root, 'relevantTechniques');
  const techniqueItems = listField(root, 'relevantTechniques', out, 'T1219');
  for (const item of techniqueItems ?? (isNullish(techniquesNode) ? [] : [techniquesNode])) {
    const text = scalarText(item);
    if (text === undefined) continue;
    if (!TECHNIQUE_FORMAT.test(text)) {
      const intended = intendedTechnique(text);
      out.add(
        'rule-technique-format',
        item,
        { value: text },
        intended ? { kind: 'replace', field: 'relevantTechniques', value: intended } : undefined,
      );
      continue;
    }
    const expected = tacticsOfTechnique(text);
    // A technique newer than the matrix above is not held against the rule.
    if (rule.type === 'scheduled' && expected.length > 0 && !expected.some((t) => tactics.has(t))) {
      out.add('rule-technique-tactic', item, { value: text, expected: expected.join(' or ') });
    }
  }
}

function connectorChecks(rule: ParsedRuleYaml, out: FindingList): void {
  const connectors = listField(
    rule.root,
    'requiredDataConnectors',
    out,
    '{ connectorId: ..., dataTypes: [...] }',
  );
  for (const connector of connectors ?? []) {
    if (!isMap(connector)) {
      out.add('rule-field-type', connector, {
        field: 'requiredDataConnectors',
        expected: 'a list of { connectorId, dataTypes }',
      });
      continue;
    }
    const id = valueOf(connector, 'connectorId');
    const idText = scalarText(id);
    if (idText !== undefined && !KNOWN_CONNECTOR_IDS.has(idText))
      out.add(rule.type === 'hunting' ? 'rule-hunting-connector-id' : 'rule-connector-id', id, {
        value: idText,
        asOf: CONNECTOR_IDS_AS_OF,
      });
    const dataTypes = pairOf(connector, 'dataTypes');
    if (!dataTypes)
      out.add('rule-required-field', connector.items[0]?.key ?? connector, {
        field: 'dataTypes',
        ruleType: 'each required data connector',
      });
    else if (!isNullish(dataTypes.value) && !isSeq(dataTypes.value)) {
      out.add(
        'rule-expected-list',
        dataTypes.value,
        { field: 'dataTypes', value: scalarText(dataTypes.value) ?? 'SecurityEvent' },
        { kind: 'toList', field: 'dataTypes' },
      );
    }
  }
}

function schedulingChecks(rule: ParsedRuleYaml, out: FindingList): void {
  const minutes: Record<string, number | undefined> = {};
  for (const field of ['queryFrequency', 'queryPeriod']) {
    const node = valueOf(rule.root, field);
    const text = scalarText(node);
    if (text === undefined) continue;
    const value = parseRuleTimeSpan(text);
    if (value === undefined) out.add('rule-timespan-format', node, { field, value: text });
    else if (value < MIN_MINUTES || value > MAX_MINUTES)
      out.add('rule-timespan-range', node, { field, value: text });
    else minutes[field] = value;
  }
  const frequency = minutes.queryFrequency;
  const period = minutes.queryPeriod;
  if (frequency === undefined || period === undefined) return;
  const periodNode = valueOf(rule.root, 'queryPeriod');
  if (period < frequency)
    out.add('rule-period-frequency', periodNode, {
      period: formatMinutes(period),
      frequency: formatMinutes(frequency),
    });
  else if (period >= 2 * 1440 && frequency < 60)
    out.add('rule-long-period-frequency', valueOf(rule.root, 'queryFrequency'));
}

function triggerChecks(rule: ParsedRuleYaml, out: FindingList): void {
  const operator = valueOf(rule.root, 'triggerOperator');
  const operatorText = scalarText(operator);
  if (operatorText !== undefined && !TRIGGER_OPERATORS.includes(operatorText))
    out.add('rule-trigger-operator', operator, { value: operatorText });
  const threshold = valueOf(rule.root, 'triggerThreshold');
  const thresholdText = scalarText(threshold);
  if (thresholdText !== undefined && !(/^\d+$/.test(thresholdText) && Number(thresholdText) <= 10000))
    out.add('rule-trigger-threshold', threshold, { value: thresholdText });
}

function alertDetailsChecks(rule: ParsedRuleYaml, out: FindingList): void {
  const override = valueOf(rule.root, 'alertDetailsOverride');
  for (const [field, max] of [
    ['alertDisplayNameFormat', 256],
    ['alertDescriptionFormat', 5000],
  ] as const) {
    lengthCheck(override, field, max, out);
    const node = valueOf(override, field);
    const placeholders = (scalarText(node) ?? '').match(/\{\{[^{}]*\}\}/g)?.length ?? 0;
    if (placeholders > 3) out.add('rule-placeholders', node, { field, count: placeholders });
  }
}
