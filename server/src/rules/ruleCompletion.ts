import {
  CompletionItemKind,
  type CompletionItem,
  type CompletionList,
  type Position,
} from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { hostFormatOf } from '../documents/documentRegions';
import { parseRuleYaml, type ParsedRuleYaml } from '../documents/ruleYaml';
import type { DocumentAnalysis } from '../language/documentAnalysis';
import { TACTICS } from './attackMatrix';
import { ENTITY_TYPES } from './entityIdentifiers';

/**
 * Completion in a rule file outside its query: the rule's own keys at the top level, and the
 * fixed values of `kind`, `severity`, `triggerOperator`, `tactics`, `entityType`,
 * `identifier` and `aggregationKind`. Works from the text of the lines, so it keeps working
 * while the YAML is half typed and does not parse.
 */
const TOP_LEVEL_KEYS: [string, string][] = [
  ['id', 'A GUID that identifies the rule.'],
  ['name', 'The rule name, up to 256 characters.'],
  ['description', 'What the rule detects, up to 5000 characters.'],
  ['severity', 'Informational, Low, Medium or High.'],
  ['requiredDataConnectors', 'The data connectors and tables the query needs.'],
  ['queryFrequency', 'How often the rule runs, such as 1h (5m to 14d).'],
  ['queryPeriod', 'How far back each run looks, such as 1h (5m to 14d).'],
  ['triggerOperator', 'gt, lt, eq or ne: how the result count is compared with triggerThreshold.'],
  ['triggerThreshold', 'The result count compared with triggerOperator (0 to 10000).'],
  ['tactics', 'MITRE ATT&CK tactics.'],
  ['relevantTechniques', 'MITRE ATT&CK techniques, such as T1219.'],
  ['query', 'The KQL query.'],
  ['entityMappings', 'Which output columns become entities (1 to 5).'],
  ['customDetails', 'Output columns surfaced on alerts (up to 20).'],
  ['alertDetailsOverride', 'Alert names and descriptions built from columns.'],
  ['eventGroupingSettings', 'SingleAlert or AlertPerResult.'],
  ['incidentConfiguration', 'Incident creation and grouping.'],
  ['kind', 'Scheduled or NRT; hunting queries have none.'],
  ['version', 'Template version such as 1.0.0.'],
  ['tags', 'Free-form tags.'],
];

const VALUES: Record<string, readonly string[]> = {
  kind: ['Scheduled', 'NRT'],
  severity: ['Informational', 'Low', 'Medium', 'High'],
  triggerOperator: ['gt', 'lt', 'eq', 'ne'],
  entityType: Object.keys(ENTITY_TYPES),
  aggregationKind: ['SingleAlert', 'AlertPerResult'],
  tactics: TACTICS,
};

export function ruleFieldCompletions(
  document: TextDocument,
  rule: ParsedRuleYaml,
  position: Position,
): CompletionList | undefined {
  const lineText = document.getText({ start: { line: position.line, character: 0 }, end: position });
  const word = /[\w-]*$/.exec(lineText)![0];
  const range = {
    start: { line: position.line, character: position.character - word.length },
    end: position,
  };
  const items = (
    labels: readonly string[],
    kind: CompletionItemKind,
    detail?: (label: string) => string | undefined,
  ): CompletionList => ({
    isIncomplete: false,
    items: labels.map((label, i): CompletionItem => ({
      label,
      kind,
      detail: detail?.(label),
      sortText: String(i).padStart(3, '0'),
      textEdit: { range, newText: label },
    })),
  });

  // A top-level key being typed.
  if (/^[\w]*$/.test(lineText)) {
    const present = new Set(
      rule.root.items.map((p) => String((p.key as { value?: unknown } | null)?.value ?? '')),
    );
    const missing = TOP_LEVEL_KEYS.filter(([key]) => !present.has(key) || key === word);
    const list = items(
      missing.map(([key]) => key),
      CompletionItemKind.Property,
      (key) => TOP_LEVEL_KEYS.find(([k]) => k === key)?.[1],
    );
    for (const item of list.items) item.textEdit = { range, newText: `${item.label}: ` };
    return list;
  }

  // The value after `key: `, or inside `key: [ ... ` for a flow list.
  const keyed = /^\s*(?:-\s+)?([\w]+):\s*(?:\[[^\]]*)?[\w-]*$/.exec(lineText);
  if (keyed) {
    const key = keyed[1];
    if (key === 'identifier')
      return items(identifiersAbove(document, position.line), CompletionItemKind.EnumMember);
    const values = VALUES[key];
    return values ? items(values, CompletionItemKind.EnumMember) : undefined;
  }

  // A block list item: its parent key is the nearest line above with less indentation.
  const listItem = /^(\s*)-\s+[\w-]*$/.exec(lineText);
  if (listItem) {
    const parent = parentKey(document, position.line, listItem[1].length);
    const values = parent ? VALUES[parent] : undefined;
    return values ? items(values, CompletionItemKind.EnumMember) : undefined;
  }
  return undefined;
}

function lineAt(document: TextDocument, line: number): string {
  return document
    .getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } })
    .replace(/\r?\n$/, '');
}

function parentKey(document: TextDocument, line: number, indent: number): string | undefined {
  for (let l = line - 1; l >= 0; l--) {
    const text = lineAt(document, l);
    if (text.trim() === '' || text.trimStart().startsWith('#')) continue;
    const own = /^ */.exec(text)![0].length;
    const key = /^\s*(?:-\s+)?([\w]+):\s*$/.exec(text);
    if (own < indent || (own === indent && key && !text.trimStart().startsWith('-'))) return key?.[1];
  }
  return undefined;
}

/** The identifiers of the entity type of the mapping the caret is in. */
function identifiersAbove(document: TextDocument, line: number): readonly string[] {
  for (let l = line; l >= 0; l--) {
    const type = /entityType:\s*(\w+)/.exec(lineAt(document, l));
    if (type) return ENTITY_TYPES[type[1]]?.identifiers ?? [];
    if (/^\S/.test(lineAt(document, l))) break;
  }
  return [];
}

/** Rule-field completion when the position is in rule YAML but outside the query; else undefined. */
export function ruleCompletionsAt(
  analysis: DocumentAnalysis,
  position: Position,
): CompletionList | undefined {
  const document = analysis.document;
  if (hostFormatOf(document) !== 'yaml') return undefined;
  const rule = parseRuleYaml(document.getText());
  if (!rule) return undefined;
  const offset = document.offsetAt(position);
  if (analysis.queries.some((q) => q.region.toRegionOffset(offset) !== undefined)) return undefined;
  return ruleFieldCompletions(document, rule, position) ?? { isIncomplete: false, items: [] };
}
