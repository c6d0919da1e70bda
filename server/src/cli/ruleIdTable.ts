import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isRuleDocument } from '../documents/documentRegions';
import { parseRuleYaml } from '../documents/ruleYaml';
import { ruleIdOf, type RuleIdIndex } from '../rules/ruleChecks';
import { WorkspaceRuleIds } from '../workspaceRuleIds';
import type { CheckJob } from './fileChecker';
import { readRegularText } from './regularFile';

/**
 * The rule id each checked rule file declares, by file URI. The duplicate-id rule check needs
 * the whole set, so the main thread reads it before any file is checked and every worker gets
 * a copy. Ids are read exactly as the language server reads them from an open rule document.
 */
export function ruleIdsOf(jobs: readonly CheckJob[]): Record<string, string> {
  const ids: Record<string, string> = {};
  for (const job of jobs) {
    if (job.languageId !== 'yaml') continue;
    let text: string;
    try {
      text = readRegularText(job.path);
    } catch {
      // The check itself reports the unreadable file.
      continue;
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const uri = pathToFileURL(job.path).href;
    if (!isRuleDocument(TextDocument.create(uri, 'yaml', 1, text))) continue;
    const rule = parseRuleYaml(text);
    const id = rule ? ruleIdOf(rule) : undefined;
    if (id) ids[uri] = id;
  }
  return ids;
}

/** The index the language service's duplicate-id check reads, built from `ruleIdsOf`'s table. */
export function ruleIdIndex(ids: Readonly<Record<string, string>>): RuleIdIndex {
  const index = new WorkspaceRuleIds();
  for (const [uri, id] of Object.entries(ids)) index.set(uri, id);
  return index;
}
