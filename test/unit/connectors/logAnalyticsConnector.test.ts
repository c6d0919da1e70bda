import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { StaticTokenCredential } from '../../../server/src/connectors/credentials';
import { runQuery, type RunOptions } from '../../../server/src/connectors/runQuery';
import type { RunQueryResult } from '../../../server/src/protocol/queryRun';
import { DEFAULT_RUN_SETTINGS, type LogAnalyticsWorkspace } from '../../../server/src/protocol/workspaces';
import { startHttpsStub, type HttpsStub } from './support/httpsStub';
import { logAnalyticsHandler, WORKSPACE_ID } from './support/logAnalyticsService';
import { waitUntil } from '../../helpers/waitUntil';

function ok(r: RunQueryResult): Extract<RunQueryResult, { ok: true }> {
  assert.ok(r.ok, `expected success, got ${JSON.stringify(!r.ok && r.error)}`);
  return r;
}

function failed(r: RunQueryResult): Extract<RunQueryResult, { ok: false }> {
  assert.ok(!r.ok, 'expected a failure');
  return r;
}

describe('Log Analytics connector against a local service', () => {
  let stub: HttpsStub;
  let workspace: LogAnalyticsWorkspace;
  const credential = new StaticTokenCredential('test-token', Date.now() + 3_600_000);
  const options = (over: Partial<RunOptions> = {}): RunOptions => ({
    settings: { ...DEFAULT_RUN_SETTINGS, ...over.settings },
    credential,
    transport: { tlsCa: stub.ca, retry: { maxRetries: 2, retryDelayInMs: 10, maxRetryDelayInMs: 50 } },
    ...over,
  });

  before(async () => {
    stub = await startHttpsStub(logAnalyticsHandler());
    workspace = {
      name: 'test',
      kind: 'logAnalytics',
      workspaceId: WORKSPACE_ID,
      endpoint: `${stub.origin}/v1`,
    };
  });
  after(() => stub.close());

  it('returns the tables in the Log Analytics shape, with the token and time span sent', async () => {
    const r = ok(await runQuery(workspace, 'DeviceNetworkEvents | take 2', options({ timespan: 'P5D' })));
    const [table] = r.result.tables;
    assert.equal(table.name, 'PrimaryResult');
    assert.deepEqual(
      table.columns.map((c) => `${c.name}:${c.type}`),
      ['DeviceName:string', 'Count:long', 'FirstSeen:datetime', 'Report:dynamic'],
    );
    assert.deepEqual(table.rows[0], ['ws-01', 3, '2025-01-02T03:04:05.000Z', ['a', 'b']]);
    assert.equal(table.rows[1][0], '<img src=x onerror=alert(1)>');
    assert.deepEqual(r.stats.rowCounts, [2]);
    assert.equal(r.stats.truncated, false);
    const sent = stub.requests.at(-1)!;
    assert.equal(sent.headers.authorization, 'Bearer test-token');
    assert.deepEqual((sent.body as { query: string; timespan: string }).timespan, 'P5D');
    assert.equal((sent.body as { query: string }).query, 'DeviceNetworkEvents | take 2');
  });

  it('uses the default time span from the settings when the query has none', async () => {
    const r = ok(
      await runQuery(
        workspace,
        'ScenarioEchoTimespan',
        options({ settings: { ...DEFAULT_RUN_SETTINGS, defaultTimespan: 'P2D' } }),
      ),
    );
    assert.equal(r.result.tables[0].rows[0][0], 'P2D');
  });

  it('returns several tables', async () => {
    const r = ok(await runQuery(workspace, 'ScenarioSeveral', options()));
    assert.deepEqual(
      r.result.tables.map((t) => t.name),
      ['PrimaryResult', 'Table_1'],
    );
    assert.deepEqual(r.stats.rowCounts, [2, 2]);
  });

  it('keeps the tables of a partial failure and reports the error', async () => {
    const r = ok(await runQuery(workspace, 'ScenarioPartial', options()));
    assert.equal(r.result.tables[0].rows.length, 2);
    assert.match(r.result.partialError ?? '', /some errors.*internal data size limit/);
  });

  it('reports a semantic error with the nested message and code', async () => {
    const r = failed(await runQuery(workspace, 'ScenarioSemantic | where x', options()));
    assert.equal(r.error.kind, 'semantic');
    assert.equal(r.error.code, 'SEM0100');
    assert.equal(r.error.status, 400);
    assert.match(r.error.message, /Failed to resolve table or column expression named 'AzureVMInventory_CL'/);
  });

  it('reports a syntax error', async () => {
    const r = failed(await runQuery(workspace, 'ScenarioSyntax\n| | where', options()));
    assert.equal(r.error.kind, 'syntax');
    assert.match(r.error.message, /could not be parsed/);
  });

  it('reports 401 and 403 as sign-in problems', async () => {
    const forbidden = failed(
      await runQuery(
        workspace,
        'T',
        options({ credential: new StaticTokenCredential('forbidden-token', Date.now() + 60_000) }),
      ),
    );
    assert.equal(forbidden.error.kind, 'forbidden');
    assert.equal(forbidden.error.code, 'InvalidAuthenticationTokenAudience');
    const other = failed(await runQuery({ ...workspace, workspaceId: 'nope' }, 'T', options()));
    assert.equal(other.error.status, 404);
  });

  it('waits as Retry-After says and retries a 429', async () => {
    const before = stub.requests.length;
    const started = Date.now();
    ok(await runQuery(workspace, 'ScenarioThrottled', options()));
    assert.equal(stub.requests.length - before, 2);
    assert.ok(Date.now() - started >= 900, 'the retry waited for Retry-After');
  });

  it('gives up on persistent throttling with a throttled error', async () => {
    const r = failed(
      await runQuery(
        workspace,
        'ScenarioAlwaysThrottled',
        options({ transport: { tlsCa: stub.ca, retry: { maxRetries: 1, retryDelayInMs: 10 } } }),
      ),
    );
    assert.equal(r.error.kind, 'throttled');
    assert.equal(r.error.status, 429);
  });

  it('retries a 5xx once and reports a persistent one', async () => {
    ok(await runQuery(workspace, 'ScenarioFlaky', options()));
    const r = failed(await runQuery(workspace, 'ScenarioDown', options()));
    assert.equal(r.error.kind, 'server');
    assert.equal(r.error.status, 503);
  });

  it('times out a slow answer', async () => {
    const r = failed(
      await runQuery(
        workspace,
        'ScenarioSlow',
        options({ settings: { ...DEFAULT_RUN_SETTINGS, timeoutSeconds: 1 } }),
      ),
    );
    assert.equal(r.error.kind, 'timeout');
  });

  it('cancels a slow answer and closes the request', async () => {
    const controller = new AbortController();
    const abandonedBefore = stub.abandoned.length;
    const requestsBefore = stub.requests.length;
    const running = runQuery(workspace, 'ScenarioSlow', options({ signal: controller.signal }));
    await waitUntil('the request reaches the stub', () => stub.requests.length !== requestsBefore, {
      pollMs: 0,
    });
    controller.abort();
    const r = failed(await running);
    assert.equal(r.error.kind, 'cancelled');
    await waitUntil('the stub sees the request abandoned', () => stub.abandoned.length !== abandonedBefore);
  });

  it('applies the row limit to a large result and says so', async () => {
    const r = ok(
      await runQuery(
        workspace,
        'ScenarioLarge',
        options({ settings: { ...DEFAULT_RUN_SETTINGS, rowLimit: 30_000 } }),
      ),
    );
    assert.equal(r.result.tables[0].rows.length, 30_000);
    assert.deepEqual(r.stats.rowCounts, [100_000]);
    assert.equal(r.stats.truncated, true);
    assert.deepEqual(r.result.tables[0].rows[29_999], [29_999, 'row 29999']);
  });

  it('refuses management commands unless allowed, without sending anything', async () => {
    const before = stub.requests.length;
    const r = failed(await runQuery(workspace, '// drop it\n.drop table T', options()));
    assert.equal(r.error.kind, 'refused');
    assert.equal(stub.requests.length, before);
  });

  it('refuses to send a token to an unknown host', async () => {
    const r = failed(
      await runQuery({ ...workspace, endpoint: 'https://evil.example.com/v1' }, 'T', options()),
    );
    assert.equal(r.error.kind, 'refused');
    assert.match(r.error.message, /evil\.example\.com/);
  });
});
