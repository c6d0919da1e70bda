import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { diagnosticCode } from '../language/baseline/fingerprints';

/** How bad a finding is, in the words the JSON and SARIF outputs use. */
export type FindingSeverity = 'error' | 'warning' | 'info';

/** Ordered from least to most severe, for `--fail-on`. */
export const SEVERITY_RANK: Record<FindingSeverity, number> = { info: 0, warning: 1, error: 2 };

/**
 * One problem in one file, as every output format reports it. Positions are 1-based; `column`
 * is the first character of the range and `endLine`/`endColumn` point one past its last one.
 * Columns count UTF-16 code units, as LSP positions do, so they match the editor exactly.
 */
export interface Finding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: FindingSeverity;
  code: string;
  message: string;
}

/**
 * A finding an inline `kqlhunt-disable` comment suppresses (language/suppressions). It does not
 * count toward the exit code and is not printed; SARIF keeps it, marked suppressed in source with
 * the comment's reason, as code scanning expects.
 */
export interface SuppressedFinding extends Finding {
  /** The text after `--` in the comment; absent when it gives none. */
  justification?: string;
}

/** A checked file's findings plus the source lines they start on, for the text format's caret. */
export interface FileResult {
  /** The path as printed: relative to the working folder, with forward slashes. */
  file: string;
  findings: Finding[];
  /** What inline suppressions hid, in report order; absent when nothing was. */
  suppressed?: SuppressedFinding[];
  /**
   * Findings `--baseline` holds (cli/baseline.ts): accepted, so they do not count toward the exit
   * code and are not printed; SARIF keeps them as unchanged. Absent without a baseline.
   */
  baselined?: Finding[];
  /** The text of each line (1-based) that a finding starts on, without its line break. */
  lines: Record<number, string>;
}

/**
 * The editor lists errors, warnings and information in its Problems view; hints are only
 * faint marks in the text (an unused name, for example) and never appear there, so the
 * command line leaves them out too.
 */
function severityOf(d: Diagnostic): FindingSeverity | undefined {
  switch (d.severity ?? DiagnosticSeverity.Error) {
    case DiagnosticSeverity.Error:
      return 'error';
    case DiagnosticSeverity.Warning:
      return 'warning';
    case DiagnosticSeverity.Information:
      return 'info';
    default:
      return undefined;
  }
}

/** Turns a language-service diagnostic into a finding; undefined for hints, which are not shown. */
export function toFinding(file: string, d: Diagnostic): Finding | undefined {
  const severity = severityOf(d);
  if (!severity) return undefined;
  return {
    file,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
    severity,
    code: diagnosticCode(d),
    message: typeof d.message === 'string' ? d.message : d.message.value,
  };
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.line - b.line ||
    a.column - b.column ||
    a.endLine - b.endLine ||
    a.endColumn - b.endColumn ||
    a.code.localeCompare(b.code) ||
    a.message.localeCompare(b.message)
  );
}

export function countBySeverity(findings: readonly Finding[]): Record<FindingSeverity, number> {
  const counts: Record<FindingSeverity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/**
 * Files that were not fully checked: those with a finding from the input limits
 * (language/inputLimits.ts), whichever severity `lints` gave it.
 */
export function uncheckedFiles(results: readonly FileResult[]): string[] {
  return results.filter((r) => r.findings.some((f) => f.code.startsWith('KQLH-LIMIT-'))).map((r) => r.file);
}
