import type { Diagnostic } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { KqlHuntingSettings } from '../../protocol/settings';
import { RULE_DIAGNOSTIC_SOURCE } from '../../rules/ruleCheckTable';
import { isKnownDiagnosticCode } from '../diagnosticCodeCatalog';
import { LINT_SOURCE, SEVERITY } from '../lints';
import { LINT_RULES, lintMessage, type LintRule } from '../lints/lintRules';
import { NEXT_LINE, type DirectiveScan, type Suppression } from './suppressionDirectives';

/** A finding an inline suppression hides, with the reason the comment gives. */
export interface SuppressedDiagnostic {
  readonly diagnostic: Diagnostic;
  readonly reason: string | undefined;
}

/**
 * A document's findings once its suppressions are applied. The editor shows `diagnostics`; the
 * command line reports them and keeps `suppressed` for SARIF, which records each with its reason.
 */
export interface DiagnosticReport {
  /** What is not suppressed, and the problems with the suppressions themselves. */
  readonly diagnostics: Diagnostic[];
  readonly suppressed: SuppressedDiagnostic[];
}

/** Codes are compared ignoring case: `ks142` in a comment means KS142. */
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

const SUPPRESSION_CODES: readonly string[] = [
  LINT_RULES.unusedSuppression.id,
  LINT_RULES.suppressionWithoutReason.id,
];

function covers(s: Suppression, d: Diagnostic, offset: number): boolean {
  if (d.code === undefined || SUPPRESSION_CODES.includes(String(d.code))) return false;
  if (s.ruleChecks !== (d.source === RULE_DIAGNOSTIC_SOURCE)) return false;
  return offset >= s.from && offset <= s.to;
}

/**
 * Splits `diagnostics` into what is shown and what a directive suppresses, and reports each code a
 * directive names that suppressed nothing (`unused-suppression`), each directive that gives no
 * reason (`suppression-without-reason`) and each comment that starts like a directive but is not
 * one. A code turned off in `lints` is not reported as unused: its findings were never made.
 */
export function applySuppressions(
  document: TextDocument,
  diagnostics: readonly Diagnostic[],
  scan: DirectiveScan,
  settings: Pick<KqlHuntingSettings, 'lints'>,
): DiagnosticReport {
  if (scan.suppressions.length === 0 && scan.unknown.length === 0)
    return { diagnostics: [...diagnostics], suppressed: [] };
  const used = new Set<string>();
  const shown: Diagnostic[] = [];
  const suppressed: SuppressedDiagnostic[] = [];
  for (const d of diagnostics) {
    const offset = document.offsetAt(d.range.start);
    let by: Suppression | undefined;
    for (const [i, s] of scan.suppressions.entries()) {
      if (!covers(s, d, offset)) continue;
      const j = s.codes.findIndex((c) => same(c.code, String(d.code)));
      if (j < 0) continue;
      used.add(`${i}:${j}`);
      by ??= s;
    }
    if (by) suppressed.push({ diagnostic: d, reason: by.reason });
    else shown.push(d);
  }
  const problems: Diagnostic[] = [];
  const report = (rule: LintRule, start: number, end: number, values: Record<string, string>) => {
    const override = settings.lints[rule.id];
    if (override === 'off') return;
    problems.push({
      range: { start: document.positionAt(start), end: document.positionAt(end) },
      severity: SEVERITY[override ?? rule.defaultSeverity],
      code: rule.id,
      source: LINT_SOURCE,
      message: lintMessage(rule, values),
    });
  };
  for (const u of scan.unknown) report(LINT_RULES.unusedSuppression, u.start, u.end, { detail: u.detail });
  for (const [i, s] of scan.suppressions.entries()) {
    if (s.codes.length === 0)
      report(LINT_RULES.unusedSuppression, s.nameStart, s.nameEnd, {
        detail: 'This suppression names no code; name the codes it is for, such as `missing-time-filter`.',
      });
    if (s.reason === undefined) report(LINT_RULES.suppressionWithoutReason, s.nameStart, s.nameEnd, {});
    for (const [j, c] of s.codes.entries()) {
      if (used.has(`${i}:${j}`)) continue;
      if (Object.entries(settings.lints).some(([code, sev]) => sev === 'off' && same(code, c.code))) continue;
      report(LINT_RULES.unusedSuppression, c.start, c.end, { detail: unusedDetail(s, c.code) });
    }
  }
  return { diagnostics: [...shown, ...problems], suppressed };
}

function unusedDetail(s: Suppression, code: string): string {
  const known = [code, code.toUpperCase(), code.toLowerCase()].some(isKnownDiagnosticCode);
  if (!known) return `'${code}' is not a diagnostic code, so this suppression does nothing.`;
  if (s.ruleChecks)
    return `No '${code}' rule check is reported on this file, so this suppression does nothing. Findings in the query are suppressed with a // comment inside it.`;
  const where = s.name === NEXT_LINE ? 'on the next line' : 'in the rest of this query';
  return `No '${code}' finding is ${where}, so this suppression does nothing; remove it.`;
}
