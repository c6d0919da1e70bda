import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { CI_RECIPES, readRecipe } from '../helpers/ciRecipes';
import { KQLHUNT_BIN, tempTree } from '../helpers/cliHarness';

/**
 * The kqlhunt step of each CI recipe (docs/ci), run by bash as the CI would, on a scratch
 * repository with a base branch and a pull request's changes: the variables the CI sets, the
 * quoting, the `~`, the baseline and the cache all as written. Only the tool's path is replaced
 * by the build under test.
 */

const RULE = (query: string) =>
  `id: 5a5a5a5a-1111-4111-8111-111111111111\nname: a rule\nkind: Scheduled\nquery: |\n  ${query}\n`;

function git(dir: string, ...args: string[]): void {
  execFileSync(
    'git',
    ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args],
    { cwd: dir, stdio: 'ignore' },
  );
}

/**
 * A repository whose base branch is `main` (also as origin/main), with a committed baseline that
 * holds the finding already there, and a feature branch with one broken query.
 */
function pullRequest() {
  const tree = tempTree({
    'Rules/rule.yaml': RULE('SecurityEvent | where TimeGenerated > ago(1h) | project Computer'),
    'queries/hunt.kql': 'print a = 1\n',
    'queries/other.kql': 'print b = 2\n| project nope\n',
  });
  execFileSync(process.execPath, [KQLHUNT_BIN, 'check', '--write-baseline', '.kqlhunt-baseline.json', '.'], {
    cwd: tree.dir,
    stdio: 'ignore',
  });
  assert.ok(fs.existsSync(path.join(tree.dir, '.kqlhunt-baseline.json')));
  git(tree.dir, 'init', '-q', '-b', 'main');
  git(tree.dir, 'add', '-A');
  git(tree.dir, 'commit', '-q', '-m', 'base');
  git(tree.dir, 'update-ref', 'refs/remotes/origin/main', 'main');
  git(tree.dir, 'checkout', '-q', '-b', 'pull');
  fs.writeFileSync(path.join(tree.dir, 'queries/hunt.kql'), 'print a = 1\n| project missing\n');
  git(tree.dir, 'commit', '-qam', 'the pull request');
  return tree;
}

/** The script as the recipe has it, with the tool under test. */
function runnable(script: string): string {
  const out = script.replace(
    /node \.\.\/kql-hunting\/bin\/kqlhunt\.js/g,
    `"${process.execPath}" "${KQLHUNT_BIN}"`,
  );
  assert.notEqual(out, script, 'the recipe runs kqlhunt from ../kql-hunting');
  return out;
}

function bash(script: string, cwd: string, env: Record<string, string>) {
  return spawnSync('bash', ['-e', '-c', script], {
    cwd,
    env: { PATH: process.env.PATH, ...env },
    encoding: 'utf8',
  });
}

interface SarifLog {
  runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
}

const resultFiles = (sarifFile: string) =>
  (JSON.parse(fs.readFileSync(sarifFile, 'utf8')) as SarifLog).runs[0].results.map(
    (r) => r.locations[0].physicalLocation.artifactLocation.uri,
  );

const fromCache = (stderr: string) => Number(/\((\d+) from the cache\)/.exec(stderr)?.[1] ?? NaN);

test('the GitHub Actions kqlhunt step checks the pull request, writes SARIF and reuses its cache', () => {
  const workflow = readRecipe(CI_RECIPES.github) as {
    jobs: { check: { steps: { name?: string; run?: string }[] } };
  };
  const script = workflow.jobs.check.steps.find((s) => s.name === 'kqlhunt check')!.run!;
  const tree = pullRequest();
  const home = tempTree({});
  try {
    const env = { BASE_REF: 'main', HOME: home.dir, KQLHUNT_CACHE_KEY: 'a repository secret' };
    const first = bash(runnable(script), tree.dir, env);
    // The changed query has an error: the gate fails, and only that file was checked.
    assert.equal(first.status, 1, first.stderr);
    // Three candidates: the two queries and the rule; the baseline is kqlhunt's own, not one to check.
    assert.match(first.stderr, /1 file\(s\) changed since origin\/main .*; checking 1 of 3/);
    assert.deepEqual(resultFiles(path.join(tree.dir, 'kqlhunt.sarif')), ['queries/hunt.kql']);
    assert.ok(fs.existsSync(path.join(home.dir, '.cache/kqlhunt-ci/check-cache.json')));
    const second = bash(runnable(script), tree.dir, env);
    assert.equal(second.status, 1);
    assert.equal(fromCache(second.stderr), 1, second.stderr);
  } finally {
    tree.dispose();
    home.dispose();
  }
});

test('the Azure DevOps kqlhunt step checks the pull request and leaves the SARIF for publishing', () => {
  const pipeline = readRecipe(CI_RECIPES.azure) as { steps: { bash?: string }[] };
  const script = pipeline.steps.find((s) => s.bash?.includes('kqlhunt'))!.bash!;
  const tree = pullRequest();
  const work = tempTree({});
  try {
    const env = {
      SYSTEM_PULLREQUEST_TARGETBRANCH: 'refs/heads/main',
      KQLHUNT_CACHE_DIR: path.join(work.dir, 'kqlhunt-cache'),
      BUILD_ARTIFACTSTAGINGDIRECTORY: work.dir,
      XDG_CACHE_HOME: path.join(work.dir, 'home-cache'),
      // What the step sees when the secret variable is not defined: the guard drops it.
      KQLHUNT_CACHE_KEY: '$(KQLHUNT_CACHE_KEY)',
    };
    const run = bash(runnable(script), tree.dir, env);
    assert.equal(run.status, 1, run.stderr);
    assert.deepEqual(resultFiles(path.join(work.dir, 'kqlhunt.sarif')), ['queries/hunt.kql']);
    assert.ok(fs.existsSync(path.join(work.dir, 'kqlhunt-cache', 'check-cache.json')));
    // Signed with a key made on the runner, not with the text of the undefined variable.
    assert.ok(fs.existsSync(path.join(work.dir, 'home-cache', 'kql-hunting', 'cache-key')));
  } finally {
    tree.dispose();
    work.dispose();
  }
});
