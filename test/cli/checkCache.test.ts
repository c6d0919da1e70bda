import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runBin as runKqlhunt, tempTree } from '../helpers/cliHarness';
import { FIXTURES } from '../helpers/paths';

/**
 * `kqlhunt check --cache` on a copy of the CLI fixture project: a second run reads every file's
 * findings back and prints exactly what a run without the cache prints, and anything that can
 * change a finding (the file's text, the settings, another rule taking the same id) makes the
 * affected files be checked again.
 */
const PROJECT = path.join(FIXTURES, 'cli', 'project');

function copyOfProject() {
  const files: Record<string, string> = {};
  for (const rel of fs.readdirSync(PROJECT, { recursive: true }) as string[]) {
    const full = path.join(PROJECT, rel);
    if (fs.statSync(full).isFile()) files[rel] = fs.readFileSync(full, 'utf8');
  }
  return tempTree(files);
}

/**
 * The cache's signing key is kept in the user's cache folder (cacheSecret.ts): these runs keep
 * theirs in a temporary one instead of the real home.
 */
const KEY_HOME = tempTree({});
process.on('exit', () => KEY_HOME.dispose());
const runBin = (argv: string[], cwd: string, env: NodeJS.ProcessEnv = {}) =>
  runKqlhunt(argv, cwd, { XDG_CACHE_HOME: KEY_HOME.dir, ...env });

const fromCache = (stderr: string) => Number(/\((\d+) from the cache\)/.exec(stderr)?.[1] ?? NaN);

test('a second --cache run reads every finding back and prints what an uncached run prints', async () => {
  const project = copyOfProject();
  try {
    const plain = await runBin(['check', '-f', 'json', '-j', '1'], project.dir);
    const first = await runBin(['check', '-f', 'json', '-j', '1', '--cache'], project.dir);
    const second = await runBin(['check', '-f', 'json', '-j', '1', '--cache'], project.dir);
    assert.ok(JSON.parse(plain.stdout).length > 0);
    assert.equal(first.stdout, plain.stdout);
    assert.equal(second.stdout, plain.stdout);
    assert.equal(second.code, plain.code);
    assert.equal(fromCache(first.stderr), 0, first.stderr);
    // Nine files: the project's .kqlhunt.json is not one of the files checked.
    assert.equal(fromCache(second.stderr), 9, second.stderr);
    assert.ok(fs.existsSync(path.join(project.dir, '.kqlhunt-cache')));
  } finally {
    project.dispose();
  }
});

test('an edited file is checked again and its new findings replace the cached ones', async () => {
  const project = copyOfProject();
  try {
    await runBin(['check', '-f', 'json', '--cache'], project.dir);
    const file = path.join(project.dir, 'queries', 'clean.csl');
    fs.appendFileSync(file, '\n| where NoSuchColumnAnywhere == 1\n');
    const after = await runBin(['check', '-f', 'json', '--cache'], project.dir);
    assert.equal(fromCache(after.stderr), 8, after.stderr);
    const uncached = await runBin(['check', '-f', 'json'], project.dir);
    assert.equal(after.stdout, uncached.stdout);
    assert.ok((JSON.parse(after.stdout) as { file: string }[]).some((f) => f.file === 'queries/clean.csl'));
  } finally {
    project.dispose();
  }
});

test('other settings, a rule taking a duplicate id, or an unreadable cache mean checking again', async () => {
  const project = copyOfProject();
  try {
    const cacheFile = path.join(project.dir, 'cache', 'kqlhunt.json');
    const args = ['check', '-f', 'json', '--cache', '--cache-location', 'cache/kqlhunt.json'];
    await runBin(args, project.dir);
    assert.ok(fs.existsSync(cacheFile));

    const otherEnv = await runBin([...args, '--env', 'sentinel'], project.dir);
    assert.equal(fromCache(otherEnv.stderr), 0, 'the environment is part of the run key');

    // A copy of the TightVNC rule under another name declares the same id: both rule files now
    // carry a duplicate-id finding, so both are checked again; nothing else is.
    await runBin([...args, '--env', 'sentinel'], project.dir);
    fs.copyFileSync(
      path.join(project.dir, 'rules', 'tightvnc-rule.yaml'),
      path.join(project.dir, 'rules', 'copy.yaml'),
    );
    const duplicated = await runBin([...args, '--env', 'sentinel'], project.dir);
    assert.equal(fromCache(duplicated.stderr), 8, duplicated.stderr);
    assert.equal(
      duplicated.stdout,
      (await runBin(['check', '-f', 'json', '--env', 'sentinel'], project.dir)).stdout,
    );

    fs.writeFileSync(cacheFile, '{ not json');
    const broken = await runBin(args, project.dir);
    assert.match(broken.stderr, /could not be read and was rebuilt/);
    assert.equal(broken.stdout, (await runBin(['check', '-f', 'json'], project.dir)).stdout);
    assert.equal(fromCache((await runBin(args, project.dir)).stderr), 10);
  } finally {
    project.dispose();
  }
});

/** Applies `edit` to every finding object anywhere in the cache file, whatever its layout. */
function tamper(
  file: string,
  edit: (findings: Record<string, unknown>[]) => Record<string, unknown>[],
): void {
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (typeof value !== 'object' || value === null) return value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value))
      out[k] = k === 'findings' && Array.isArray(v) ? edit(v as Record<string, unknown>[]) : walk(v);
    return out;
  };
  fs.writeFileSync(file, JSON.stringify(walk(JSON.parse(fs.readFileSync(file, 'utf8')))));
}

test('an edited cache (findings emptied, a bogus severity, another key) changes no answer: the files are checked again', async () => {
  const project = copyOfProject();
  try {
    const cacheFile = path.join(project.dir, '.kqlhunt-cache');
    const args = ['check', '-f', 'json', '-j', '1', '--cache'];
    const plain = await runBin(['check', '-f', 'json', '-j', '1'], project.dir);
    assert.equal(plain.code, 1, 'the project has errors, so a cache that hid them would flip the gate');

    for (const [what, edit] of [
      ['findings emptied', () => []],
      ['severity bogus', (list: Record<string, unknown>[]) => list.map((f) => ({ ...f, severity: 'bogus' }))],
      [
        'errors turned to info',
        (list: Record<string, unknown>[]) => list.map((f) => ({ ...f, severity: 'info' })),
      ],
      [
        'a line number as text',
        (list: Record<string, unknown>[]) => list.map((f) => ({ ...f, line: String(f.line) })),
      ],
      [
        'a finding moved past the end of the file',
        (list: Record<string, unknown>[]) => list.map((f) => ({ ...f, line: 100_000, endLine: 100_000 })),
      ],
    ] as const) {
      await runBin(args, project.dir);
      tamper(cacheFile, edit);
      const after = await runBin(args, project.dir);
      assert.equal(after.stdout, plain.stdout, what);
      assert.equal(after.code, 1, what);
      // Clean files (no findings) are unchanged by the edit and still come from the cache.
      assert.ok(fromCache(after.stderr) < 9, `${what}: ${after.stderr}`);
    }

    // A cache signed with another key, as one committed to the repository would be, is all misses.
    await runBin(args, project.dir, { KQLHUNT_CACHE_KEY: 'the key of whoever wrote the cache' });
    const otherKey = await runBin(args, project.dir, { KQLHUNT_CACHE_KEY: 'this runner key' });
    assert.equal(fromCache(otherKey.stderr), 0, otherKey.stderr);
    assert.equal(otherKey.stdout, plain.stdout);
    assert.equal(
      fromCache((await runBin(args, project.dir, { KQLHUNT_CACHE_KEY: 'this runner key' })).stderr),
      9,
    );

    // The default key is made once, outside the project, readable by its owner only.
    const keyFile = path.join(KEY_HOME.dir, 'kql-hunting', 'cache-key');
    assert.match(fs.readFileSync(keyFile, 'utf8'), /^[0-9a-f]{64}\n$/);
    if (process.platform !== 'win32') assert.equal(fs.statSync(keyFile).mode & 0o777, 0o600);
  } finally {
    project.dispose();
  }
});

test('--cache-location without --cache is a usage error', async () => {
  const run = await runBin(['check', '--cache-location', 'x'], PROJECT);
  assert.equal(run.code, 2);
  assert.match(run.stderr, /--cache-location is only used with --cache/);
});
