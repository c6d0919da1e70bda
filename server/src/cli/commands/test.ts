import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { stringOption, type CliCommand } from '../cliCommand';
import { EXIT_FINDINGS, EXIT_OK, UsageError } from '../exitCodes';
import { visible } from '../visibleText';
import type { DetectionCaseResult } from '../../executor/detectionTests';
import { findDetectionTests, runDetectionTestFiles } from '../../executor/files/detectionTestFiles';

const HELP = `Usage: kqlhunt test [options] [PATH ...]

Runs detection tests: YAML files (*.test.yaml or *.kqltest.yaml) that name a rule or query file,
give input rows per table, and state the expected rows or row count. Each case runs on the local
KQL executor and is reported as passed or failed, with a diff of rows on failure. Folders are
searched recursively. With no PATH, the current folder is searched.

Options:
  -f, --format <text|json>  output format (default: text)
  -h, --help                this help

Exit codes: 0 every test passed, 1 a test failed, 2 bad usage or no test files found.
`;

export const testCommand: CliCommand = {
  name: 'test',
  summary: 'run detection tests (rules against sample rows) on the local executor',
  help: HELP,
  options: { format: { type: 'string', short: 'f' } },
  async run({ values, positionals }, io) {
    const format = stringOption(values, 'format') ?? 'text';
    if (format !== 'text' && format !== 'json')
      throw new UsageError(`unknown format '${format}' (formats: text, json)`);
    const roots = (positionals.length ? positionals : ['.']).map((p) => path.resolve(io.cwd, p));
    for (const r of roots)
      if (!existsSync(r)) throw new UsageError(`no such file or folder: ${path.relative(io.cwd, r) || r}`);
    const files = findDetectionTests(roots);
    if (files.length === 0) throw new UsageError('no detection test files (*.test.yaml) found');
    const results = runDetectionTestFiles(files);
    const failed = results.filter((r) => !r.passed).length;
    if (format === 'json') {
      io.stdout.write(
        `${JSON.stringify({ passed: results.length - failed, failed, results: results.map((r) => ({ ...r, file: path.relative(io.cwd, r.file) })) }, null, 2)}\n`,
      );
    } else io.stdout.write(textReport(results, io.cwd));
    return failed ? EXIT_FINDINGS : EXIT_OK;
  },
};

function textReport(results: DetectionCaseResult[], cwd: string): string {
  const lines: string[] = [];
  let file = '';
  for (const r of results) {
    if (r.file !== file) {
      file = r.file;
      lines.push(path.relative(cwd, file));
    }
    lines.push(`  ${r.passed ? 'PASS' : 'FAIL'}  ${r.name} (${r.durationMs} ms)`);
    if (!r.passed) {
      if (r.message) lines.push(`        ${r.message}`);
      if (r.diff) for (const d of r.diff.split('\n')) lines.push(`        ${d}`);
    }
  }
  const failed = results.filter((r) => !r.passed).length;
  lines.push('', `${results.length - failed} passed, ${failed} failed`);
  // Names, messages and diffs come from the test files and their rows: controls written out.
  return `${lines.map((line) => visible(line, '\t')).join('\n')}\n`;
}
