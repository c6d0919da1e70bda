import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { stringOption, type CliCommand } from '../cliCommand';
import type { CliIo } from '../cliIo';
import { loadConfig } from '../config';
import { EXIT_FINDINGS, EXIT_OK, UsageError } from '../exitCodes';
import { collectFiles } from '../fileCollection';
import { writeFileAtomically } from '../fmt/atomicWrite';
import { formatText } from '../fmt/formatText';
import { languageIdOf } from '../languageIds';
import { readRegularFile } from '../regularFile';
import { createCliService } from '../schemaSources';
import { visible } from '../visibleText';

const HELP = `Usage: kqlhunt fmt [--write|--check|--diff] [options] [PATH|GLOB ...]

Formats KQL with the editor's formatter and its kqlHunting.format settings: .kql, .csl and
.kusto files, the query: of Sentinel rule and hunting YAML, and kql/kusto fences in Markdown.
In YAML only the lines of the query's literal block (query: |, |-, |+) are rewritten, keeping
its indentation, the file's comments, other keys and line ends. Folders are searched
recursively, leaving out what .gitignore ignores; ARM template JSON is not rewritten.
With no PATH, the current folder is formatted.

Modes (one of):
      --write                     rewrite the files that change (the default, as ruff format
                                  and cargo fmt do); each is replaced in one step
      --check                     change nothing; list the files that would change
      --diff                      change nothing; print a unified diff of each change

Options:
  -c, --config <FILE>             settings file (default: the nearest .kqlhunt.json above the
                                  current folder); its "format" keys are the editor's
                                  kqlHunting.format settings
  -q, --quiet                     no summary on standard error
  -h, --help                      this help

The engine's formatter is run on each query until its output no longer changes (at most 3
times), as one run does not always settle, so that formatting a formatted file changes nothing.

A file is left as it is, with a note on standard error, when its KQL has a syntax error, when
a rule's query is a quoted, plain or folded (>) YAML scalar, when the formatted queries would
not bind to the same result columns without new errors (a formatter fault, checked every time),
or when formatting the formatted file would change it again (checked every time too). With
--check and --diff such a file fails the run: its formatting was not checked.

Exit codes: 0 done (for --check and --diff: nothing would change and every file was checked),
1 some file would change or could not be checked (--check and --diff only), 2 bad usage or a
file that cannot be read or written.
`;

type Mode = 'write' | 'check' | 'diff';

export const fmtCommand: CliCommand = {
  name: 'fmt',
  summary: 'format queries in KQL, rule YAML and Markdown files, as the editor does',
  help: HELP,
  options: {
    write: { type: 'boolean' },
    check: { type: 'boolean' },
    diff: { type: 'boolean' },
    config: { type: 'string', short: 'c' },
    quiet: { type: 'boolean', short: 'q' },
  },
  async run({ values, positionals }, io) {
    const modes = (['write', 'check', 'diff'] as const).filter((m) => values[m] === true);
    if (modes.length > 1) throw new UsageError(`--${modes.join(' and --')} cannot be used together`);
    const mode: Mode = modes[0] ?? 'write';
    const { settings } = loadConfig(io.cwd, stringOption(values, 'config'));
    const files = (
      await collectFiles(positionals.length > 0 ? positionals : ['.'], io.cwd, (file, reason) =>
        note(io, `skipped ${file}: ${reason}`),
      )
    ).filter((f) => languageIdOf(f) !== 'json');
    const service = createCliService([], {});

    let changed = 0;
    // A gate must not pass what it did not look at: a file left as it is fails --check and --diff.
    let unchecked = 0;
    for (const file of files) {
      const display = path.relative(io.cwd, file).split(path.sep).join('/');
      const original = readText(file, display);
      if (original === undefined) {
        note(io, `${display}: not UTF-8 text, so it is left as it is`);
        unchecked++;
        continue;
      }
      const bom = original.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
      const text = original.slice(bom.length);
      const result = formatText(service, pathToFileURL(file).href, languageIdOf(file)!, text, settings);
      for (const n of result.notes) note(io, `${display}: ${n}`);
      if (result.notes.length > 0) unchecked++;
      if (result.text === undefined) continue;
      changed++;
      if (mode === 'check') io.stdout.write(`${visible(display)}\n`);
      else if (mode === 'diff') io.stdout.write(unifiedDiff(display, text, result.text));
      else {
        try {
          writeFileAtomically(file, bom + result.text);
        } catch (e) {
          throw new UsageError(`cannot write ${display}: ${(e as Error).message}`);
        }
        io.stdout.write(`${visible(display)}\n`);
      }
    }
    if (values.quiet !== true) io.stderr.write(summary(mode, changed, unchecked, files.length));
    return mode !== 'write' && changed + unchecked > 0 ? EXIT_FINDINGS : EXIT_OK;
  },
};

/** The file as UTF-8 text, or undefined when its bytes are not UTF-8 (writing it back would change them). */
function readText(file: string, display: string): string | undefined {
  let bytes: Buffer;
  try {
    bytes = readRegularFile(file);
  } catch (e) {
    throw new UsageError(`cannot read ${display}: ${(e as Error).message}`);
  }
  const text = bytes.toString('utf8');
  return Buffer.from(text, 'utf8').equals(bytes) ? text : undefined;
}

/** A unified diff with git's a/ and b/ file headers, which reviewers and `git apply` read. */
function unifiedDiff(display: string, before: string, after: string): string {
  return visibleDiff(
    createTwoFilesPatch(`a/${display}`, `b/${display}`, before, after, undefined, undefined, {
      headerOptions: FILE_HEADERS_ONLY,
    }),
  );
}

/**
 * A diff made visible line by line (visibleText.ts); a CR that ends a line is the file's own CRLF
 * and stays, so that the diff of a CRLF file reads as one.
 */
function visibleDiff(diff: string): string {
  return diff
    .split('\n')
    .map((line) => (line.endsWith('\r') ? `${visible(line.slice(0, -1))}\r` : visible(line)))
    .join('\n');
}

function note(io: CliIo, text: string): void {
  io.stderr.write(`kqlhunt: ${visible(text)}\n`);
}

function summary(mode: Mode, changed: number, unchecked: number, total: number): string {
  const files = (n: number) => `${n} file${n === 1 ? '' : 's'}`;
  const verb = mode === 'write' ? 'reformatted' : 'would be reformatted';
  const left =
    unchecked > 0
      ? `; ${files(unchecked)} left as ${unchecked === 1 ? 'it is' : 'they are'} (see above)`
      : '';
  return `kqlhunt: ${changed} of ${files(total)} ${verb}${left}\n`;
}
