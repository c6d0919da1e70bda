/**
 * No token and no query result in any log of the language server after an authenticated run:
 * its stderr, every notification it sends besides diagnostics (window/logMessage,
 * window/showMessage, telemetry, $/logTrace), the message trace an editor writes at the default
 * level and at the most verbose one, and any file it writes under its home, cache or temporary
 * folders.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Trace, type MessageConnection } from 'vscode-languageserver-protocol/node';
import { RunQueryRequest } from '../../server/src/protocol/messages';
import type { RunQueryParams } from '../../server/src/protocol/queryRun';
import { newTokenKey, sealToken, TOKEN_KEY_ENV } from '../../server/src/protocol/tokenSeal';
import { DEFAULT_RUN_SETTINGS, type LogAnalyticsWorkspace } from '../../server/src/protocol/workspaces';
import { LspTestClient } from '../helpers/lspClient';
import { filesUnder, leaksIn, startSecretService, type SecretService } from '../helpers/secretService';

describe('kql-language-server: secrets stay out of the logs', () => {
  let service: SecretService;
  let client: LspTestClient;
  let workspace: LogAnalyticsWorkspace;
  const key = newTokenKey();
  const notifications: string[] = [];
  let defaultTrace = '';
  let verboseTrace = '';
  let sentToServer = '';
  const home = () => path.join(service.scratch, 'home');

  const run = (query: string) => {
    const params: RunQueryParams = {
      query,
      workspace,
      settings: DEFAULT_RUN_SETTINGS,
      token: sealToken(service.token, Date.now() + 600_000, key),
    };
    return client.connection.sendRequest(RunQueryRequest, params);
  };

  before(async () => {
    service = await startSecretService();
    workspace = {
      name: 'Secret',
      kind: 'logAnalytics',
      workspaceId: service.workspaceId,
      endpoint: `${service.stub.origin}/v1`,
    };
    for (const dir of ['home', 'cache', 'tmp']) fs.mkdirSync(path.join(service.scratch, dir));
    client = new LspTestClient(['--stdio'], {
      PATH: process.env.PATH,
      HOME: home(),
      XDG_CACHE_HOME: path.join(service.scratch, 'cache'),
      TMPDIR: path.join(service.scratch, 'tmp'),
      [TOKEN_KEY_ENV]: key,
      NODE_EXTRA_CA_CERTS: service.caFile,
    });
    // Everything the client writes to the server, as it goes over the wire.
    const stdin = client.process.stdin!;
    const write = stdin.write.bind(stdin) as (chunk: unknown, ...rest: unknown[]) => boolean;
    stdin.write = ((chunk: unknown, ...rest: unknown[]) => {
      sentToServer += Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk);
      return write(chunk, ...rest);
    }) as typeof stdin.write;
    // The protocol connection's type hides the catch-all handler that its message connection has.
    (client.connection as unknown as MessageConnection).onNotification((method, params) => {
      notifications.push(`${method} ${JSON.stringify(params)}`);
    });
    await client.initialize();
  });
  after(async () => {
    await client?.shutdown();
    await service?.close();
  });

  it('the default trace level (off) writes nothing, and a run returns the values to the caller only', async () => {
    // An editor's trace output, at the level a user has unless they change kqlHunting.trace.server.
    await client.connection.trace(Trace.Off, {
      log: (message: string, data?: string) => {
        defaultTrace += `${message}\n${data ?? ''}\n`;
      },
    });
    const result = await run('SecurityEvent | take 1');
    assert.ok(result.ok, JSON.stringify(result));
    assert.deepEqual(result.result.tables[0].rows, [[service.resultValues[0], service.resultValues[1], 7]]);
    assert.equal(service.stub.requests.at(-1)!.headers.authorization, `Bearer ${service.token}`);
    assert.equal(defaultTrace, '');
  });

  it('a refused run (403) reports the failure without the token', async () => {
    const result = await run('ScenarioForbidden | take 1');
    assert.ok(!result.ok, JSON.stringify(result));
    assert.equal(result.error.kind, 'forbidden');
    assert.match(result.error.message, /insufficient access/);
    assert.deepEqual(
      leaksIn({ 'the error returned': JSON.stringify(result) }, [['the bearer token', service.token]]),
      [],
    );
  });

  it('even the verbose message trace holds only the sealed token', async () => {
    // `true` also tells the server, in case it writes traces of its own ($/logTrace).
    await client.connection.trace(
      Trace.Verbose,
      {
        log: (message: string, data?: string) => {
          verboseTrace += `${message}\n${data ?? ''}\n`;
        },
      },
      true,
    );
    const result = await run('SecurityEvent | take 1');
    assert.ok(result.ok, JSON.stringify(result));
    // The trace shows the request with its parameters: proof that it was recorded at all.
    assert.match(verboseTrace, /kqlHunting\/runQuery/);
    assert.deepEqual(
      leaksIn({ 'the verbose trace': verboseTrace }, [['the bearer token', service.token]]),
      [],
    );
    await client.connection.trace(Trace.Off, { log: () => undefined }, true);
  });

  it('stderr, notifications, the bytes sent to the server and files written hold no secret', async () => {
    const leaks = leaksIn(
      {
        'the server stderr': client.stderr,
        'the server notifications': notifications.join('\n'),
        'the messages sent to the server': sentToServer,
        ...filesUnder(service.scratch),
      },
      service.secrets(),
    );
    assert.deepEqual(leaks, []);
    assert.ok(notifications.length > 0, 'the server sent notifications to search');
    // The search looked at real traffic: the request carried a sealed token.
    assert.match(sentToServer, /"token":\{"iv":/);
  });
});
