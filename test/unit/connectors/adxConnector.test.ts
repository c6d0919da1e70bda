import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { StaticTokenCredential } from '../../../server/src/connectors/credentials';
import { runQuery, type RunOptions } from '../../../server/src/connectors/runQuery';
import type { RunQueryResult } from '../../../server/src/protocol/queryRun';
import { DEFAULT_RUN_SETTINGS, type AdxWorkspace } from '../../../server/src/protocol/workspaces';
import { adxHandler, ADX_DATABASE, type AdxBehaviour } from './support/adxService';
import { startHttpsStub, type HttpsStub } from './support/httpsStub';
import { waitUntil } from '../../helpers/waitUntil';

function failed(r: RunQueryResult): Extract<RunQueryResult, { ok: false }> {
  assert.ok(!r.ok, 'expected a failure');
  return r;
}

describe('Azure Data Explorer connector (azure-kusto-data) against a local cluster', () => {
  let stub: HttpsStub;
  let workspace: AdxWorkspace;
  const behaviour: AdxBehaviour = { calls: new Map() };
  const options = (over: Partial<RunOptions> = {}): RunOptions => ({
    settings: DEFAULT_RUN_SETTINGS,
    credential: new StaticTokenCredential('adx-token', Date.now() + 3_600_000),
    transport: { retry: { maxRetries: 2, retryDelayInMs: 10, maxRetryDelayInMs: 50 } },
    ...over,
  });
  const queriesOf = (csl: string) =>
    stub.requests.filter((q) => q.path === '/v2/rest/query' && (q.body as { csl?: string }).csl === csl);

  before(async () => {
    // Plain HTTP on loopback: the SDK probes cloud metadata with its own HTTP client, outside any TLS setting.
    stub = await startHttpsStub(adxHandler(behaviour), { plain: true });
    workspace = { name: 'Cluster', kind: 'adx', clusterUrl: stub.origin, database: ADX_DATABASE };
  });
  after(() => stub.close());

  it('runs a query (answered by the embedded engine) in the v2 format and returns the Log Analytics shape', async () => {
    const r = await runQuery(
      workspace,
      'DeviceInfo | summarize n = count() by OSPlatform | order by OSPlatform asc',
      options(),
    );
    assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
    const [table] = r.result.tables;
    assert.deepEqual(
      table.columns.map((c) => `${c.name}:${c.type}`),
      ['OSPlatform:string', 'n:long'],
    );
    assert.equal(
      table.rows.reduce((sum, row) => sum + (row[1] as number), 0),
      12,
    );
    const sent = stub.requests.find((q) => q.path === '/v2/rest/query')!;
    assert.equal(sent.headers.authorization, 'Bearer adx-token');
  });

  it('reports a semantic error with the detailed message', async () => {
    const r = failed(await runQuery(workspace, 'DeviceInfo | where OSPlatfrm == "x"', options()));
    assert.equal(r.error.kind, 'semantic');
    assert.match(r.error.message, /OSPlatfrm/);
  });

  it('reports 401, and 429 and 503 after the bounded retries, by kind', async () => {
    assert.equal(
      failed(
        await runQuery(
          workspace,
          'DeviceInfo',
          options({ credential: new StaticTokenCredential('nope', Date.now() + 60_000) }),
        ),
      ).error.kind,
      'unauthorized',
    );
    assert.equal(failed(await runQuery(workspace, 'ScenarioThrottled', options())).error.kind, 'throttled');
    assert.equal(queriesOf('ScenarioThrottled').length, 3, 'one try and two retries');
    assert.equal(failed(await runQuery(workspace, 'ScenarioUnavailable', options())).error.kind, 'server');
    assert.equal(queriesOf('ScenarioUnavailable').length, 3, 'one try and two retries');
  });

  it("waits as long as a 429 answer's Retry-After asks, then succeeds", async () => {
    const started = performance.now();
    const r = await runQuery(workspace, 'ScenarioThrottledOnce', options());
    assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
    assert.deepEqual(r.result.tables[0].rows, [[true]]);
    assert.equal(queriesOf('ScenarioThrottledOnce').length, 2);
    // Retry-After: 1 (second), far above the 10 ms backoff the transport asks for otherwise.
    assert.ok(
      performance.now() - started >= 900,
      `retried after ${Math.round(performance.now() - started)} ms`,
    );
  });

  it('retries a 503 with backoff, then succeeds', async () => {
    const r = await runQuery(workspace, 'ScenarioUnavailableOnce', options());
    assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
    assert.equal(queriesOf('ScenarioUnavailableOnce').length, 2);
  });

  it("sends the time span as the documented datetime scope of the workspace's time column", async () => {
    const scoped = async (w: AdxWorkspace, timespan: string) => {
      const r = await runQuery(w, 'ScenarioEchoScope', options({ timespan }));
      assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
      return r.result.tables[0].rows[0] as string[];
    };
    assert.deepEqual(await scoped(workspace, '2025-01-01T00:00:00Z/2025-01-15T00:00:00Z'), [
      'TimeGenerated',
      '2025-01-01T00:00:00.000Z',
      '2025-01-15T00:00:00.000Z',
    ]);
    const [column, from, to] = await scoped({ ...workspace, timeColumn: 'Timestamp' }, 'P14D');
    assert.equal(column, 'Timestamp');
    assert.equal(Date.parse(to) - Date.parse(from), 14 * 24 * 3600 * 1000);
    assert.ok(Math.abs(Date.parse(to) - Date.now()) < 60_000, 'a bare duration ends now');
    const bad = failed(await runQuery(workspace, 'ScenarioEchoScope', options({ timespan: 'fortnight' })));
    assert.equal(bad.error.kind, 'badRequest');
  });

  it('cancels a slow query and drops its request', async () => {
    const controller = new AbortController();
    const before = stub.requests.filter((q) => q.path === '/v2/rest/query').length;
    const running = runQuery(workspace, 'ScenarioSlow', options({ signal: controller.signal }));
    await waitUntil(
      'the query reaches the stub',
      () => stub.requests.filter((q) => q.path === '/v2/rest/query').length !== before,
    );
    controller.abort();
    assert.equal(failed(await running).error.kind, 'cancelled');
    await waitUntil('the stub sees the slow query abandoned', () =>
      stub.abandoned.some((q) => (q.body as { csl?: string }).csl === 'ScenarioSlow'),
    );
  });

  it('refuses a cluster that is not an Azure Data Explorer host', async () => {
    const r = failed(await runQuery({ ...workspace, clusterUrl: 'https://example.com' }, 'T', options()));
    assert.equal(r.error.kind, 'refused');
  });
});
