import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { parseLenientJson } from '../schema/lenientJson';
import { RULE_DIAGNOSTIC_SOURCE } from './ruleCheckTable';

/**
 * The lists with which a detection repository's CI (Azure-Sentinel's) leaves known failures out
 * of its checks, read so that kqlhunt leaves out what the CI leaves out, and says so:
 *
 * - `.script/tests/KqlvalidationsTests/SkipValidationsTemplates.json`: entries with an `id`, a
 *   `templateName` and a `validationFailReason`, all three required (an entry lacking one skips
 *   nothing, as in the CI). The KQL of those rules is not validated.
 * - `.script/tests/detectionTemplateSchemaValidation/SkipStrcutreValidationsTemplates.json` (the
 *   CI's spelling): ids whose rule files skip the structure checks. The CI skips every file whose
 *   text contains the id, and so does this.
 * - `.../detectionTemplateSchemaValidation/SkipConnectorIdsValidationsTemplates.json`: ids whose
 *   connector ids are not checked.
 *
 * Findings the CI would skip are still shown, a step lower (an error becomes a warning, a
 * warning information), with the list and its reason in the message: the repository has
 * accepted them, the reviewer still sees them. Pure: the host reads the files.
 */
export interface CiSkipLists {
  /** Rule id (lower case) to the reason its KQL is not validated. */
  kql: Record<string, string>;
  /** Ids that, found anywhere in a rule file's text, skip its structure checks. */
  structure: string[];
  /** Rule ids (lower case) whose connector ids are not checked. */
  connectorIds: string[];
}

export const CI_SKIP_FILES = {
  kql: '.script/tests/KqlvalidationsTests/SkipValidationsTemplates.json',
  structure: '.script/tests/detectionTemplateSchemaValidation/SkipStrcutreValidationsTemplates.json',
  connectorIds: '.script/tests/detectionTemplateSchemaValidation/SkipConnectorIdsValidationsTemplates.json',
} as const;

export type CiSkipKind = keyof typeof CI_SKIP_FILES;

/** A skip list's entries, or the reason the file could not be read as one. */
export function parseCiSkipFile(
  kind: CiSkipKind,
  text: string,
): { ok: true; entries: [string, string][] } | { ok: false; message: string } {
  const parsed = parseLenientJson(text.replace(/^\uFEFF/, ''));
  if (!parsed.ok) return { ok: false, message: `Not valid JSON: ${parsed.message}` };
  if (!Array.isArray(parsed.value)) return { ok: false, message: 'A skip list must be a JSON array.' };
  const entries: [string, string][] = [];
  for (const item of parsed.value as unknown[]) {
    if (kind === 'kql') {
      const e = (item ?? {}) as Record<string, unknown>;
      const filled = (k: string) => (typeof e[k] === 'string' && e[k].trim() ? e[k].trim() : undefined);
      const id = filled('id');
      const reason = filled('validationFailReason');
      // The CI skips an entry only when its id, template name and reason are all given.
      if (id && reason && filled('templateName')) entries.push([id, reason]);
    } else if (typeof item === 'string' && item.trim()) entries.push([item.trim(), '']);
  }
  return { ok: true, entries };
}

/** The lists from the entries of each file read; a file that is missing gives no entries. */
export function ciSkipLists(read: Partial<Record<CiSkipKind, [string, string][]>>): CiSkipLists {
  return {
    kql: Object.fromEntries((read.kql ?? []).map(([id, reason]) => [id.toLowerCase(), reason])),
    structure: (read.structure ?? []).map(([id]) => id),
    connectorIds: (read.connectorIds ?? []).map(([id]) => id.toLowerCase()),
  };
}

const LOWER: Partial<Record<DiagnosticSeverity, DiagnosticSeverity>> = {
  [DiagnosticSeverity.Error]: DiagnosticSeverity.Warning,
  [DiagnosticSeverity.Warning]: DiagnosticSeverity.Information,
};

/**
 * A rule file's diagnostics with what the CI skips for it lowered one step and explained.
 * `ruleId` is the rule's declared id; `text` the file's text.
 */
export function applyCiSkips(
  diagnostics: Diagnostic[],
  rule: { id: string | undefined; text: string },
  lists: CiSkipLists,
): Diagnostic[] {
  const id = rule.id?.toLowerCase();
  const kqlReason = id === undefined ? undefined : lists.kql[id];
  const structure = lists.structure.some((s) => rule.text.includes(s));
  const connectors = id !== undefined && lists.connectorIds.includes(id);
  if (kqlReason === undefined && !structure && !connectors) return diagnostics;
  return diagnostics.map((d) => {
    const code = typeof d.code === 'string' ? d.code : '';
    let note: string | undefined;
    if (kqlReason !== undefined && /^KS\d+$/.test(code))
      note = `the repository's CI skips KQL validation of this rule (SkipValidationsTemplates.json: "${kqlReason}")`;
    else if (connectors && code === 'rule-connector-id')
      note =
        "the repository's CI skips connector id validation of this rule (SkipConnectorIdsValidationsTemplates.json)";
    else if (structure && d.source === RULE_DIAGNOSTIC_SOURCE && code !== 'rule-connector-id')
      note =
        "the repository's CI skips structure validation of this rule (SkipStrcutreValidationsTemplates.json)";
    if (!note) return d;
    const severity = (d.severity && LOWER[d.severity]) ?? d.severity;
    const message =
      typeof d.message === 'string'
        ? `${d.message} (${note})`
        : { ...d.message, value: `${d.message.value} (${note})` };
    return { ...d, severity, message };
  });
}

/**
 * The reason an analytic rule sits in the KQL skip list when its query has no KQL error: the
 * CI runs the skipped rules' queries too and fails when one is valid ("if they pass, why
 * skip?"), so the stale entry breaks the build. Only rules with a query, only the folders whose
 * files the CI reads as analytic rules; judged before the skip lowers anything.
 */
export function staleKqlSkip(
  diagnostics: readonly Diagnostic[],
  rule: { id: string | undefined; hasQuery: boolean; analytic: boolean },
  lists: CiSkipLists,
): string | undefined {
  const reason = rule.id === undefined ? undefined : lists.kql[rule.id.toLowerCase()];
  if (reason === undefined || !rule.hasQuery || !rule.analytic) return undefined;
  const kqlError = diagnostics.some(
    (d) => d.severity === DiagnosticSeverity.Error && typeof d.code === 'string' && /^KS\d+$/.test(d.code),
  );
  return kqlError ? undefined : reason;
}
