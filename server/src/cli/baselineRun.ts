import * as path from 'node:path';
import type { Baseline, BaselineEntry } from '../language/baseline/baselineFile';
import { applyBaseline, fingerprintResults, readBaseline, writeBaseline } from './baseline';
import { stringOption, type OptionValues } from './cliCommand';
import { UsageError } from './exitCodes';
import type { FileResult } from './findings';

/** What `--baseline` or `--write-baseline` asked for, read and checked before the run starts. */
export type BaselineUse =
  { kind: 'compare'; baseline: Baseline } | { kind: 'write'; given: string; file: string };

/** How the run compared with its baseline, for the report and the summary. */
export interface BaselineOutcome {
  readonly absent: readonly BaselineEntry[];
  /** Set by --write-baseline: where the entries went and how many there are. */
  readonly written?: { given: string; count: number };
}

export function baselineOption(values: OptionValues, cwd: string): BaselineUse | undefined {
  const read = stringOption(values, 'baseline');
  const write = stringOption(values, 'write-baseline');
  if (read !== undefined && write !== undefined)
    throw new UsageError(
      '--baseline and --write-baseline cannot be used together: --write-baseline records every current finding anyway',
    );
  if (write !== undefined) return { kind: 'write', given: write, file: path.resolve(cwd, write) };
  if (read !== undefined) return { kind: 'compare', baseline: readBaseline(read, path.resolve(cwd, read)) };
  return undefined;
}

/**
 * Compares the results with the baseline, or first records them as the new baseline (every
 * finding is then accepted, and the run passes).
 */
export function compareBaseline(
  use: BaselineUse,
  cwd: string,
  results: FileResult[],
): { results: FileResult[]; compared: BaselineOutcome } {
  const fingerprints = fingerprintResults(cwd, results);
  if (use.kind === 'write') {
    const count = writeBaseline(use.file, fingerprints);
    const baseline = { entries: fingerprints.flat() };
    return {
      results: applyBaseline(cwd, baseline, results, fingerprints).results,
      compared: { absent: [], written: { given: use.given, count } },
    };
  }
  const { results: out, absent } = applyBaseline(cwd, use.baseline, results, fingerprints);
  return { results: out, compared: { absent } };
}

/** The lines said on stderr after the summary: what was written, or which entries can go. */
export function baselineReport(compared: BaselineOutcome, verbose: boolean): string[] {
  if (compared.written) {
    const n = compared.written.count;
    return [`wrote ${n} baseline entr${n === 1 ? 'y' : 'ies'} to ${compared.written.given}`];
  }
  const n = compared.absent.length;
  if (n === 0) return [];
  return [
    `${n} baseline entr${n === 1 ? 'y' : 'ies'} no longer occur${n === 1 ? 's' : ''}; rerun with --write-baseline to prune`,
    ...(verbose
      ? compared.absent.map(
          (e) =>
            `no longer occurs: ${e.file} ${e.code} "${e.text}"${e.occurrence > 0 ? ` (#${e.occurrence + 1})` : ''}`,
        )
      : []),
  ];
}
