import * as os from 'node:os';
import * as path from 'node:path';
import { type CheckJob } from '../fileChecker';
import { stringOption, stringsOption, type CliCommand, type OptionValues } from '../cliCommand';
import { useColour, type CliIo } from '../cliIo';
import { loadConfig } from '../config';
import { EXIT_FINDINGS, EXIT_OK, UsageError } from '../exitCodes';
import { collectFiles } from '../fileCollection';
import {
  countBySeverity,
  SEVERITY_RANK,
  uncheckedFiles,
  type FileResult,
  type FindingSeverity,
} from '../findings';
import { FORMATS, isFormatName } from '../formats';
import { languageIdOf } from '../languageIds';
import { TOOL_VERSION } from '../toolVersion';
import { createProgress } from '../progress';
import { ruleIdsOf } from '../ruleIdTable';
import { discoverRepository } from '../../schemaFiles/repositoryDiscovery';
import { brokenParsersOf, loadSchemaFiles, schemaFileResults, withSchemaResults } from '../schemaSources';
import { runChecks } from '../checkRunner';
import {
  baselineOption,
  baselineReport,
  compareBaseline,
  configuredBaseline,
  type BaselineOutcome,
} from '../baselineRun';
import { selectChanged, type SelectionInput } from '../changedSelection';
import { gitChanges } from '../gitChanges';
import { CheckCache, DEFAULT_CACHE_FILE } from '../checkCache';
import { refuseOutputOverInput, writeOutput } from '../outputFile';
import { cacheSecret } from '../cacheSecret';
import { visible } from '../visibleText';
import { isEnvironmentId } from '../../schema/environment';
import { LINT_RULES } from '../../language/lints/lintRules';
import type { KqlHuntingSettings } from '../../protocol/settings';

const FAIL_ON = ['error', 'warning', 'info', 'never'] as const;
type FailOn = (typeof FAIL_ON)[number];

/**
 * Below this many files one thread is used. Each worker thread loads its own engine and builds
 * its own schema catalogue (one to several seconds of CPU), while a rule costs roughly 0.1 s:
 * a second thread only pays off once half the files take longer than that set-up, and on a
 * busy machine it costs the set-up twice. See bench/cliCheck.bench.ts and bench/README.md.
 */
const MIN_FILES_FOR_WORKERS = 64;

const HELP = `Usage: kqlhunt check [options] [PATH|GLOB ...]
       kqlhunt check [PATH|GLOB ...] --changed [BASE] [options]

Checks KQL the way the KQL Hunting editor does, with the same engine, schemas, lints and rule
checks: .kql, .csl and .kusto files, and the queries inside Sentinel rule YAML, Markdown and
ARM template JSON. Folders are searched recursively, leaving out what .gitignore ignores.
With no PATH, the current folder is checked.

Options:
  -f, --format <text|json|sarif|github>  output format (default: text)
      --fail-on <error|warning|info|never>
                                  exit with 1 when a finding is at least this severe (default: error)
      --env <defender|sentinel>   schema environment for files that do not pin one
      --schema <FILE>             custom schema file or glob (repeatable), merged over the built-in
                                  catalogue table by table; used instead of schemaFiles
  -c, --config <FILE>             settings file (default: the nearest .kqlhunt.json above the
                                  current folder); keys as the kqlHunting.* editor settings
  -o, --output <FILE>             write the report to FILE instead of standard output
  -j, --jobs <N>                  threads to check with (default: one per free core for large runs)
      --cache                     reuse the findings of files unchanged since the last --cache run
      --cache-location <FILE>     where the cache is kept (default: ${DEFAULT_CACHE_FILE} in the
                                  current folder)
      --baseline <FILE>           findings recorded in FILE are accepted: they do not fail the run
                                  and are not printed (SARIF keeps them, baselineState unchanged)
      --write-baseline <FILE>     record every current finding in FILE as accepted, and pass
      --no-baseline               leave out the baseline the configuration names
      --require-suppression-reason
                                  a kqlhunt-disable comment without "-- reason" is an error
                                  (the suppression-without-reason lint, a hint otherwise)
      --changed [BASE]            check only what changed since BASE, a git commit or branch
                                  (default: origin/HEAD, else main, master, origin/main or
                                  origin/master), counted from where HEAD left it (their merge
                                  base): changed, staged, unstaged and untracked files (deleted
                                  ones are skipped, renamed ones taken under their new name),
                                  plus the rules that call a changed parser or function, directly
                                  or through other parsers, or read a changed table (found by
                                  name in the file's text); everything when .kqlhunt.json changed.
                                  Parsers and schemas still load from the whole repository. The
                                  word after --changed is BASE unless it starts with "-"
  -q, --quiet                     no progress and no summary on standard error
  -v, --verbose                   say which schemas and parsers were loaded, and from where, and
                                  which baseline entries no longer occur, and which files
                                  --changed selected and why

Run at the root of a detection repository (Azure-Sentinel's layout), check loads with no
configuration the custom table and function schemas of its KQL validation
(.script/tests/KqlvalidationsTests) and its parser functions (Parsers/, Solutions/*/Parsers/,
ASIM/), so rules that call them are checked against the columns the parsers return.
  -h, --help                      this help

Inline suppressions: "// kqlhunt-disable-next-line CODE, CODE -- reason" in KQL hides those
findings on the next line, "// kqlhunt-disable CODE -- reason" in the rest of the query, and
"# kqlhunt-disable CODE -- reason" at the top of a rule YAML its rule checks. Suppressed findings
do not count toward the exit code; SARIF keeps them, marked suppressed with the reason. A
suppression that hides nothing is reported as unused-suppression.

Baselines: --write-baseline records each finding by its file (relative to the current folder, so
run at the repository root), its code and the text it flags, not its line, so that an entry still
matches after lines move or other parts of the file change. With --baseline, only findings not in
the file count toward the exit code and are printed, as ESLint's bulk suppressions do; the summary
counts the accepted ones, and entries that no longer occur are counted (listed with --verbose) so
that the file can be pruned by writing it again. SARIF marks results new, unchanged or absent.
The configuration's "baseline" key ("baseline": "FILE", or {"file": "FILE"} as the editor's
kqlHunting.baseline setting) names a baseline relative to the configuration file, used when
--baseline is not given (--no-baseline leaves it out); its entries name files relative to that
file's folder too, so write it there (at the repository root) and it matches from any subfolder.

Exit codes: 0 no findings at or above --fail-on, 1 some, 2 bad usage or an internal error.
`;

export const checkCommand: CliCommand = {
  name: 'check',
  summary: 'check queries and rule files, as the editor does (for reviews and CI)',
  help: HELP,
  options: {
    format: { type: 'string', short: 'f' },
    'fail-on': { type: 'string' },
    env: { type: 'string' },
    schema: { type: 'string', multiple: true },
    config: { type: 'string', short: 'c' },
    output: { type: 'string', short: 'o' },
    jobs: { type: 'string', short: 'j' },
    quiet: { type: 'boolean', short: 'q' },
    verbose: { type: 'boolean', short: 'v' },
    cache: { type: 'boolean' },
    'cache-location': { type: 'string' },
    'require-suppression-reason': { type: 'boolean' },
    baseline: { type: 'string' },
    'write-baseline': { type: 'string' },
    'no-baseline': { type: 'boolean' },
    changed: { type: 'string' },
  },
  optionalValues: ['changed'],
  async run({ values, positionals }, io) {
    const format = stringOption(values, 'format') ?? 'text';
    if (!isFormatName(format))
      throw new UsageError(`unknown format '${format}' (formats: ${Object.keys(FORMATS).join(', ')})`);
    const failOn = parseFailOn(stringOption(values, 'fail-on'));
    const quiet = values.quiet === true;
    const config = loadConfig(io.cwd, stringOption(values, 'config'));
    // Read before checking, so that a bad baseline file is reported at once.
    const baselineUse = baselineOption(values, io.cwd, configuredBaseline(config));
    const settings = applyOverrides(config.settings, values);
    const schemaFromCli = stringsOption(values, 'schema');
    // A detection repository's own tables and parsers come first; schema files are laid over them.
    const repository = settings.repositoryDiscovery
      ? await discoverRepository(io.cwd)
      : { files: [], report: [] };
    const schemaFiles = [
      ...repository.files,
      ...(schemaFromCli.length > 0
        ? await loadSchemaFiles(schemaFromCli, io.cwd)
        : await loadSchemaFiles(settings.schemaFiles, config.baseDir)),
    ];
    const schemas = schemaFiles.map((f) => f.source);
    if (values.verbose === true) {
      for (const line of repository.report) note(io, `loaded from the repository: ${line}`);
      for (const f of schemaFiles.slice(repository.files.length))
        note(
          io,
          `loaded schema file ${displayPath(io.cwd, f.file)}: ${f.source.tables.length} table(s), ${f.source.functions.length} function(s)`,
        );
    }

    // Skipped links and special files are always reported, --quiet or not: they were not checked.
    // The configuration in use is never a file to check, whatever --config calls it.
    const files = (
      await collectFiles(positionals.length > 0 ? positionals : ['.'], io.cwd, (file, reason) =>
        note(io, `skipped ${file}: ${reason}`),
      )
    ).filter((file) => file !== config.file);
    const outputFile = stringOption(values, 'output');
    const outputPath = outputFile === undefined ? undefined : path.resolve(io.cwd, outputFile);
    if (outputPath)
      refuseOutputOverInput(outputFile!, outputPath, [
        ...files,
        ...schemaFiles.map((f) => f.file),
        ...(config.file ? [config.file] : []),
      ]);
    const allJobs: CheckJob[] = files.map((file) => ({
      path: file,
      display: displayPath(io.cwd, file),
      languageId: languageIdOf(file)!,
    }));
    // Rule ids are gathered from the whole set first: the duplicate-id check compares across
    // files, also those --changed leaves out.
    const setup = {
      settings,
      schemas,
      ruleIds: ruleIdsOf(allJobs),
      ...(repository.skips ? { ciSkips: repository.skips } : {}),
      // Found before the workers start, each of which would otherwise bind the parsers again.
      ...(repository.files.length > 0 ? { brokenParsers: brokenParsersOf(schemas) } : {}),
    };
    const changedBase = stringOption(values, 'changed');
    const jobs =
      changedBase === undefined
        ? allJobs
        : await changedJobs(allJobs, changedBase, {
            io,
            quiet,
            verbose: values.verbose === true,
            definitions: schemaFiles,
            discovery: settings.repositoryDiscovery,
            configFile: config.file,
            skipFiles: repository.skipFiles,
            ruleIds: setup.ruleIds,
          });
    const cache = openCache(values, io, setup, jobs, quiet);
    const lookup = cache?.lookup();
    if (lookup?.note && !quiet) note(io, lookup.note);
    const toCheck = lookup ? lookup.misses.map((i) => jobs[i]) : jobs;
    const workers = chooseWorkers(toCheck.length, stringOption(values, 'jobs'));

    const progress = createProgress(io.stderr, !quiet);
    let results: FileResult[];
    try {
      const checked = await runChecks(toCheck, setup, {
        workers,
        onProgress: (d, t) => progress.update(d, t),
      });
      results = lookup ? mergeInJobOrder(jobs.length, lookup.hits, lookup.misses, checked) : checked;
      const cacheProblem = cache?.save(results);
      if (cacheProblem && !quiet) note(io, cacheProblem);
      // Problems in the custom schema files are shown on those files, as the editor shows them.
      results = withSchemaResults(
        results,
        schemaFileResults(schemaFiles, (file) => displayPath(io.cwd, file), setup.brokenParsers),
      );
    } finally {
      progress.clear();
    }

    let compared: BaselineOutcome | undefined;
    if (baselineUse) ({ results, compared } = compareBaseline(baselineUse, io.cwd, results));

    const stream = outputPath ? undefined : io.stdout;
    const text = FORMATS[format]({
      results,
      cwd: io.cwd,
      toolVersion: TOOL_VERSION,
      colour: format === 'text' && !!stream && useColour(io, stream),
      ...(compared ? { baseline: { absent: compared.absent } } : {}),
    });
    if (outputPath) writeOutput(outputPath, text);
    else io.stdout.write(text);

    const findings = results.flatMap((r) => r.findings);
    if (!quiet) {
      io.stderr.write(
        summary(results, findings.length === 0 ? undefined : countBySeverity(findings), lookup?.hits.size),
      );
      if (compared) for (const line of baselineReport(compared, values.verbose === true)) note(io, line);
    }
    const failing =
      failOn !== 'never' && findings.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[failOn]);
    return failing ? EXIT_FINDINGS : EXIT_OK;
  },
};

/** One line on stderr, with what came from files made visible (visibleText.ts). */
function note(io: CliIo, text: string): void {
  io.stderr.write(`kqlhunt: ${visible(text)}\n`);
}

function openCache(
  values: OptionValues,
  io: CliIo,
  setup: ConstructorParameters<typeof CheckCache>[1],
  jobs: readonly CheckJob[],
  quiet: boolean,
): CheckCache | undefined {
  const location = stringOption(values, 'cache-location');
  if (values.cache !== true) {
    if (location !== undefined) throw new UsageError('--cache-location is only used with --cache');
    return undefined;
  }
  const secret = cacheSecret(io.env, io.cwd);
  if ('problem' in secret) {
    // Without its key the cache could be forged: the run goes on, checking every file.
    if (!quiet) note(io, `the cache is not used: ${secret.problem}`);
    return undefined;
  }
  return new CheckCache(
    path.resolve(io.cwd, location ?? DEFAULT_CACHE_FILE),
    setup,
    jobs,
    secret.key,
    io.cwd,
  );
}

/** The jobs `--changed` selects (changedSelection.ts), said on stderr with their reasons under --verbose. */
async function changedJobs(
  jobs: readonly CheckJob[],
  base: string,
  context: Omit<SelectionInput, 'cwd' | 'files' | 'changes'> & {
    io: CliIo;
    quiet: boolean;
    verbose: boolean;
  },
): Promise<CheckJob[]> {
  const { io } = context;
  const changes = await gitChanges(io.cwd, base);
  const selected = await selectChanged({
    ...context,
    cwd: io.cwd,
    files: jobs.map((j) => j.path),
    changes,
  });
  if (!context.quiet)
    note(
      io,
      `--changed: ${changes.changed.size} file(s) changed since ${changes.base} (merge base ${changes.mergeBase.slice(0, 12)}); checking ${selected.size} of ${jobs.length}`,
    );
  if (context.verbose)
    for (const job of jobs) {
      const reason = selected.get(job.path);
      if (reason !== undefined) note(io, `selected ${job.display}: ${reason}`);
    }
  return jobs.filter((j) => selected.has(j.path));
}

/** The cached and the freshly checked results, back in the order of the jobs. */
function mergeInJobOrder(
  count: number,
  hits: ReadonlyMap<number, FileResult>,
  misses: readonly number[],
  checked: readonly FileResult[],
): FileResult[] {
  const out: FileResult[] = new Array(count);
  for (const [i, result] of hits) out[i] = result;
  misses.forEach((jobIndex, k) => (out[jobIndex] = checked[k]));
  return out;
}

function parseFailOn(value: string | undefined): FailOn {
  if (value === undefined) return 'error';
  const found = FAIL_ON.find((v) => v === value);
  if (!found) throw new UsageError(`--fail-on must be one of ${FAIL_ON.join(', ')}, not '${value}'`);
  return found;
}

function applyOverrides(settings: KqlHuntingSettings, values: OptionValues): KqlHuntingSettings {
  const env = stringOption(values, 'env');
  if (env !== undefined && !isEnvironmentId(env))
    throw new UsageError(`--env must be defender or sentinel, not '${env}'`);
  // A lint severity like any other, so the editor can be told the same in kqlHunting.lints.
  const lints =
    values['require-suppression-reason'] === true
      ? { ...settings.lints, [LINT_RULES.suppressionWithoutReason.id]: 'error' as const }
      : settings.lints;
  return { ...settings, ...(env === undefined ? {} : { environment: env }), lints };
}

/**
 * Worker threads to use: `--jobs`, else, once a run is large enough to gain from them, one per
 * core that is free. On a busy machine the scheduler shares the CPU between processes, so extra
 * threads only add their set-up (measured: 40 rules at a load of 10 on 2 cores took 26 s with one
 * thread and 50 s with two); the one-minute load average tells how many cores are taken.
 */
export function chooseWorkers(
  fileCount: number,
  requested: string | undefined,
  cores: number = os.availableParallelism(),
  load: number = os.loadavg()[0],
): number {
  if (requested !== undefined) {
    const n = Number(requested);
    if (!Number.isInteger(n) || n < 1 || n > 64)
      throw new UsageError(`--jobs must be a whole number from 1 to 64, not '${requested}'`);
    return n;
  }
  if (fileCount < MIN_FILES_FOR_WORKERS) return 1;
  return Math.max(1, Math.min(cores, Math.round(cores - load)));
}

/** Paths as printed: relative to the working folder, with forward slashes on every platform. */
function displayPath(cwd: string, file: string): string {
  return path.relative(cwd, file).split(path.sep).join('/');
}

function summary(
  results: readonly FileResult[],
  counts: Record<FindingSeverity, number> | undefined,
  fromCache: number | undefined,
): string {
  const files = `${results.length} file${results.length === 1 ? '' : 's'}${fromCache === undefined ? '' : ` (${fromCache} from the cache)`}`;
  // Said, so that a gate that passes because of suppressions does not look clean.
  const hidden = results.reduce((n, r) => n + (r.suppressed?.length ?? 0), 0);
  const inSource = hidden === 0 ? '' : `; ${hidden} suppressed in source`;
  const accepted = results.reduce((n, r) => n + (r.baselined?.length ?? 0), 0);
  const suppressed = inSource + (accepted === 0 ? '' : `; ${accepted} in the baseline`);
  if (!counts) return `kqlhunt: no problems in ${files}${suppressed}\n`;
  const withFindings = results.filter((r) => r.findings.length > 0).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  // A file over an input limit was only partly checked; say so, since its other problems may be unknown.
  const unchecked = uncheckedFiles(results).length;
  const notChecked =
    unchecked === 0
      ? ''
      : `; ${plural(unchecked, 'file')} not fully checked (over an input limit, see the KQLH-LIMIT findings)`;
  return `kqlhunt: ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info in ${withFindings} of ${files}${notChecked}${suppressed}\n`;
}
