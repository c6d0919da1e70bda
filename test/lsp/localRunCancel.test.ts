import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  CancellationTokenSource,
  DidOpenTextDocumentNotification,
  HoverRequest,
  type Hover,
} from 'vscode-languageserver-protocol/node';
import { RunQueryRequest } from '../../server/src/protocol/messages';
import type { RunQueryResult } from '../../server/src/protocol/queryRun';
import { LspTestClient } from '../helpers/lspClient';
import { LONG_LOCAL_QUERY as LONG, localRun } from '../helpers/longLocalQuery';

/**
 * The embedded engine is synchronous, so a long local query runs on a worker thread: the server
 * keeps answering while it runs, and cancelling or timing out stops it at once.
 */
const TEXT = 'DeviceNetworkEvents\n| take 1\n';

describe('kql-language-server: a long local query', () => {
  let client: LspTestClient;
  const uri = 'file:///workspace/local.kql';
  const params = (query: string, timeoutSeconds?: number) => localRun(uri, query, timeoutSeconds);
  const hover = (): Promise<Hover | null> =>
    client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: { line: 0, character: 4 },
    });

  /**
   * Hovers one after another, `count` times or until `running` settles; each answer must come
   * while the query still runs. How fast they come is a figure of `npm run bench`, not a test.
   */
  const hoverWhile = async (running: { settled: boolean }, count: number) => {
    let answered = 0;
    while (answered < count && !running.settled) {
      const answer = await hover();
      assert.ok(answer, 'a hover answer');
      assert.equal(running.settled, false, 'the query was still running when the hover was answered');
      answered++;
    }
    return answered;
  };

  const track = (promise: Promise<RunQueryResult>) => {
    const state = { settled: false, result: promise.finally(() => (state.settled = true)) };
    return state;
  };

  before(async () => {
    client = new LspTestClient();
    await client.initialize();
    const opened = client.nextDiagnostics(uri);
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'kql', version: 1, text: TEXT },
    });
    await opened;
  });
  after(async () => {
    await client.shutdown();
  });

  it('answers hovers while it runs, and a cancel ends it with a cancelled result', async () => {
    const source = new CancellationTokenSource();
    const running = track(client.connection.sendRequest(RunQueryRequest, params(LONG), source.token));
    assert.equal(await hoverWhile(running, 5), 5, 'five hovers answered while the query ran');
    source.cancel();
    // Had the cancel not stopped the worker, the query would have finished with a count instead.
    const result = await running.result;
    assert.ok(!result.ok, JSON.stringify(result));
    assert.equal(result.error.kind, 'cancelled');
    assert.match(result.error.message, /cancelled/);
  });

  it('runs the next query after a cancel, on a fresh engine thread', async () => {
    const result = await client.connection.sendRequest(
      RunQueryRequest,
      params('DeviceInfo | summarize n = count()'),
    );
    assert.ok(result.ok, JSON.stringify(result));
    assert.equal(result.result.tables[0].rows[0][0], 12);
  });

  it('stops it at the timeout, while hovers are still answered', async () => {
    const running = track(client.connection.sendRequest(RunQueryRequest, params(LONG, 5)));
    assert.ok((await hoverWhile(running, 3)) >= 1, 'a hover answered before the timeout');
    const result = await running.result;
    assert.ok(!result.ok, JSON.stringify(result));
    assert.equal(result.error.kind, 'timeout');
    assert.match(result.error.message, /5 s/);
  });
});
