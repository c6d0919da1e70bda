import type { ParsedRuleYaml } from '../documents/ruleYaml';
import { contentFolderOf, isLegacyCopy, ruleAsFiled } from './ciFolders';
import { dataTypeCoverage } from './dataTypeCoverage';
import { entityChecks } from './entityChecks';
import { metadataChecks } from './metadataChecks';
import { sentinelQueryLimits } from './sentinelQueryLimits';
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
  const rule = ruleAsFiled(input.rule, input.uri);
  const firstKey = rule.root.items[0]?.key as { range?: [number, number] } | undefined;
  const out = new FindingList(firstKey?.range ? [firstKey.range[0], firstKey.range[1]] : [0, 0]);
  // The CI reads every file of an analytic-rule folder as a rule, and a rule needs its kind.
  if (contentFolderOf(input.uri) === 'analytic' && rule.type === 'hunting')
    out.add('rule-required-field', firstKey, {
      field: 'kind',
      ruleType: 'an analytic rule (Sentinel reads the files under Detections/ and Analytic Rules/ as rules)',
    });
  metadataChecks(rule, out);
  sentinelQueryLimits(rule, out);
  entityChecks(rule, { columns: input.facts?.outputColumns }, out);
  if (input.facts) dataTypeCoverage(rule, input.facts, out);
  if (input.ids) duplicateIds(rule, input.uri, input.ids, out);
  return [...yamlSyntaxFindings(rule), ...out.items];
}

function duplicateIds(rule: ParsedRuleYaml, uri: string, ids: RuleIdIndex, out: FindingList): void {
  const id = valueOf(rule.root, 'id');
  const text = scalarText(id);
  if (!text || isLegacyCopy(uri)) return;
  const folder = contentFolderOf(uri);
  // An analytic rule and a hunting query are different kinds of content: the CI compares
  // analytic rules' ids only, and one id on both kinds replaces nothing.
  const others = ids
    .otherFilesWithId(text, uri)
    .filter((other) => !isLegacyCopy(other))
    .filter((other) => {
      const otherFolder = contentFolderOf(other);
      return folder === 'other' || otherFolder === 'other' || otherFolder === folder;
    });
  if (others.length === 0) return;
  const names = { value: text, others: others.map(displayName).join(', ') };
  const bothHunting = folder === 'hunting' && others.every((o) => contentFolderOf(o) === 'hunting');
  out.add(bothHunting ? 'rule-hunting-id-duplicate' : 'rule-id-duplicate', id, names);
}

function displayName(uri: string): string {
  const path = decodeURIComponent(uri.replace(/^file:\/\//, ''));
  return path.split('/').slice(-2).join('/');
}

/** The id a rule file declares, for building the workspace index. */
export function ruleIdOf(rule: ParsedRuleYaml): string | undefined {
  return scalarText(valueOf(rule.root, 'id'))?.trim().toLowerCase() || undefined;
}
