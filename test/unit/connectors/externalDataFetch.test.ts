import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runQuery } from '../../../server/src/connectors/runQuery';
import { DEFAULT_RUN_SETTINGS, type LocalWorkspace } from '../../../server/src/protocol/workspaces';
import { startHttpsStub, type HttpsStub, type StubResponse } from './support/httpsStub';

/**
 * `externaldata` over HTTPS in the local workspace, against a real HTTPS server on 127.0.0.1 and
 * the real worker-thread executor: off unless the setting is on, HTTPS only, a size limit, a
 * cache, and no query string (a SAS token's place) in any message.
 */
describe('local workspace: externaldata fetched over HTTPS when the setting allows it', () => {
  let stub: HttpsStub;
  let workspace: LocalWorkspace;
  const big = 'x\n'.repeat(600_000);

  before(async () => {
    stub = await startHttpsStub((r): StubResponse => {
      if (r.path.startsWith('/iocs.csv'))
        return {
          status: 200,
          headers: { 'content-type': 'text/csv' },
          body: 'evil.example,high\ntest.example,low\n',
        };
      if (r.path.startsWith('/big.csv'))
        return { status: 200, headers: { 'content-type': 'text/csv' }, body: big };
      if (r.path.startsWith('/moved')) return { status: 302, headers: { location: '/iocs.csv' } };
      return { status: 404, body: 'no such file' };
    });
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kql-extfetch-'));
    fs.writeFileSync(path.join(folder, 'workspace.json'), JSON.stringify({ environment: 'defender' }));
    workspace = { name: 'Fetching', kind: 'local', folder };
  });
  after(() => stub.close());

  const query = (file: string) =>
    `externaldata(Domain:string, Severity:string) [h@"${stub.origin}/${file}"] with (format="csv") | where Severity == "high"`;
  const run = (text: string, settings: Partial<typeof DEFAULT_RUN_SETTINGS> = {}) =>
    runQuery(workspace, text, {
      settings: { ...DEFAULT_RUN_SETTINGS, fetchExternalData: true, ...settings },
      transport: { tlsCa: stub.ca },
    });

  it('fetches nothing while the setting is off, and says how to turn it on', async () => {
    const before = stub.requests.length;
    const r = await run(query('iocs.csv'), { fetchExternalData: false });
    assert.ok(!r.ok);
    assert.match(r.error.message, /kqlHunting\.run\.fetchExternalData/);
    assert.equal(stub.requests.length, before);
  });

  it('fetches the file, follows an HTTPS redirect, and keeps the text for the next run', async () => {
    const first = await run(query('moved'));
    assert.ok(first.ok, JSON.stringify(!first.ok && first.error));
    assert.deepEqual(first.result.tables[0].rows, [['evil.example', 'high']]);
    const count = stub.requests.length;
    const again = await run(query('moved'));
    assert.ok(again.ok);
    assert.equal(stub.requests.length, count, 'served from the cache');
  });

  it('stops at the size limit with a message naming it', async () => {
    const r = await run(query('big.csv'), { externalDataMaxMegabytes: 1 });
    assert.ok(!r.ok);
    assert.match(r.error.message, /larger than the limit of 1 MB/);
  });

  it('refuses plain HTTP and keeps the query string out of every message', async () => {
    const plain = await run(`externaldata(a:string) [@"http://127.0.0.1:9/x.csv"]`);
    assert.ok(!plain.ok);
    assert.match(plain.error.message, /only https URLs are fetched/);
    const missing = await run(query('gone.csv?sv=2024&sig=SECRETSAS'));
    assert.ok(!missing.ok);
    assert.match(missing.error.message, /HTTP 404/);
    assert.doesNotMatch(missing.error.message, /SECRETSAS/);
    const off = await run(query('gone.csv?sig=SECRETSAS'), { fetchExternalData: false });
    assert.ok(!off.ok);
    assert.doesNotMatch(off.error.message, /SECRETSAS/);
  });
});
