import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { runBin, tempTree } from '../helpers/cliHarness';

/**
 * `kqlhunt run` against hostile settings and data, through the built command line: each case
 * builds its input in a temporary folder and checks the safe outcome.
 */
describe('kqlhunt run with hostile input', () => {
  let listener: http.Server;
  let port = 0;
  let requests = 0;

  before(async () => {
    listener = http.createServer((_req, res) => {
      requests++;
      res.writeHead(500).end();
    });
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    port = (listener.address() as AddressInfo).port;
  });
  after(() => listener?.close());

  it('neutralises spreadsheet formulas in CSV, header included, and keeps numbers plain', async () => {
    const tree = tempTree({ 'ws/workspace.json': '{}' });
    try {
      const query = "print ['-2+3']=\"-1+cmd|' /C calc'!A0\", n=-1, ['@x']='=1+1', t='\\tA'";
      const r = await runBin(
        ['run', '--workspace', 'local:ws', '--format', 'csv', '--query', query],
        tree.dir,
      );
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, "'-2+3,n,'@x,t\r\n'-1+cmd|' /C calc'!A0,-1,'=1+1,'\tA\r\n");
    } finally {
      tree.dispose();
    }
  });

  for (const [kind, field, value] of [
    ['adx', 'clusterUrl', () => `https://help.kusto.windows.net/;Data Source=http://127.0.0.1:${port}`],
    ['adx', 'clusterUrl', () => `https://help.kusto.windows.net;Server=http://127.0.0.1:${port}`],
    ['logAnalytics', 'endpoint', () => `http://127.0.0.1:${port}/v1?redirect=1`],
    ['defender', 'endpoint', () => `http://user@127.0.0.1:${port}/v1.0`],
  ] as const) {
    it(`refuses ${kind} ${field} ${value().replace(String(port), 'PORT')} before any request, naming the setting`, async () => {
      const before = requests;
      const workspace = {
        name: 'Prod',
        kind,
        [field]: value(),
        ...(kind === 'adx' ? { database: 'db' } : {}),
        ...(kind === 'logAnalytics' ? { workspaceId: '00000000-0000-0000-0000-000000000001' } : {}),
      };
      const tree = tempTree({ '.kqlhunt.json': JSON.stringify({ workspaces: [workspace] }) });
      try {
        const r = await runBin(['run', '--workspace', 'Prod', '--query', 'print 1'], tree.dir);
        assert.equal(r.code, 1);
        assert.match(r.stderr, new RegExp(`refused.*kqlHunting\\.workspaces "Prod": ${field}`));
        assert.equal(requests, before, 'no request reached the listener');
      } finally {
        tree.dispose();
      }
    });
  }

  /** Runs `print 1` on a local workspace whose data folder `prepare` sets up; it must fail fast, naming the file. */
  async function runOnData(
    prepare: (dataDir: string) => void,
    manifest = '{}',
  ): Promise<{ code: number; stderr: string }> {
    const tree = tempTree({
      'ws/workspace.json': manifest,
      'ws/data/DeviceNetworkEvents.ndjson': '{"DeviceName":"a"}\n',
    });
    try {
      prepare(path.join(tree.dir, 'ws', 'data'));
      const r = await runBin(
        ['run', '--workspace', 'local:ws', '--timeout', '20', '--query', 'print 1'],
        tree.dir,
      );
      return { code: r.code, stderr: r.stderr };
    } finally {
      tree.dispose();
    }
  }

  it('refuses a table file that links to /dev/zero, naming it, without reading it', async () => {
    const r = await runOnData((data) => fs.symlinkSync('/dev/zero', path.join(data, 'DeviceInfo.csv')));
    assert.equal(r.code, 1);
    assert.match(r.stderr, /DeviceInfo\.csv: refusing to read it: it links to \/dev\/zero/);
  });

  it('refuses a named pipe as a table file instead of waiting on it', async () => {
    const r = await runOnData((data) => execFileSync('mkfifo', [path.join(data, 'DeviceInfo.ndjson')]));
    assert.equal(r.code, 1);
    assert.match(r.stderr, /DeviceInfo\.ndjson: refusing to read it: it is a named pipe/);
  });

  it('refuses a table file that links outside the workspace folder', async () => {
    const outside = tempTree({ 'secret.csv': 'Secret\nhunter2\n' });
    try {
      const r = await runOnData((data) =>
        fs.symlinkSync(path.join(outside.dir, 'secret.csv'), path.join(data, 'DeviceInfo.csv')),
      );
      assert.equal(r.code, 1);
      assert.match(r.stderr, /outside the workspace folder/);
      assert.doesNotMatch(r.stderr, /hunter2/);
    } finally {
      outside.dispose();
    }
  });

  it('refuses a workspace.json whose data folder leads outside the workspace', async () => {
    const r = await runOnData(() => undefined, JSON.stringify({ data: '..' }));
    assert.equal(r.code, 1);
    assert.match(r.stderr, /"data" must stay inside the workspace folder/);
  });
});
