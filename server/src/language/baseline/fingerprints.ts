import { createHash } from 'node:crypto';
import type { Diagnostic, Position } from 'vscode-languageserver-types';
import type { BaselineEntry } from './baselineFile';

/**
 * What a finding is recognised by in a baseline: its file, its code and the text it flags, never
 * its line, so that it is still recognised after lines above it are added or removed and after
 * edits elsewhere in the file. The command line and the editor both fingerprint through here, so
 * that a baseline written by one is read alike by the other.
 */
export interface FlaggedFinding {
  readonly code: string;
  /** The text of the finding's range, as written. */
  readonly text: string;
  readonly message: string;
  readonly start: Position;
  readonly end: Position;
}

/** Longer flagged texts are shortened, with a hash of the whole so that they stay distinct. */
const MAX_TEXT = 120;
const KEPT_TEXT = 100;

/**
 * The flagged text with every run of whitespace made one space, so that re-indenting or
 * re-wrapping does not make a finding new. A finding that flags no text (a rule check about a
 * missing field has an empty range) is known by its message, which names the field.
 */
export function fingerprintText(flagged: string, message: string): string {
  const text = collapse(flagged) || collapse(message);
  if (text.length <= MAX_TEXT) return text;
  return `${text.slice(0, KEPT_TEXT)}… sha256:${createHash('sha256').update(text).digest('hex').slice(0, 16)}`;
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Report order: by position, then code and message, as the command line lists findings. */
function compareFlagged(a: FlaggedFinding, b: FlaggedFinding): number {
  return (
    a.start.line - b.start.line ||
    a.start.character - b.start.character ||
    a.end.line - b.end.line ||
    a.end.character - b.end.character ||
    (a.code === b.code ? 0 : a.code < b.code ? -1 : 1) ||
    (a.message === b.message ? 0 : a.message < b.message ? -1 : 1)
  );
}

/**
 * The baseline entry of each finding of one file, in the order given. Findings with the same code
 * and text are numbered in report order, whatever order they come in.
 */
export function fingerprintsOf(file: string, findings: readonly FlaggedFinding[]): BaselineEntry[] {
  const order = findings.map((_, i) => i).sort((i, j) => compareFlagged(findings[i], findings[j]));
  const seen = new Map<string, number>();
  const out: BaselineEntry[] = new Array(findings.length);
  for (const i of order) {
    const f = findings[i];
    const text = fingerprintText(f.text, f.message);
    const key = JSON.stringify([f.code, text]);
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    out[i] = { file, code: f.code, text, occurrence };
  }
  return out;
}

/** The code a diagnostic is reported under; diagnostics without one fall back to their source. */
export function diagnosticCode(d: Diagnostic): string {
  if (d.code !== undefined && d.code !== '') return String(d.code);
  return d.source ?? 'kql';
}
