import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { runInProcess, tempTree } from '../../helpers/cliHarness';
import { FIXTURES, REPO_ROOT } from '../../helpers/paths';

const SAMPLE = path.join(REPO_ROOT, 'samples', 'hunting-workspace');
const TIGHTVNC = fs.readFileSync(path.join(FIXTURES, 'tightvnc-network.kql'), 'utf8');

describe('kqlhunt run', () => {
  it('runs the TightVNC query file on a local folder and prints a table', async () => {
    const tree = tempTree({ 'tightvnc.kql': TIGHTVNC });
    try {
      const r = await runInProcess(['run', 'tightvnc.kql', '--workspace', `local:${SAMPLE}`], tree.dir);
      assert.equal(r.code, 0, r.stderr);
      const lines = r.stdout.trimEnd().split('\n');
      assert.match(lines[0], /^DeviceId\s+DeviceName\s+RemoteUrl\s+FirstSeen\s+LastSeen\s+Report\s+Count$/);
      assert.equal(lines.length, 5);
      assert.ok(
        lines.some((l) => l.includes('srv-jump-01.corp.example.com') && l.includes('www.tightvnc.com')),
      );
      assert.match(r.stderr, /^kqlhunt: 3 rows in \d+ ms on hunting-workspace\n$/);
    } finally {
      tree.dispose();
    }
  });

  it('prints the Log Analytics JSON shape and CSV, for --query and a configured local workspace', async () => {
    const tree = tempTree({
      '.kqlhunt.json': JSON.stringify({ workspaces: [{ name: 'Sample', kind: 'local', folder: SAMPLE }] }),
    });
    try {
      const json = await runInProcess(
        ['run', '--query', 'DeviceInfo | summarize n = count()', '-f', 'json'],
        tree.dir,
      );
      assert.equal(json.code, 0, json.stderr);
      assert.deepEqual(JSON.parse(json.stdout), {
        tables: [{ name: 'PrimaryResult', columns: [{ name: 'n', type: 'long' }], rows: [[12]] }],
      });
      const csv = await runInProcess(
        ['run', '--query', 'DeviceInfo | summarize n = count()', '-w', 'Sample', '-f', 'csv'],
        tree.dir,
      );
      assert.equal(csv.stdout, 'n\r\n12\r\n');
    } finally {
      tree.dispose();
    }
  });

  it('writes out control characters in table cells, so that a value cannot drive the terminal', async () => {
    const tree = tempTree({});
    try {
      const r = await runInProcess(
        ['run', '--query', 'print s = "a\x1b]0;t\x07b\x9bc"', '--workspace', `local:${SAMPLE}`],
        tree.dir,
      );
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout.trimEnd().split('\n')[2], 'a\\x1b]0;t\\x07b\\x9bc');
    } finally {
      tree.dispose();
    }
  });

  it('exits 1 with the error on stderr for a failing query, and 2 for bad usage', async () => {
    const tree = tempTree({ 'two.kql': 'DeviceInfo | take 1\n\nDeviceInfo | take 2\n' });
    try {
      const failed = await runInProcess(
        ['run', '--query', 'DeviceInfo | where Nope == 1', '-w', `local:${SAMPLE}`],
        tree.dir,
      );
      assert.equal(failed.code, 1);
      assert.match(failed.stderr, /semantic: .*Nope/);
      assert.equal((await runInProcess(['run', 'two.kql', '-w', `local:${SAMPLE}`], tree.dir)).code, 2);
      const second = await runInProcess(
        ['run', 'two.kql', '--block', '2', '-w', `local:${SAMPLE}`, '-f', 'json'],
        tree.dir,
      );
      assert.equal(JSON.parse(second.stdout).tables[0].rows.length, 2);
      const unknown = await runInProcess(['run', '--query', 'T', '-w', 'Prod'], tree.dir);
      assert.equal(unknown.code, 2);
      assert.match(unknown.stderr, /no workspace named 'Prod'/);
      assert.equal((await runInProcess(['run'], tree.dir)).code, 2);
      const management = await runInProcess(
        ['run', '--query', '.show tables', '-w', `local:${SAMPLE}`],
        tree.dir,
      );
      assert.equal(management.code, 1);
      assert.match(management.stderr, /refused/);
    } finally {
      tree.dispose();
    }
  });
});
