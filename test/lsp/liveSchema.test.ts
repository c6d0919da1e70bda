import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  ConfigurationRequest,
  DiagnosticSeverity,
  DidOpenTextDocumentNotification,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { RefreshSchemaRequest } from '../../server/src/protocol/messages';
import { newTokenKey, sealToken, TOKEN_KEY_ENV } from '../../server/src/protocol/tokenSeal';
import type { LogAnalyticsWorkspace } from '../../server/src/protocol/workspaces';
import { LspTestClient } from '../helpers/lspClient';
import { startHttpsStub, type HttpsStub, type StubRequest } from '../unit/connectors/support/httpsStub';
import { WORKSPACE_ID } from '../unit/connectors/support/logAnalyticsService';

/** The metadata endpoint (API_NOTES.md section 2) with one custom table, behind a bearer check. */
function metadataHandler(req: StubRequest) {
  if (req.method !== 'GET' || req.path.split('?')[0] !== `/v1/workspaces/${WORKSPACE_ID}/metadata`)
    return { status: 404, body: { error: { code: 'PathNotFoundError', message: 'no route' } } };
  if (req.headers.authorization !== 'Bearer secret-token')
    return { status: 401, body: { error: { code: 'AuthenticationFailed', message: 'Bad token.' } } };
  return {
    status: 200,
    body: {
      tables: [
        {
          id: 'MyCustom_CL',
          name: 'MyCustom_CL',
          timespanColumn: 'TimeGenerated',
          columns: [
            { name: 'TimeGenerated', type: 'datetime' },
            { name: 'Col1', type: 'string' },
          ],
        },
      ],
      functions: [{ id: 'MyParser', name: 'MyParser', body: 'MyCustom_CL | project Col1' }],
    },
  };
}

const KQL = '// kql-environment: sentinel\nMyCustom_CL\n| where Col1 == "x"\n';
const errorsOf = (p: PublishDiagnosticsParams) =>
  p.diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error);

describe('kql-language-server: live workspace schema', () => {
  let stub: HttpsStub;
  let storage: string;
  let caFile: string;
  let workspace: LogAnalyticsWorkspace;
  const key = newTokenKey();
  const uri = 'file:///workspace/custom.kql';

  async function startServer(): Promise<LspTestClient> {
    const client = new LspTestClient(['--stdio'], {
      ...process.env,
      [TOKEN_KEY_ENV]: key,
      NODE_EXTRA_CA_CERTS: caFile,
    });
    client.connection.onRequest(ConfigurationRequest.type, (params) =>
      params.items.map(() => ({ environment: 'sentinel', workspaces: [workspace] })),
    );
    await client.initialize({ workspace: { configuration: true } }, { globalStoragePath: storage });
    return client;
  }

  async function open(client: LspTestClient): Promise<void> {
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'kql', version: 1, text: KQL },
    });
  }

  before(async () => {
    stub = await startHttpsStub(metadataHandler);
    workspace = {
      name: 'Stub',
      kind: 'logAnalytics',
      workspaceId: WORKSPACE_ID,
      endpoint: `${stub.origin}/v1`,
    };
    storage = fs.mkdtempSync(path.join(os.tmpdir(), 'kql-live-'));
    caFile = path.join(storage, '..', `${path.basename(storage)}-ca.pem`);
    fs.writeFileSync(caFile, stub.ca);
  });
  after(async () => {
    await stub.close();
    fs.rmSync(storage, { recursive: true, force: true });
    fs.rmSync(caFile, { force: true });
  });

  it('reports a custom table as unknown before a refresh and accepts it after, caching no token', async () => {
    const client = await startServer();
    try {
      const first = client.nextDiagnostics(uri);
      await open(client);
      assert.ok(
        errorsOf(await first).some((d) =>
          (typeof d.message === 'string' ? d.message : d.message.value).includes('MyCustom_CL'),
        ),
        'MyCustom_CL is unknown before the refresh',
      );

      const clean = client.nextDiagnostics(uri, (p) => errorsOf(p).length === 0);
      const result = await client.connection.sendRequest(RefreshSchemaRequest, {
        workspace,
        token: sealToken('secret-token', Date.now() + 600_000, key),
      });
      assert.ok(result.ok, JSON.stringify(result));
      assert.equal(result.environment, 'sentinel');
      assert.equal(result.tables, 1);
      assert.equal(result.functions, 1);
      assert.ok(result.persisted);
      assert.ok(!Number.isNaN(Date.parse(result.cachedAt)));
      await clean;

      const files = fs
        .readdirSync(storage)
        .filter((f) => f.startsWith('live-schema-') && f.endsWith('.json'));
      assert.equal(files.length, 1);
      const cached = fs.readFileSync(path.join(storage, files[0]), 'utf8');
      assert.ok(cached.includes('MyCustom_CL'));
      assert.ok(!cached.includes('secret-token'), 'the cache holds no token');
      assert.ok(!cached.includes(key), 'the cache holds no sealing key');
    } finally {
      await client.shutdown();
    }
  });

  it('answers a refused token and an ADX workspace with a sorted error', async () => {
    const client = await startServer();
    try {
      const result = await client.connection.sendRequest(RefreshSchemaRequest, {
        workspace,
        token: sealToken('wrong-token', Date.now() + 600_000, key),
      });
      assert.ok(!result.ok);
      assert.equal(result.error.kind, 'unauthorized');
      const unsupported = await client.connection.sendRequest(RefreshSchemaRequest, {
        workspace: { name: 'Adx', kind: 'adx', clusterUrl: 'https://127.0.0.1:1', database: 'db' },
      });
      assert.ok(!unsupported.ok);
      assert.equal(unsupported.error.kind, 'unsupported');
    } finally {
      await client.shutdown();
    }
  });

  it('restores the cached schema of a configured workspace at the next start, without a request', async () => {
    const before = stub.requests.length;
    const client = await startServer();
    try {
      const clean = client.nextDiagnostics(uri, (p) => errorsOf(p).length === 0);
      await open(client);
      await clean;
      assert.equal(stub.requests.length, before, 'no call to the service');
    } finally {
      await client.shutdown();
    }
  });
});
