import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { runBin } from '../helpers/cliHarness';
import { FIXTURES } from '../helpers/paths';
import { sarifSchemaErrors } from '../helpers/sarifSchema';

/**
 * The built `kqlhunt check` on test/fixtures/cli/project, compared with the expected output of
 * every format in test/fixtures/cli/expected. When the language service rightly starts to report
 * more (new lints, rule checks), review the difference and regenerate the files with
 * `UPDATE_GOLDEN=1 node --test out/test/cli`.
 */
const PROJECT = path.join(FIXTURES, 'cli', 'project');
const EXPECTED = path.join(FIXTURES, 'cli', 'expected');
const FORMATS = {
  text: 'check.txt',
  json: 'check.json',
  sarif: 'check.sarif',
  github: 'check.github.txt',
} as const;

/** Output that depends on the machine (the checkout folder) or the release is replaced by placeholders. */
function normalize(text: string): string {
  const version = (
    JSON.parse(fs.readFileSync(path.join(FIXTURES, '..', '..', 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
  return text
    .split(pathToFileURL(PROJECT + '/').href)
    .join('file:///PROJECT/')
    .split(`"${version}"`)
    .join('"VERSION"');
}

for (const [format, file] of Object.entries(FORMATS)) {
  test(`--format ${format} matches ${file}`, async () => {
    const run = await runBin(['check', '--format', format, '--jobs', '1'], PROJECT);
    assert.equal(run.code, 1, run.stderr);
    const actual = normalize(run.stdout);
    const expectedFile = path.join(EXPECTED, file);
    if (process.env.UPDATE_GOLDEN) fs.writeFileSync(expectedFile, actual);
    assert.equal(actual, fs.readFileSync(expectedFile, 'utf8'));
    // Nine files: the project's .kqlhunt.json is kqlhunt's own, not one of the files checked.
    assert.match(run.stderr, /^kqlhunt: 8 errors, 1 warning, 1 info in 8 of 9 files\n$/);
    if (format === 'sarif') assert.deepEqual(sarifSchemaErrors(JSON.parse(run.stdout)), []);
  });
}

test('worker threads report exactly what one thread does, in the same order', async () => {
  const one = await runBin(['check', '-f', 'json', '-j', '1', '-q'], PROJECT);
  const two = await runBin(['check', '-f', 'json', '-j', '2', '-q'], PROJECT);
  assert.equal(two.code, 1, two.stderr);
  assert.equal(two.stdout, one.stdout);
  assert.ok(JSON.parse(two.stdout).length > 0);
});

test('exit codes of the executable: 0 below --fail-on, 1 at it, 2 with one line on stderr for bad usage', async () => {
  assert.equal((await runBin(['check', '-q', '--fail-on', 'never'], PROJECT)).code, 0);
  assert.equal((await runBin(['check', '-q', 'queries/clean.csl'], PROJECT)).code, 0);
  assert.equal(
    (await runBin(['check', '-q', '--fail-on', 'warning', 'hunting/process-join.kql'], PROJECT)).code,
    1,
  );
  assert.equal((await runBin(['check', '-q', 'hunting/process-join.kql'], PROJECT)).code, 0);
  const bad = await runBin(['check', '--format', 'xml'], PROJECT);
  assert.equal(bad.code, 2);
  assert.equal(bad.stderr, "kqlhunt check: unknown format 'xml' (formats: text, json, sarif, github)\n");
  assert.equal(bad.stdout, '');
});

test('colour only on a terminal: piped output is plain unless FORCE_COLOR asks for it', async () => {
  const piped = await runBin(['check', '-q', 'queries/tightvnc.kql'], PROJECT);
  assert.ok(!piped.stdout.includes('\x1b['));
  const forced = await runBin(['check', '-q', 'queries/tightvnc.kql'], PROJECT, { FORCE_COLOR: '1' });
  assert.ok(forced.stdout.includes('\x1b[31merror'));
  assert.equal(forced.stdout.replace(/\x1b\[\d+m/g, ''), piped.stdout);
});
