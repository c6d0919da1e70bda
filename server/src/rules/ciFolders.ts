import type { ParsedRuleYaml } from '../documents/ruleYaml';

/**
 * What Azure-Sentinel's CI makes of a file from where it lies. Its template validation takes the
 * YAML under `Detections/` and under a solution's `Analytic Rules/` folder as analytic rules; a
 * file under `Hunting Queries/` is a hunting query even when it carries a `kind`, which some do
 * (copied from a rule). Folder names are compared case-sensitively, as the CI compares them.
 * Outside those folders the file's own `kind` decides.
 */
export type ContentFolder = 'analytic' | 'hunting' | 'other';

function pathOf(uri: string): string {
  try {
    return decodeURIComponent(uri.replace(/^file:\/\//, ''));
  } catch {
    return uri;
  }
}

export function contentFolderOf(uri: string): ContentFolder {
  const path = `/${pathOf(uri)}`;
  if (path.includes('/Hunting Queries/')) return 'hunting';
  if (path.includes('/Detections/') || path.includes('/Analytic Rules/')) return 'analytic';
  return 'other';
}

/**
 * The rule as the CI reads it: a file in a hunting-query folder is checked as a hunting query,
 * whatever its `kind`.
 */
export function ruleAsFiled(rule: ParsedRuleYaml, uri: string): ParsedRuleYaml {
  return contentFolderOf(uri) === 'hunting' && rule.type !== 'hunting' ? { ...rule, type: 'hunting' } : rule;
}

/**
 * The CI's duplicate-id test leaves out the Cisco Umbrella rules under `Detections/`: legacy
 * copies of the rules its solution now holds, with the same ids.
 */
export function isLegacyCopy(uri: string): boolean {
  const path = `/${pathOf(uri)}`;
  return path.includes('/Detections/') && path.includes('CiscoUmbrella');
}
