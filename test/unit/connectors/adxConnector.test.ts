import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { StaticTokenCredential } from '../../../server/src/connectors/credentials';
import { runQuery, type RunOptions } from '../../../server/src/connectors/runQuery';
import type { RunQueryResult } from '../../../server/src/protocol/queryRun';
import { DEFAULT_RUN_SETTINGS, type AdxWorkspace } from '../../../server/src/protocol/workspaces';
import { adxHandler, ADX_DATABASE } from './support/adxService';
import { startHttpsStub, type HttpsStub } from './support/httpsStub';

function failed(r: RunQueryResult): Extract<RunQueryResult, { ok: false }> {
  assert.ok(!r.ok, 'expected a failure');
  return r;
}

describe('Azure Data Explorer connector (azure-kusto-data) against a local cluster', () => {
  let stub: HttpsStub;
  let workspace: AdxWorkspace;
  const options = (over: Partial<RunOptions> = {}): RunOptions => ({
    settings: DEFAULT_RUN_SETTINGS,
    credential: new StaticTokenCredential('adx-token', Date.now() + 3_600_000),
    ...over,
  });

  before(async () => {
    // Plain HTTP on loopback: the SDK probes cloud metadata with its own HTTP client, outside any TLS setting.
    stub = await startHttpsStub(adxHandler(), { plain: true });
    workspace = { name: 'Cluster', kind: 'adx', clusterUrl: stub.origin, database: ADX_DATABASE };
  });
  after(() => stub.close());

  it('runs a query (answered by the embedded engine) in the v2 format and returns the Log Analytics shape', async () => {
    const r = await runQuery(workspace, 'DeviceInfo | summarize n = count() by OSPlatform | order by OSPlatform asc', options());
    assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
    const [table] = r.result.tables;
    assert.deepEqual(table.columns.map((c) => `${c.name}:${c.type}`), ['OSPlatform:string', 'n:long']);
    assert.equal(table.rows.reduce((sum, row) => sum + (row[1] as number), 0), 12);
    const sent = stub.requests.find((q) => q.path === '/v2/rest/query')!;
    assert.equal(sent.headers.authorization, 'Bearer adx-token');
  });

  it('reports a semantic error with the detailed message', async () => {
    const r = failed(await runQuery(workspace, 'DeviceInfo | where OSPlatfrm == "x"', options()));
    assert.equal(r.error.kind, 'semantic');
    assert.match(r.error.message, /OSPlatfrm/);
  });

  it('reports 401, 429 and 503 by kind', async () => {
    assert.equal(failed(await runQuery(workspace, 'DeviceInfo', options({ credential: new StaticTokenCredential('nope', Date.now() + 60_000) }))).error.kind, 'unauthorized');
    assert.equal(failed(await runQuery(workspace, 'ScenarioThrottled', options())).error.kind, 'throttled');
    assert.equal(failed(await runQuery(workspace, 'ScenarioUnavailable', options())).error.kind, 'server');
  });

  it('cancels a slow query by closing its client', async () => {
    const controller = new AbortController();
    const before = stub.requests.filter((q) => q.path === '/v2/rest/query').length;
    const running = runQuery(workspace, 'ScenarioSlow', options({ signal: controller.signal }));
    while (stub.requests.filter((q) => q.path === '/v2/rest/query').length === before) await new Promise((r) => setTimeout(r, 10));
    controller.abort();
    assert.equal(failed(await running).error.kind, 'cancelled');
    while (!stub.abandoned.some((q) => (q.body as { csl?: string }).csl === 'ScenarioSlow')) await new Promise((r) => setTimeout(r, 10));
  });

  it('refuses a cluster that is not an Azure Data Explorer host', async () => {
    const r = failed(await runQuery({ ...workspace, clusterUrl: 'https://example.com' }, 'T', options()));
    assert.equal(r.error.kind, 'refused');
  });
});
