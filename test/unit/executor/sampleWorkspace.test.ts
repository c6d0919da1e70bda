import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { executeQuery } from '../../../server/src/executor/executor';
import { loadLocalWorkspace } from '../../../server/src/executor/files/workspaceLoader';
import { builtinSchema } from '../../../server/src/schema/builtinSchemas';
import { REPO_ROOT as repoRoot } from '../../helpers/paths';

const sampleDir = path.join(repoRoot, 'samples/hunting-workspace');
const workspace = loadLocalWorkspace(sampleDir, builtinSchema('defender'));

describe('engine: the sample workspace', () => {
  it('loads every table file with the manifest now() and no warnings', () => {
    assert.equal(workspace.name, 'hunting-workspace');
    assert.equal(workspace.now, Date.parse('2025-03-14T12:00:00Z'));
    assert.ok(workspace.tables.get('DeviceNetworkEvents')!.rows.length > 2000);
    assert.ok(workspace.tables.get('DeviceProcessEvents')!.rows.length > 500);
    assert.ok(workspace.tables.get('DeviceFileCertificateInfo')!.rows.length > 50);
    assert.equal(workspace.tables.get('DeviceInfo')!.rows.length, 12);
    assert.equal(
      workspace.tables.get('EmailEvents')!.rows.length,
      0,
      'schema tables without a file are empty',
    );
    assert.deepEqual(workspace.warnings, []);
  });

  for (const [label, query] of [
    'samples/hunting-workspace/tightvnc-network.kql',
    'test/fixtures/tightvnc-network.kql',
  ].map((f) => [f, readFileSync(path.join(repoRoot, f), 'utf8')])) {
    it(`${label} finds the two TightVNC devices and their URLs in the last five days`, () => {
      const result = executeQuery(query, { workspace });
      const table = result.tables[0];
      assert.deepEqual(
        table.columns.map((c) => c.name),
        ['DeviceId', 'DeviceName', 'RemoteUrl', 'FirstSeen', 'LastSeen', 'Report', 'Count'],
      );
      const found = table.rows.map((r) => `${r[1]} ${r[2]} ${r[6]}`).sort();
      assert.deepEqual(found, [
        'srv-jump-01.corp.example.com vnc-relay.support-desk.example.net 12',
        'srv-jump-01.corp.example.com www.tightvnc.com 12',
        'wks-ops-01.corp.example.com  6',
      ]);
      // The kiosk's TightVNC traffic is eight days old, and the GlavSoftware agent is not GlavSoft.
      assert.ok(!table.rows.some((r) => String(r[1]).startsWith('lab-kiosk')));
      for (const r of table.rows) assert.equal((r[5] as unknown[]).length, r[6]);
    });
  }

  it('pins now() from an option over the manifest', () => {
    const r = executeQuery('print now()', { workspace, now: '2030-01-01T00:00:00Z' });
    assert.equal(r.tables[0].rows[0][0], '2030-01-01T00:00:00Z');
    assert.equal(executeQuery('print now()', { workspace }).tables[0].rows[0][0], '2025-03-14T12:00:00Z');
  });

  it('runs hunting queries over the other tables', () => {
    const signers = executeQuery(
      `DeviceFileCertificateInfo
      | where Signer has_any ("GlavSoft", "AnyDesk", "TeamViewer", "ConnectWise")
      | join kind=inner (DeviceProcessEvents | project SHA1, FileName) on SHA1
      | summarize Devices = dcount(DeviceId) by Signer | order by Signer asc`,
      { workspace },
    ).tables[0].rows;
    assert.deepEqual(
      signers.map((r) => r[0]),
      ['AnyDesk Software GmbH', 'ConnectWise, LLC', 'GlavSoft LLC.', 'TeamViewer Germany GmbH'],
    );
    const servers = executeQuery('DeviceInfo | where OSPlatform startswith "WindowsServer" | count', {
      workspace,
    }).tables[0].rows;
    assert.deepEqual(servers, [[3]]);
  });
});
