import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runQuery } from '../../../server/src/connectors/runQuery';
import {
  DEFAULT_RUN_SETTINGS,
  parseWorkspace,
  type LocalWorkspace,
} from '../../../server/src/protocol/workspaces';

/** The `now` of a local workspace entry in kqlHunting.workspaces pins now() over the folder manifest's. */
describe('local workspace now() pin', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kql-now-pin-'));
    fs.writeFileSync(
      path.join(dir, 'workspace.json'),
      JSON.stringify({ name: 'pin', now: '2025-03-14T12:00:00Z' }),
    );
    fs.writeFileSync(
      path.join(dir, 'DeviceInfo.ndjson'),
      [
        { Timestamp: '2025-03-14T06:00:00Z', DeviceName: 'march' },
        { Timestamp: '2025-06-01T06:00:00Z', DeviceName: 'june' },
      ]
        .map((r) => JSON.stringify(r))
        .join('\n'),
    );
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const recent = async (workspace: LocalWorkspace) => {
    const r = await runQuery(
      workspace,
      'DeviceInfo | where Timestamp between (ago(1d) .. now()) | project DeviceName',
      { settings: DEFAULT_RUN_SETTINGS },
    );
    assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
    return r.result.tables[0].rows.map((row) => row[0]);
  };

  it('uses the manifest now when the entry has none', async () => {
    assert.deepEqual(await recent({ name: 'pin', kind: 'local', folder: dir }), ['march']);
  });

  it('lets the entry now override the manifest, which changes what ago() selects', async () => {
    assert.deepEqual(await recent({ name: 'pin', kind: 'local', folder: dir, now: '2025-06-01T12:00:00Z' }), [
      'june',
    ]);
    assert.deepEqual(
      await recent({ name: 'pin', kind: 'local', folder: dir, now: '2024-01-01T00:00:00Z' }),
      [],
    );
  });

  it('reads now from the settings entry and rejects one that is not a datetime', () => {
    assert.deepEqual(parseWorkspace({ name: 'S', kind: 'local', folder: 'x', now: '2025-03-14T12:00:00Z' }), {
      name: 'S',
      kind: 'local',
      folder: 'x',
      now: '2025-03-14T12:00:00Z',
    });
    assert.deepEqual(parseWorkspace({ name: 'S', kind: 'local', folder: 'x' }), {
      name: 'S',
      kind: 'local',
      folder: 'x',
    });
    assert.match(
      String(parseWorkspace({ name: 'S', kind: 'local', folder: 'x', now: 'yesterday' })),
      /"now" must be an ISO datetime/,
    );
  });
});
