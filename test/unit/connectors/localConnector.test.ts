import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { runQuery } from '../../../server/src/connectors/runQuery';
import { DEFAULT_RUN_SETTINGS, type LocalWorkspace } from '../../../server/src/protocol/workspaces';
import { FIXTURES, REPO_ROOT } from '../../helpers/paths';

const SAMPLE: LocalWorkspace = {
  name: 'Sample',
  kind: 'local',
  folder: path.join(REPO_ROOT, 'samples', 'hunting-workspace'),
};
const settings = DEFAULT_RUN_SETTINGS;

describe('local connector over the embedded engine', () => {
  it('runs the TightVNC detection on the sample workspace', async () => {
    const r = await runQuery(SAMPLE, fs.readFileSync(path.join(FIXTURES, 'tightvnc-network.kql'), 'utf8'), {
      settings,
    });
    assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
    const [table] = r.result.tables;
    assert.equal(table.name, 'PrimaryResult');
    assert.deepEqual(
      table.columns.map((c) => c.name),
      ['DeviceId', 'DeviceName', 'RemoteUrl', 'FirstSeen', 'LastSeen', 'Report', 'Count'],
    );
    const devices = [...new Set(table.rows.map((row) => row[1]))].sort();
    assert.deepEqual(devices, ['srv-jump-01.corp.example.com', 'wks-ops-01.corp.example.com']);
    assert.equal(r.workspaceName, 'Sample');
  });

  it('applies the row limit and keeps the render hint', async () => {
    const r = await runQuery(
      SAMPLE,
      'DeviceNetworkEvents | summarize n = count() by bin(Timestamp, 1d) | render timechart',
      { settings: { ...settings, rowLimit: 2 } },
    );
    assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
    assert.equal(r.result.tables[0].rows.length, 2);
    assert.equal(r.stats.truncated, true);
    assert.ok(r.stats.rowCounts[0] > 2);
    assert.equal(r.result.render?.visualization, 'timechart');
  });

  it('holds each table in both shapes: a Sentinel query gets the same rows from the Defender sample data', async () => {
    const defender = await runQuery(
      SAMPLE,
      'DeviceNetworkEvents | where Timestamp > datetime(2025-03-01) | summarize n = count(), earliest = min(Timestamp) by DeviceName | order by DeviceName asc',
      { settings },
    );
    const sentinel = await runQuery(
      SAMPLE,
      'DeviceNetworkEvents | where TimeGenerated > datetime(2025-03-01) | summarize n = count(), earliest = min(TimeGenerated) by DeviceName, Type, AdditionalFields = tostring(AdditionalFields) | project-away AdditionalFields | order by DeviceName asc',
      { settings },
    );
    assert.ok(defender.ok && sentinel.ok, JSON.stringify([defender, sentinel].map((r) => !r.ok && r.error)));
    assert.ok(defender.result.tables[0].rows.length > 0);
    // Log Analytics' Type column holds the table's name in the Sentinel shape.
    assert.deepEqual(
      sentinel.result.tables[0].rows.map(([device, type, n, first]) => [device, n, first, type]),
      defender.result.tables[0].rows.map((row) => [...row, 'DeviceNetworkEvents']),
    );
  });

  it('runs Defender’s FileProfile on the sample and carries its warning to the result', async () => {
    const r = await runQuery(
      SAMPLE,
      'DeviceProcessEvents | where FileName =~ "tvnserver.exe" | take 1 | invoke FileProfile() | project SHA1, Signer, GlobalPrevalence',
      { settings },
    );
    assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
    const [[sha1, signer, prevalence]] = r.result.tables[0].rows;
    assert.match(String(sha1), /^[0-9a-f]{40}$/);
    assert.ok(String(signer).length > 0, 'the signer comes from DeviceFileCertificateInfo');
    assert.equal(prevalence, null);
    assert.match((r.result.warnings ?? []).join(' '), /GlobalPrevalence.*null here/);
  });

  it('reports a query that binds in neither shape in the folder’s own shape', async () => {
    const r = await runQuery(
      SAMPLE,
      'DeviceNetworkEvents | where TimeGenerated > ago(1d) | where Nope == 1',
      {
        settings,
      },
    );
    assert.ok(!r.ok);
    assert.equal(r.error.kind, 'semantic');
    assert.match(r.error.message, /TimeGenerated/);
  });

  it('reports an unknown column as a semantic error naming it', async () => {
    const r = await runQuery(SAMPLE, 'DeviceNetworkEvents | where RemoteUrll has "x"', { settings });
    assert.ok(!r.ok);
    assert.equal(r.error.kind, 'semantic');
    assert.match(r.error.message, /RemoteUrll/);
  });

  it('says clearly when the folder does not exist', async () => {
    const missing = path.join(os.tmpdir(), 'kql-no-such-workspace');
    const r = await runQuery({ ...SAMPLE, folder: missing }, 'DeviceInfo | take 1', { settings });
    assert.ok(!r.ok);
    assert.equal(r.error.kind, 'badRequest');
    assert.match(r.error.message, /kql-no-such-workspace/);
  });

  it('reloads the folder when a table file changes', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kql-local-'));
    try {
      fs.writeFileSync(path.join(dir, 'DeviceInfo.ndjson'), '{"DeviceName":"a"}\n');
      const ws: LocalWorkspace = { name: 'tmp', kind: 'local', folder: dir };
      const first = await runQuery(ws, 'DeviceInfo | count', { settings });
      assert.ok(first.ok);
      assert.equal(first.result.tables[0].rows[0][0], 1);
      fs.writeFileSync(path.join(dir, 'DeviceInfo.ndjson'), '{"DeviceName":"a"}\n{"DeviceName":"b"}\n');
      const second = await runQuery(ws, 'DeviceInfo | count', { settings });
      assert.ok(second.ok);
      assert.equal(second.result.tables[0].rows[0][0], 2);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
