import * as path from 'node:path';
import type { Baseline, BaselineEntry } from '../language/baseline/baselineFile';
import { applyBaseline, fingerprintResults, readBaseline, writeBaseline } from './baseline';
import { stringOption, type OptionValues } from './cliCommand';
import type { CliConfig } from './config';
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

/** The baseline a configuration file names: its `baseline.file`, relative to the file's folder. */
export interface ConfiguredBaseline {
  /** The path as the configuration gives it, for messages. */
  readonly given: string;
  /** The configuration file's folder, which the path and the entries' file paths are relative to. */
  readonly baseDir: string;
  /** The configuration file, named when its baseline cannot be read. */
  readonly configFile: string;
}

/** The baseline the configuration file names, if it names one. */
export function configuredBaseline(config: CliConfig): ConfiguredBaseline | undefined {
  const given = config.settings.baseline.file;
  return config.file !== undefined && given !== ''
    ? { given, baseDir: config.baseDir, configFile: config.file }
    : undefined;
}

/**
 * The baseline the run uses: `--baseline` or `--write-baseline` as given, else the one the
 * configuration names unless `--no-baseline` says to leave it out.
 */
export function baselineOption(
  values: OptionValues,
  cwd: string,
  configured?: ConfiguredBaseline,
): BaselineUse | undefined {
  const read = stringOption(values, 'baseline');
  const write = stringOption(values, 'write-baseline');
  if (read !== undefined && write !== undefined)
    throw new UsageError(
      '--baseline and --write-baseline cannot be used together: --write-baseline records every current finding anyway',
    );
  if (read !== undefined && values['no-baseline'] === true)
    throw new UsageError('--baseline and --no-baseline cannot be used together');
  if (write !== undefined) return { kind: 'write', given: write, file: path.resolve(cwd, write) };
  if (read !== undefined) return { kind: 'compare', baseline: readBaseline(read, path.resolve(cwd, read)) };
  if (!configured || values['no-baseline'] === true) return undefined;
  const file = path.resolve(configured.baseDir, configured.given);
  let baseline: Baseline;
  try {
    baseline = readBaseline(displayPath(cwd, file), file);
  } catch (e) {
    const by = displayPath(cwd, configured.configFile);
    throw new UsageError(
      `${(e as Error).message}; ${by} names it as "baseline" (--no-baseline leaves it out)`,
    );
  }
  return { kind: 'compare', baseline: rebased(baseline, configured.baseDir, cwd) };
}

/**
 * A configured baseline's entries name files relative to the configuration's folder (the
 * repository root, where the editor matches them too); findings are matched under paths relative
 * to the folder the check runs in, so the entries are moved there. The same baseline then works
 * from a subfolder of the repository, where --write-baseline would have written other paths.
 */
function rebased(baseline: Baseline, from: string, to: string): Baseline {
  if (path.resolve(from) === path.resolve(to)) return baseline;
  return {
    entries: baseline.entries.map((e) => ({ ...e, file: displayPath(to, path.resolve(from, e.file)) })),
  };
}

/** A path as check reports it: relative to `cwd`, with `/`. */
function displayPath(cwd: string, file: string): string {
  return path.relative(cwd, file).split(path.sep).join('/');
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
