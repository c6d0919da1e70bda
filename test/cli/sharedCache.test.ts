import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { KQLHUNT_BIN, runBin, tempTree } from '../helpers/cliHarness';
import { REPO_ROOT } from '../helpers/paths';

/**
 * The `--cache` file shared between CI runs (restored by actions/cache or Cache@2): it may save
 * work, never give an answer from another checkout path, another build of the tool or other
 * parser definitions; and runs over different parts of the repository (`--changed`) share it.
 */
const rule = (id: string, query: string) =>
  `id: ${id}\nname: rule ${id.slice(0, 4)}\nkind: Scheduled\nquery: |\n${query
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n')}\n`;

const PARSER = 'ParserName: WidgetEvents\nParserQuery: |\n  print Colour = "red", TimeGenerated = now()\n';

const REPO = {
  'Parsers/WidgetEvents.yaml': PARSER,
  'Rules/a.yaml': rule('11111111-1111-4111-8111-111111111111', 'WidgetEvents\n| project Colour'),
  'Rules/b.yaml': rule('22222222-2222-4222-8222-222222222222', 'WidgetEvents\n| project Size'),
  'queries/c.kql': 'print x = 1\n| project y\n',
};

const KEY_HOME = tempTree({});
process.on('exit', () => KEY_HOME.dispose());
const ENV = { XDG_CACHE_HOME: KEY_HOME.dir, KQLHUNT_CACHE_KEY: 'the CI secret' };
const CACHE = ['--cache', '--cache-location', path.join(KEY_HOME.dir, 'shared-cache.json')];
const JSON_ARGS = ['check', '-f', 'json', '--fail-on', 'never', '-j', '1'];

const fromCache = (stderr: string) => Number(/\((\d+) from the cache\)/.exec(stderr)?.[1] ?? NaN);

test('a cache restored at another checkout path, or after a parser changed, answers nothing', async () => {
  const first = tempTree(REPO);
  const second = tempTree(REPO);
  try {
    const uncached = await runBin(JSON_ARGS, first.dir, ENV);
    assert.ok(JSON.parse(uncached.stdout).length > 0, 'the rules have findings a stale cache could hide');
    await runBin([...JSON_ARGS, ...CACHE], first.dir, ENV);
    const again = await runBin([...JSON_ARGS, ...CACHE], first.dir, ENV);
    assert.equal(fromCache(again.stderr), 4, again.stderr);
    assert.equal(again.stdout, uncached.stdout);

    // The same files, the same key, another folder: every file is checked again.
    const moved = await runBin([...JSON_ARGS, ...CACHE], second.dir, ENV);
    assert.equal(fromCache(moved.stderr), 0, moved.stderr);
    assert.equal(moved.stdout, uncached.stdout);

    // The parser now returns Size too: the rule that projects it has no error any more, and
    // nothing comes from the cache, since every rule may call the parser.
    await runBin([...JSON_ARGS, ...CACHE], first.dir, ENV);
    fs.writeFileSync(
      path.join(first.dir, 'Parsers/WidgetEvents.yaml'),
      PARSER.replace('TimeGenerated', 'Size = 3, TimeGenerated'),
    );
    const edited = await runBin([...JSON_ARGS, ...CACHE], first.dir, ENV);
    assert.equal(fromCache(edited.stderr), 0, edited.stderr);
    assert.equal(edited.stdout, (await runBin(JSON_ARGS, first.dir, ENV)).stdout);
    assert.notEqual(edited.stdout, uncached.stdout);
  } finally {
    first.dispose();
    second.dispose();
  }
});

test('a run over some files keeps the cached findings of the others', async () => {
  const tree = tempTree(REPO);
  try {
    await runBin([...JSON_ARGS, ...CACHE], tree.dir, ENV);
    const one = await runBin([...JSON_ARGS, ...CACHE, 'queries/c.kql'], tree.dir, ENV);
    assert.equal(fromCache(one.stderr), 1, one.stderr);
    const all = await runBin([...JSON_ARGS, ...CACHE], tree.dir, ENV);
    assert.equal(fromCache(all.stderr), 4, all.stderr);
    // A file that is gone loses its entry; the others stay.
    fs.rmSync(path.join(tree.dir, 'queries/c.kql'));
    await runBin([...JSON_ARGS, ...CACHE, 'Rules'], tree.dir, ENV);
    const cache = JSON.parse(fs.readFileSync(CACHE[2], 'utf8')) as { files: Record<string, unknown> };
    assert.deepEqual(Object.keys(cache.files).sort(), [
      'Parsers/WidgetEvents.yaml',
      'Rules/a.yaml',
      'Rules/b.yaml',
    ]);
  } finally {
    tree.dispose();
  }
});

test('a cache written by another build of the tool, of the same version, answers nothing', () => {
  const tool = tempTree({});
  const tree = tempTree(REPO);
  try {
    // A copy of the built command line, then the same with one byte more in its bundle.
    fs.mkdirSync(path.join(tool.dir, 'bin'));
    fs.mkdirSync(path.join(tool.dir, 'dist/cli'), { recursive: true });
    fs.copyFileSync(KQLHUNT_BIN, path.join(tool.dir, 'bin/kqlhunt.js'));
    for (const f of ['kqlhunt.js', 'kqlhuntMain.js', 'checkWorker.js'])
      fs.copyFileSync(path.join(REPO_ROOT, 'dist/cli', f), path.join(tool.dir, 'dist/cli', f));
    const run = () =>
      spawnSync(process.execPath, [path.join(tool.dir, 'bin/kqlhunt.js'), ...JSON_ARGS, ...CACHE], {
        cwd: tree.dir,
        env: { PATH: process.env.PATH, ...ENV },
        encoding: 'utf8',
      });
    run();
    const same = run();
    assert.equal(fromCache(same.stderr), 4, same.stderr);
    fs.appendFileSync(path.join(tool.dir, 'dist/cli/kqlhuntMain.js'), '\n// another build\n');
    const rebuilt = run();
    assert.equal(fromCache(rebuilt.stderr), 0, rebuilt.stderr);
    assert.equal(rebuilt.stdout, same.stdout);
  } finally {
    tool.dispose();
    tree.dispose();
  }
});
