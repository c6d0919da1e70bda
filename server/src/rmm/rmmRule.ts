import { KIND_LABELS, type DetectionKind, type RmmTool } from './rmmLibrary';
import { rmmDetectionQuery } from './rmmQueries';

/**
 * Complete Microsoft Sentinel scheduled analytic rules for RMM detections, as YAML in the shape
 * of the Azure-Sentinel repository's rule templates. The query is the `rule` variant of the
 * generated detection, so the rule's queryPeriod bounds it.
 */
export interface RuleOptions {
  /** The rule's GUID; the caller supplies it so that this module stays pure and testable. */
  id: string;
  severity?: 'Informational' | 'Low' | 'Medium' | 'High';
}

/** A YAML scalar: plain when that cannot be misread, else a double-quoted (JSON) string. */
function yamlScalar(value: string): string {
  const plainSafe = /^[A-Za-z0-9][A-Za-z0-9 ,.()/_+-]*$/.test(value) && !value.endsWith(' ');
  return plainSafe ? value : JSON.stringify(value);
}

function ruleName(tools: readonly RmmTool[], kinds: readonly DetectionKind[]): string {
  const what =
    kinds.length === 3
      ? 'network, process and file signature'
      : kinds.map((k) => KIND_LABELS[k].toLowerCase()).join(' and ');
  const names = tools.map((t) => t.name).join(', ');
  const who = tools.length === 1 ? `${names}` : names.length <= 80 ? names : `${tools.length} tools`;
  return `Remote management tool ${who} - ${what}`;
}

function description(tools: readonly RmmTool[], kinds: readonly DetectionKind[]): string[] {
  const evidence = kinds.map(
    (k) =>
      ({
        network: 'network connections made by the tool',
        process: 'processes whose version information names the tool',
        fileSignature: "files signed with the tool vendor's certificate",
      })[k],
  );
  const subject =
    tools.length === 1 ? tools[0].name : `${tools.length} remote management and monitoring (RMM) tools`;
  return [
    `Finds ${evidence.join(', ')} for ${subject}.`,
    'Adversaries install legitimate RMM software for persistence and command and control (MITRE ATT&CK T1219).',
    'Allow-list the tools and hosts your IT staff use on purpose before enabling the rule.',
  ];
}

interface EntityMapping {
  entityType: string;
  identifier: string;
  column: string;
}

function entityMappings(columns: readonly string[]): EntityMapping[] {
  const mappings: EntityMapping[] = [{ entityType: 'Host', identifier: 'HostName', column: 'DeviceName' }];
  if (columns.includes('RemoteUrl'))
    mappings.push({ entityType: 'URL', identifier: 'Url', column: 'RemoteUrl' });
  if (columns.includes('AccountUpn'))
    mappings.push({ entityType: 'Account', identifier: 'FullName', column: 'AccountUpn' });
  return mappings;
}

/** Sentinel rejects an analytic rule whose query is longer than this. */
export const MAX_RULE_QUERY_LENGTH = 10_000;

/**
 * The complete rule YAML for the chosen tools and kinds. Throws a clear error when nothing can
 * be generated, or when the query would be too long for Sentinel to accept.
 */
export function rmmRuleYaml(
  tools: readonly RmmTool[],
  kinds: readonly DetectionKind[],
  options: RuleOptions,
): string {
  const query = rmmDetectionQuery(tools, kinds, { target: 'rule' });
  if (query.text.length > MAX_RULE_QUERY_LENGTH) {
    throw new Error(
      `The rule's query would be ${query.text.length} characters; Sentinel accepts at most ${MAX_RULE_QUERY_LENGTH}. ` +
        'Choose fewer tools or one kind, or generate a hunting query instead.',
    );
  }
  const usedTools = query.tools;
  const lines = [
    `id: ${options.id}`,
    `name: ${yamlScalar(ruleName(usedTools, query.kinds))}`,
    'description: |',
    ...description(usedTools, query.kinds).map((l) => `  ${l}`),
    `severity: ${options.severity ?? 'Medium'}`,
    'requiredDataConnectors:',
    '  - connectorId: MicrosoftThreatProtection',
    '    dataTypes:',
    ...query.tables.map((t) => `      - ${t}`),
    'queryFrequency: 1h',
    'queryPeriod: 1h',
    'triggerOperator: gt',
    'triggerThreshold: 0',
    'tactics:',
    '  - CommandAndControl',
    'relevantTechniques:',
    '  - T1219',
    'query: |',
    ...query.text
      .replace(/\n$/, '')
      .split('\n')
      .map((l) => (l.length > 0 ? `  ${l}` : '')),
    'entityMappings:',
    ...entityMappings(query.columns).flatMap((m) => [
      `  - entityType: ${m.entityType}`,
      '    fieldMappings:',
      `      - identifier: ${m.identifier}`,
      `        columnName: ${m.column}`,
    ]),
    'customDetails:',
    '  RmmTool: Tool',
    'version: 1.0.0',
    'kind: Scheduled',
    '',
  ];
  return lines.join('\n');
}
