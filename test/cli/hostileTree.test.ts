import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runBin, tempTree } from '../helpers/cliHarness';

/**
 * `kqlhunt check` on a tree a pull request could hold: links to the runner's files and to
 * /proc, FIFOs, and an `--output` that names a file being checked. Each test builds the tree in a
 * temporary folder and runs the real CLI with a bounded wait, so that a hang fails the test.
 */
const WITHIN_MS = 90_000;

/** A query line with an unknown column: the check reports it and prints this line as the excerpt. */
const query = (marker: string) => `print note = "${marker}" | where NoSuchColumnAnywhere == 1\n`;

function mkfifo(file: string): void {
  execFileSync('mkfifo', [file]);
}

test('links to /proc and to files outside the folders checked are skipped with a note, never printed nor cached', async () => {
  const envMarker = `ENV_${randomBytes(8).toString('hex')}`;
  const outsideMarker = `OUTSIDE_${randomBytes(8).toString('hex')}`;
  const sourceMarker = `SOURCE_${randomBytes(8).toString('hex')}`;
  const outside = tempTree({ 'secret.kql': query(outsideMarker) });
  const home = tempTree({});
  const tree = tempTree({
    'ok.kql': query(sourceMarker),
    'real/target.kql': query(sourceMarker),
    'b/t.kql': query(sourceMarker),
  });
  try {
    const at = (rel: string) => path.join(tree.dir, rel);
    fs.symlinkSync('/proc/self/environ', at('leak.kql'));
    fs.symlinkSync(path.join(outside.dir, 'secret.kql'), at('outside.kql'));
    fs.symlinkSync('real/target.kql', at('linked.kql'));
    fs.mkdirSync(at('a'));
    fs.symlinkSync('../b/t.kql', at('a/cross.kql'));
    fs.symlinkSync(outside.dir, at('linkdir'));
    const env = { KQLHUNT_TEST_MARKER: envMarker, XDG_CACHE_HOME: home.dir };
    const leaked = (text: string) => text.includes(envMarker) || text.includes(outsideMarker);

    const run = await runBin(['check', '.', '--cache'], tree.dir, env, WITHIN_MS);
    assert.equal(run.code, 1, run.stderr);
    assert.ok(
      !leaked(run.stdout + run.stderr),
      'nothing from the environment or the outside file is printed',
    );
    assert.match(
      run.stderr,
      /^kqlhunt: skipped leak\.kql: it leads into \/proc, which kqlhunt never reads$/m,
    );
    assert.match(
      run.stderr,
      /^kqlhunt: skipped outside\.kql: it is a link to a file outside the folders being checked$/m,
    );
    // A link inside the tree is followed as before; the linked folder is not walked into.
    const reported = new Set([...run.stdout.matchAll(/^(\S+):\d+:\d+ error/gm)].map((m) => m[1]));
    assert.deepEqual([...reported].sort(), [
      'a/cross.kql',
      'b/t.kql',
      'linked.kql',
      'ok.kql',
      'real/target.kql',
    ]);

    // The cache holds hashes and findings: no environment, no outside file, no source line.
    const cache = fs.readFileSync(at('.kqlhunt-cache'), 'utf8');
    assert.ok(!leaked(cache) && !cache.includes(sourceMarker), cache.slice(0, 400));
    assert.ok(run.stdout.includes(sourceMarker), 'the source lines still come with the findings');
    const cached = await runBin(['check', '.', '--cache'], tree.dir, env, WITHIN_MS);
    assert.equal(cached.stdout, run.stdout);
    assert.match(cached.stderr, /\(5 from the cache\)/);

    // A glob judges links against its base folder; a link out of the one folder checked is skipped.
    const glob = await runBin(['check', '**/*.kql'], tree.dir, env, WITHIN_MS);
    assert.ok(!leaked(glob.stdout + glob.stderr));
    assert.match(glob.stderr, /skipped leak\.kql: it leads into \/proc/);
    assert.match(glob.stderr, /skipped outside\.kql: it is a link to a file outside/);
    const onlyA = await runBin(['check', 'a'], tree.dir, env, WITHIN_MS);
    assert.equal(onlyA.code, 0, onlyA.stderr);
    assert.match(
      onlyA.stderr,
      /skipped a\/cross\.kql: it is a link to a file outside the folders being checked/,
    );

    // Named outright, a link that leads out of the working folder is an error, not a pass.
    for (const [arg, message] of [
      ['leak.kql', /leak\.kql leads into \/proc, which kqlhunt never reads/],
      ['outside.kql', /outside\.kql is a link that leads outside the working folder/],
      ['linkdir', /linkdir is a link that leads outside the working folder/],
    ] as const) {
      const named = await runBin(['check', arg], tree.dir, env, WITHIN_MS);
      assert.equal(named.code, 2, `${arg}: ${named.stderr}`);
      assert.match(named.stderr, message);
      assert.ok(!leaked(named.stdout + named.stderr));
    }
  } finally {
    tree.dispose();
    outside.dispose();
    home.dispose();
  }
});

test('FIFOs in the tree, as .gitignore or as the cache are never waited on; a FIFO named outright is an error', async () => {
  const home = tempTree({});
  const tree = tempTree({ 'ok.kql': query('fine'), 'sub/x.kql': query('fine') });
  try {
    const at = (rel: string) => path.join(tree.dir, rel);
    mkfifo(at('fifo.kql'));
    mkfifo(at('sub/.gitignore'));
    mkfifo(at('cache-fifo'));
    fs.symlinkSync('fifo.kql', at('to-fifo.kql'));
    const env = { XDG_CACHE_HOME: home.dir };
    const run = await runBin(
      ['check', '.', '--cache', '--cache-location', 'cache-fifo'],
      tree.dir,
      env,
      WITHIN_MS,
    );
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stderr, /^kqlhunt: skipped fifo\.kql: it is a FIFO, not a regular file$/m);
    assert.match(run.stderr, /^kqlhunt: skipped to-fifo\.kql: it is a FIFO, not a regular file$/m);
    assert.match(run.stderr, /the cache .*cache-fifo could not be read \(it is a FIFO, not a regular file\)/);
    assert.match(run.stdout, /^sub\/x\.kql:1:/m, 'the folder with the FIFO .gitignore is still checked');

    const named = await runBin(['check', 'fifo.kql'], tree.dir, env, WITHIN_MS);
    assert.equal(named.code, 2);
    assert.match(
      named.stderr,
      /fifo\.kql is a FIFO, not a regular file: kqlhunt reads only files and folders/,
    );
  } finally {
    tree.dispose();
    home.dispose();
  }
});

test('--output naming a file being read is refused with exit 2; a report is written whole, leaving no temporary file', async () => {
  const tree = tempTree({ 'q.kql': query('keep me'), 'sub/r.kql': query('keep me too') });
  try {
    const original = fs.readFileSync(path.join(tree.dir, 'q.kql'), 'utf8');
    fs.symlinkSync('q.kql', path.join(tree.dir, 'report-link.txt'));
    for (const args of [
      ['q.kql', '-o', 'q.kql'],
      ['.', '--output', 'sub/../q.kql'],
      ['.', '-o', 'report-link.txt'],
      ['sub', '-o', path.join(tree.dir, 'sub', 'r.kql')],
    ]) {
      const run = await runBin(['check', ...args], tree.dir, {}, WITHIN_MS);
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.match(
        run.stderr,
        /--output .* is one of the files being read; write the report to another file/,
      );
    }
    assert.equal(fs.readFileSync(path.join(tree.dir, 'q.kql'), 'utf8'), original);
    assert.equal(fs.readFileSync(path.join(tree.dir, 'sub', 'r.kql'), 'utf8'), query('keep me too'));

    const written = await runBin(
      ['check', '.', '-f', 'json', '-o', 'out/report.json'],
      tree.dir,
      {},
      WITHIN_MS,
    );
    assert.equal(written.code, 1, written.stderr);
    assert.equal(
      (JSON.parse(fs.readFileSync(path.join(tree.dir, 'out', 'report.json'), 'utf8')) as unknown[]).length,
      2,
    );
    assert.deepEqual(fs.readdirSync(path.join(tree.dir, 'out')), ['report.json']);
  } finally {
    tree.dispose();
  }
});
