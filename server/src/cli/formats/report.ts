import type { BaselineEntry } from '../../language/baseline/baselineFile';
import type { FileResult, Finding, SuppressedFinding } from '../findings';

/** Everything an output format may use: the checked files in order, and how to present them. */
export interface Report {
  /** Every checked file, in the order they are reported, with or without findings. */
  results: readonly FileResult[];
  /** The folder the run started in; SARIF's paths are relative to it. */
  cwd: string;
  toolVersion: string;
  /** Whether the text format may use ANSI colours (stdout is a terminal). */
  colour: boolean;
  /** Set when the run was compared with a baseline: the entries that no longer occur. */
  baseline?: { absent: readonly BaselineEntry[] };
}

export function allFindings(report: Report): Finding[] {
  return report.results.flatMap((r) => r.findings);
}

/** What inline suppressions hid, for the formats that record it (SARIF). */
export function allSuppressed(report: Report): SuppressedFinding[] {
  return report.results.flatMap((r) => r.suppressed ?? []);
}
