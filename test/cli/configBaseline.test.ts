import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runBin, tempTree, type CapturedRun } from '../helpers/cliHarness';

/**
 * The baseline a repository's `.kqlhunt.json` names, so that CI and developers run the same gate
 * with a plain `kqlhunt check` (issue 24), and kqlhunt's own JSON files (the configuration and any
 * baseline) never counted or checked as files of the repository. Run as CI runs it: the built bin,
 * as a child process, on files each test writes.
 */

/** Two findings: a missing time filter and an unknown column. */
const HUNT = 'DeviceProcessEvents\n| where FileNme == "x"\n';

/** An ARM template with one scheduled rule: JSON that is checked. */
const TEMPLATE = JSON.stringify({
  $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
  contentVersion: '1.0.0.0',
  resources: [
    {
      type: 'Microsoft.OperationalInsights/workspaces/providers/alertRules',
      kind: 'Scheduled',
      properties: {
        displayName: 'r',
        query: 'DeviceProcessEvents | where Timestamp > ago(1h) | project DeviceName',
      },
    },
  ],
});

const findings = (run: CapturedRun) =>
  (JSON.parse(run.stdout) as { file: string; code: string }[]).map((f) => `${f.file} ${f.code}`).sort();

test('the baseline the configuration names is used by a plain check, also from a subfolder; --no-baseline leaves it out', async () => {
  const tree = tempTree({ 'hunts/q.kql': HUNT, 'hunts/clean.kql': 'print 1\n' });
  try {
    const write = await runBin(['check', '-q', '--write-baseline', 'ci/accepted.json', 'hunts'], tree.dir);
    assert.equal(write.code, 0, write.stderr);
    fs.writeFileSync(path.join(tree.dir, '.kqlhunt.json'), '{ "baseline": "ci/accepted.json" }\n');

    const plain = await runBin(['check', '.'], tree.dir);
    assert.equal(plain.code, 0, plain.stderr + plain.stdout);
    assert.match(plain.stderr, /no problems in 2 files; 2 in the baseline\n$/);

    // From the subfolder the entries (hunts/q.kql) are matched to the files as checked there (q.kql).
    const inside = await runBin(['check', '-f', 'json', '.'], path.join(tree.dir, 'hunts'));
    assert.equal(inside.code, 0, inside.stderr + inside.stdout);
    assert.deepEqual(findings(inside), []);
    assert.match(inside.stderr, /no problems in 2 files; 2 in the baseline\n$/);

    const without = await runBin(['check', '-f', 'json', '--no-baseline', '.'], tree.dir);
    assert.equal(without.code, 1, without.stderr);
    assert.deepEqual(findings(without), ['hunts/q.kql KS142', 'hunts/q.kql missing-time-filter']);

    // --baseline wins over the configuration: an empty baseline accepts nothing.
    fs.writeFileSync(path.join(tree.dir, 'empty.json'), '{ "kqlhuntBaseline": 1, "entries": [] }\n');
    const other = await runBin(['check', '--baseline', 'empty.json', '.'], tree.dir);
    assert.equal(other.code, 1, other.stderr);

    const both = await runBin(['check', '--baseline', 'empty.json', '--no-baseline', '.'], tree.dir);
    assert.equal(both.code, 2);
    assert.match(both.stderr, /--baseline and --no-baseline cannot be used together/);
  } finally {
    tree.dispose();
  }
});

test('the configuration may give the baseline as the editor setting does, relative to itself', async () => {
  const tree = tempTree({ 'repo/hunts/q.kql': HUNT });
  const repo = path.join(tree.dir, 'repo');
  try {
    const write = await runBin(['check', '-q', '--write-baseline', 'kqlhunt-baseline.json', '.'], repo);
    assert.equal(write.code, 0, write.stderr);
    // The configuration is named with --config from outside the repository: paths are its own.
    fs.writeFileSync(
      path.join(repo, 'gate.json'),
      '{ "kqlHunting.baseline": { "file": "kqlhunt-baseline.json", "display": "hide" } }\n',
    );
    const run = await runBin(['check', '-c', 'repo/gate.json', 'repo'], tree.dir);
    assert.equal(run.code, 0, run.stderr + run.stdout);
    assert.match(run.stderr, /no problems in 1 file; 2 in the baseline\n$/);
  } finally {
    tree.dispose();
  }
});

test('a baseline the configuration names but that cannot be read is a usage error naming both files', async () => {
  const tree = tempTree({ 'q.kql': HUNT, '.kqlhunt.json': '{ "baseline": "missing.json" }\n' });
  try {
    const run = await runBin(['check', '.'], tree.dir);
    assert.equal(run.code, 2);
    assert.match(
      run.stderr,
      /cannot read the baseline missing\.json: no such file .*; \.kqlhunt\.json names it as "baseline" \(--no-baseline leaves it out\)/,
    );
    assert.equal((await runBin(['check', '-q', '--no-baseline', '.'], tree.dir)).code, 1);

    fs.writeFileSync(path.join(tree.dir, '.kqlhunt.json'), '{ "baseline": 7 }\n');
    const bad = await runBin(['check', '.'], tree.dir);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /invalid value for "baseline": 7/);
  } finally {
    tree.dispose();
  }
});

test('baselines and .kqlhunt.json are never checked or counted, whatever the baseline is called; other JSON is', async () => {
  const tree = tempTree({
    'hunts/q.kql': HUNT,
    'templates/rule.json': TEMPLATE,
    '.kqlhunt.json': '{ "environment": "defender" }\n',
  });
  try {
    // Written under a name of the team's choosing, in a folder the check walks.
    const write = await runBin(['check', '-q', '--write-baseline', 'hunts/accepted.json', 'hunts'], tree.dir);
    assert.equal(write.code, 0, write.stderr);

    const json = await runBin(['check', '-f', 'json', '--baseline', 'hunts/accepted.json', '.'], tree.dir);
    assert.equal(json.code, 0, json.stderr + json.stdout);
    assert.match(json.stderr, /no problems in 2 files; 2 in the baseline\n$/);

    // Without the baseline: the hunt and the ARM template are the two files checked.
    const plain = await runBin(['check', '.'], tree.dir);
    assert.equal(plain.code, 1, plain.stderr);
    assert.match(plain.stderr, /in 1 of 2 files\n$/);
    assert.doesNotMatch(plain.stdout, /accepted\.json|kqlhunt\.json/);

    // Named outright, they are left out with a note, not checked as ARM templates.
    const named = await runBin(['check', 'hunts/accepted.json', '.kqlhunt.json', 'hunts/q.kql'], tree.dir);
    assert.match(
      named.stderr,
      /skipped hunts\/accepted\.json: it is a kqlhunt baseline, not a file to check/,
    );
    assert.match(
      named.stderr,
      /skipped \.kqlhunt\.json: it is the kqlhunt configuration, not a file to check/,
    );
    assert.match(named.stderr, /in 1 of 1 file\n/);
  } finally {
    tree.dispose();
  }
});
