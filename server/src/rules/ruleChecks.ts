import type { ParsedRuleYaml } from '../documents/ruleYaml';
import { dataTypeCoverage } from './dataTypeCoverage';
import { entityChecks } from './entityChecks';
import { metadataChecks } from './metadataChecks';
import type { QueryFacts } from './queryFacts';
import { FindingList, scalarText, valueOf, type RuleFinding } from './ruleFindings';
import { yamlSyntaxFindings } from './yamlSyntax';

/**
 * All checks on one rule file. Pure: the rule's parsed YAML, what the engine found out about
 * its query, and the workspace's rule ids come in; findings come out.
 */
export interface RuleIdIndex {
  /** The files other than `uri` whose rule declares `id` (compared case-insensitively, as GUIDs are). */
  otherFilesWithId(id: string, uri: string): readonly string[];
}

export interface RuleCheckInput {
  readonly rule: ParsedRuleYaml;
  readonly uri: string;
  /** Output columns and tables read; checks that need them are skipped when absent. */
  readonly facts?: QueryFacts;
  readonly ids?: RuleIdIndex;
}

export function checkRule(input: RuleCheckInput): RuleFinding[] {
  const { rule } = input;
  const firstKey = rule.root.items[0]?.key as { range?: [number, number] } | undefined;
  const out = new FindingList(firstKey?.range ? [firstKey.range[0], firstKey.range[1]] : [0, 0]);
  metadataChecks(rule, out);
  entityChecks(rule, { columns: input.facts?.outputColumns }, out);
  if (input.facts) dataTypeCoverage(rule, input.facts, out);
  if (input.ids) duplicateIds(rule, input.uri, input.ids, out);
  return [...yamlSyntaxFindings(rule), ...out.items];
}

function duplicateIds(rule: ParsedRuleYaml, uri: string, ids: RuleIdIndex, out: FindingList): void {
  const id = valueOf(rule.root, 'id');
  const text = scalarText(id);
  if (!text) return;
  const others = ids.otherFilesWithId(text, uri);
  if (others.length > 0)
    out.add('rule-id-duplicate', id, { value: text, others: others.map(displayName).join(', ') });
}

function displayName(uri: string): string {
  const path = decodeURIComponent(uri.replace(/^file:\/\//, ''));
  return path.split('/').slice(-2).join('/');
}

/** The id a rule file declares, for building the workspace index. */
export function ruleIdOf(rule: ParsedRuleYaml): string | undefined {
  return scalarText(valueOf(rule.root, 'id'))?.trim().toLowerCase() || undefined;
}
