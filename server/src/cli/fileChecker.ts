import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { KqlLanguageService } from '../service/languageService';
import type { KqlHuntingSettings } from '../protocol/settings';
import {
  compareFindings,
  toFinding,
  type FileResult,
  type Finding,
  type SuppressedFinding,
} from './findings';
import { readRegularText } from './regularFile';

/** One file to check: where it is, how to print its name, and the language an editor would give it. */
export interface CheckJob {
  path: string;
  display: string;
  languageId: string;
}

/** What checking one file gives: its findings, or why it could not be read. */
export type CheckOutcome = { ok: true; result: FileResult } | { ok: false; file: string; reason: string };

/**
 * Reads the file as an editor opens it (UTF-8, byte-order mark dropped) and asks the language
 * service for its diagnostics with the same settings, exactly as the language server does for
 * an open document. Nothing is checked here that the service does not check.
 */
export function checkFile(
  service: KqlLanguageService,
  job: CheckJob,
  settings: KqlHuntingSettings,
): CheckOutcome {
  let text: string;
  try {
    // Only a regular file is read: the walk already left out links that lead elsewhere, FIFOs
    // and devices, and this holds even for a file that was swapped since (regularFile.ts).
    text = readRegularText(job.path);
  } catch (e) {
    return { ok: false, file: job.display, reason: (e as Error).message };
  }
  return { ok: true, result: checkText(service, job, withoutBom(text), settings) };
}

/** The text as an editor shows it: a leading byte-order mark is not part of it. */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function checkText(
  service: KqlLanguageService,
  job: CheckJob,
  text: string,
  settings: KqlHuntingSettings,
): FileResult {
  const document = TextDocument.create(pathToFileURL(job.path).href, job.languageId, 1, text);
  // The report, not getDiagnostics: the editor hides suppressed findings, SARIF keeps them.
  const report = service.getDiagnosticReport(service.analyze(document, settings), settings);
  const findings = report.diagnostics
    .map((d) => toFinding(job.display, d))
    .filter((f): f is Finding => f !== undefined);
  findings.sort(compareFindings);
  const suppressed = report.suppressed.flatMap(({ diagnostic, reason }): SuppressedFinding[] => {
    const f = toFinding(job.display, diagnostic);
    if (!f) return [];
    return [reason === undefined ? f : { ...f, justification: reason }];
  });
  suppressed.sort(compareFindings);
  return {
    file: job.display,
    findings,
    ...(suppressed.length > 0 ? { suppressed } : {}),
    lines: sourceLines(document, findings),
  };
}

/** The text of each line a finding starts on, for the text format's excerpt. */
export function sourceLines(document: TextDocument, findings: readonly Finding[]): Record<number, string> {
  const lines: Record<number, string> = {};
  for (const f of findings) {
    if (lines[f.line] !== undefined) continue;
    const raw = document.getText({
      start: { line: f.line - 1, character: 0 },
      end: { line: f.line, character: 0 },
    });
    lines[f.line] = raw.replace(/\r?\n$/, '');
  }
  return lines;
}
