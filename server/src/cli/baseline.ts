import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  parseBaseline,
  serializeBaseline,
  type Baseline,
  type BaselineEntry,
} from '../language/baseline/baselineFile';
import { compareWithBaseline } from '../language/baseline/baselineMatch';
import { fingerprintsOf } from '../language/baseline/fingerprints';
import { UsageError } from './exitCodes';
import { withoutBom } from './fileChecker';
import type { FileResult, Finding } from './findings';
import { writeOutput } from './outputFile';
import { readRegularText } from './regularFile';

/**
 * `kqlhunt check --write-baseline FILE` and `--baseline FILE`: the findings a team accepted when
 * it adopted the gate are recorded once, and later runs fail only on new ones (as ESLint's bulk
 * suppressions and CodeQL's SARIF baselines do). The matching itself is language/baseline, which
 * the editor shares.
 */

/** Baseline files larger than this are refused (an entry is about a hundred bytes). */
const MAX_BASELINE_BYTES = 64 * 1024 * 1024;

/** The baseline in `file`; a missing, unreadable or malformed file is a usage error naming it. */
export function readBaseline(given: string, file: string): Baseline {
  let text: string;
  try {
    text = readRegularText(file, MAX_BASELINE_BYTES);
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message;
    throw new UsageError(
      `cannot read the baseline ${given}: ${reason} (write one with --write-baseline ${given})`,
    );
  }
  const parsed = parseBaseline(withoutBom(text));
  if ('problem' in parsed) throw new UsageError(`the baseline ${given} is not usable: ${parsed.problem}`);
  return parsed;
}

/**
 * The fingerprint of each finding of each result, read from the files as checked (their paths are
 * relative to `cwd`). Only files with findings are read again.
 */
export function fingerprintResults(cwd: string, results: readonly FileResult[]): BaselineEntry[][] {
  return results.map((r) => {
    if (r.findings.length === 0) return [];
    const document = TextDocument.create('file:///', 'plaintext', 0, withoutBom(readChecked(cwd, r.file)));
    return fingerprintsOf(
      r.file,
      r.findings.map((f) => {
        const start = { line: f.line - 1, character: f.column - 1 };
        const end = { line: f.endLine - 1, character: f.endColumn - 1 };
        return { code: f.code, message: f.message, start, end, text: document.getText({ start, end }) };
      }),
    );
  });
}

function readChecked(cwd: string, file: string): string {
  try {
    return readRegularText(path.resolve(cwd, file));
  } catch (e) {
    throw new UsageError(`cannot read ${file} again to fingerprint its findings: ${(e as Error).message}`);
  }
}

export function writeBaseline(file: string, fingerprints: readonly BaselineEntry[][]): number {
  const entries = fingerprints.flat();
  writeOutput(file, serializeBaseline(entries));
  return entries.length;
}

/**
 * The results with the findings the baseline holds moved to `baselined`, and the entries that no
 * longer occur. An entry can only be absent when its file was checked in this run or no longer
 * exists: a run over part of the repository says nothing of the other files.
 */
export function applyBaseline(
  cwd: string,
  baseline: Baseline,
  results: readonly FileResult[],
  fingerprints: readonly BaselineEntry[][],
): { results: FileResult[]; absent: BaselineEntry[] } {
  const checked = new Set(results.map((r) => r.file));
  const { inBaseline, absent } = compareWithBaseline(
    baseline,
    fingerprints.flat(),
    (file) => checked.has(file) || !fs.existsSync(path.resolve(cwd, file)),
  );
  let i = 0;
  const out = results.map((r): FileResult => {
    const fresh: Finding[] = [];
    const baselined: Finding[] = [];
    for (const f of r.findings) (inBaseline[i++] ? baselined : fresh).push(f);
    return baselined.length === 0 ? r : { ...r, findings: fresh, baselined };
  });
  return { results: out, absent };
}
