import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { StaticTokenCredential } from '../../../server/src/connectors/credentials';
import { runQuery, type RunOptions } from '../../../server/src/connectors/runQuery';
import type { RunQueryResult } from '../../../server/src/protocol/queryRun';
import { DEFAULT_RUN_SETTINGS, type DefenderWorkspace } from '../../../server/src/protocol/workspaces';
import { FIXTURES } from '../../helpers/paths';
import { defenderHandler } from './support/defenderService';
import { startHttpsStub, type HttpsStub } from './support/httpsStub';
import { waitUntil } from '../../helpers/waitUntil';

function ok(r: RunQueryResult): Extract<RunQueryResult, { ok: true }> {
  assert.ok(r.ok, `expected success, got ${JSON.stringify(!r.ok && r.error)}`);
  return r;
}

function failed(r: RunQueryResult): Extract<RunQueryResult, { ok: false }> {
  assert.ok(!r.ok, 'expected a failure');
  return r;
}

describe('Defender XDR connector (Graph runHuntingQuery) against a local service', () => {
  let stub: HttpsStub;
  let workspace: DefenderWorkspace;
  const options = (over: Partial<RunOptions> = {}): RunOptions => ({
    settings: DEFAULT_RUN_SETTINGS,
    credential: new StaticTokenCredential('graph-token', Date.now() + 3_600_000),
    transport: { tlsCa: stub.ca, retry: { maxRetries: 2, retryDelayInMs: 10, maxRetryDelayInMs: 50 } },
    ...over,
  });

  before(async () => {
    stub = await startHttpsStub(defenderHandler());
    workspace = { name: 'XDR', kind: 'defender', endpoint: `${stub.origin}/v1.0` };
  });
  after(() => stub.close());

  it('runs the TightVNC detection (answered by the embedded engine) and converts the Graph shape', async () => {
    const query = fs.readFileSync(path.join(FIXTURES, 'tightvnc-network.kql'), 'utf8');
    const r = ok(await runQuery(workspace, query, options({ timespan: 'P5D' })));
    const [table] = r.result.tables;
    assert.deepEqual(
      table.columns.map((c) => `${c.name}:${c.type}`),
      [
        'DeviceId:string',
        'DeviceName:string',
        'RemoteUrl:string',
        'FirstSeen:datetime',
        'LastSeen:datetime',
        'Report:dynamic',
        'Count:long',
      ],
    );
    assert.deepEqual([...new Set(table.rows.map((row) => row[1]))].sort(), [
      'srv-jump-01.corp.example.com',
      'wks-ops-01.corp.example.com',
    ]);
    assert.ok(table.rows.every((row) => Array.isArray(row[5])));
    const sent = stub.requests.at(-1)!.body as { Query: string; Timespan: string };
    assert.equal(sent.Timespan, 'P5D');
    assert.equal(sent.Query, query.trim());
  });

  it('reads PascalCase schema keys', async () => {
    const r = ok(await runQuery(workspace, 'ScenarioPascalKeys', options()));
    assert.deepEqual(r.result.tables[0], {
      name: 'PrimaryResult',
      columns: [{ name: 'FileName', type: 'string' }],
      rows: [['tvnserver.exe']],
    });
  });

  it('reports a semantic error, an engine-found one included', async () => {
    const documented = failed(await runQuery(workspace, 'ScenarioSemantic', options()));
    assert.equal(documented.error.kind, 'semantic');
    assert.match(documented.error.message, /EmailAttachmentInfo/);
    const real = failed(
      await runQuery(workspace, 'DeviceNetworkEvents | where RemoteUrll has "x"', options()),
    );
    assert.equal(real.error.kind, 'semantic');
    assert.match(real.error.message, /RemoteUrll/);
  });

  it('reports 401 and 403', async () => {
    const unauthorized = failed(
      await runQuery(
        workspace,
        'DeviceInfo | take 1',
        options({ credential: new StaticTokenCredential('wrong', Date.now() + 60_000) }),
      ),
    );
    assert.equal(unauthorized.error.kind, 'unauthorized');
    const forbidden = failed(await runQuery(workspace, 'ScenarioForbidden', options()));
    assert.equal(forbidden.error.kind, 'forbidden');
    assert.match(forbidden.error.message, /ThreatHunting/);
  });

  it('retries a 429 after Retry-After, and reports a 500 with an empty message', async () => {
    const before = stub.requests.length;
    ok(await runQuery(workspace, 'ScenarioThrottled', options()));
    assert.equal(stub.requests.length - before, 2);
    const r = failed(await runQuery(workspace, 'ScenarioUnknown', options()));
    assert.equal(r.error.kind, 'server');
    assert.equal(r.error.code, 'UnknownError');
  });

  it('times out and cancels slow answers', async () => {
    const timedOut = failed(
      await runQuery(
        workspace,
        'ScenarioSlow',
        options({ settings: { ...DEFAULT_RUN_SETTINGS, timeoutSeconds: 1 } }),
      ),
    );
    assert.equal(timedOut.error.kind, 'timeout');
    const controller = new AbortController();
    const before = stub.requests.length;
    const running = runQuery(workspace, 'ScenarioSlow', options({ signal: controller.signal }));
    await waitUntil('the request reaches the stub', () => stub.requests.length !== before);
    controller.abort();
    assert.equal(failed(await running).error.kind, 'cancelled');
  });

  it('takes a large answer and applies the row limit', async () => {
    const r = ok(
      await runQuery(
        workspace,
        'ScenarioLarge',
        options({ settings: { ...DEFAULT_RUN_SETTINGS, rowLimit: 50_000 } }),
      ),
    );
    assert.deepEqual(r.stats.rowCounts, [100_000]);
    assert.equal(r.result.tables[0].rows.length, 50_000);
    assert.deepEqual(r.result.tables[0].rows[49_999], [49_999, 'u49999.example.com']);
  });
});
