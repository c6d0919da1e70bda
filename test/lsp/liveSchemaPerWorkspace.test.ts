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
import { ActiveWorkspaceNotification, RefreshSchemaRequest } from '../../server/src/protocol/messages';
import { newTokenKey, sealToken, TOKEN_KEY_ENV } from '../../server/src/protocol/tokenSeal';
import type { LogAnalyticsWorkspace } from '../../server/src/protocol/workspaces';
import { LspTestClient } from '../helpers/lspClient';
import { startHttpsStub, type HttpsStub, type StubRequest } from '../unit/connectors/support/httpsStub';

/**
 * Two Sentinel workspaces, each with its own custom table. A document is checked against the
 * live schema of the workspace it runs on (its pin, else the active one), never the other's.
 */
const TABLES: Record<string, string> = {
  'aaaaaaaa-0000-0000-0000-000000000001': 'TableA_CL',
  'bbbbbbbb-0000-0000-0000-000000000002': 'TableB_CL',
};

function metadataHandler(req: StubRequest) {
  const id = /^\/v1\/workspaces\/([^/]+)\/metadata$/.exec(req.path.split('?')[0])?.[1];
  const table = id && TABLES[id];
  if (req.method !== 'GET' || !table)
    return { status: 404, body: { error: { code: 'PathNotFoundError', message: 'no route' } } };
  return {
    status: 200,
    body: {
      tables: [
        {
          name: table,
          columns: [
            { name: 'TimeGenerated', type: 'datetime' },
            { name: 'Col1', type: 'string' },
          ],
        },
      ],
      functions: [],
    },
  };
}

const BODY = 'TableA_CL | take 1\n\nTableB_CL | take 1\n';
const unknownTables = (p: PublishDiagnosticsParams) =>
  p.diagnostics
    .filter((d) => d.severity === DiagnosticSeverity.Error)
    .map((d) => /Table[AB]_CL/.exec(typeof d.message === 'string' ? d.message : d.message.value)?.[0])
    .filter((t): t is string => !!t)
    .sort();

describe('kql-language-server: one live schema per workspace', () => {
  let stub: HttpsStub;
  let client: LspTestClient;
  let caFile: string;
  let workspaces: LogAnalyticsWorkspace[];
  const key = newTokenKey();
  const docs = { a: 'file:///ws/a.kql', b: 'file:///ws/b.kql', unpinned: 'file:///ws/unpinned.kql' };

  before(async () => {
    stub = await startHttpsStub(metadataHandler);
    workspaces = Object.keys(TABLES).map((workspaceId, i) => ({
      name: i === 0 ? 'A' : 'B',
      kind: 'logAnalytics',
      workspaceId,
      endpoint: `${stub.origin}/v1`,
    }));
    caFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kql-live2-')), 'ca.pem');
    fs.writeFileSync(caFile, stub.ca);
    client = new LspTestClient(['--stdio'], {
      ...process.env,
      [TOKEN_KEY_ENV]: key,
      NODE_EXTRA_CA_CERTS: caFile,
    });
    client.connection.onRequest(ConfigurationRequest.type, (params) =>
      params.items.map(() => ({ environment: 'sentinel', workspaces })),
    );
    await client.initialize({ workspace: { configuration: true } });
  });
  after(async () => {
    await client.shutdown();
    await stub.close();
    fs.rmSync(path.dirname(caFile), { recursive: true, force: true });
  });

  it("checks a document pinned to each workspace against that workspace's tables only", async () => {
    for (const w of workspaces) {
      const result = await client.connection.sendRequest(RefreshSchemaRequest, {
        workspace: w,
        token: sealToken('t', Date.now() + 600_000, key),
      });
      assert.ok(result.ok, JSON.stringify(result));
      assert.equal(result.tables, 1);
    }
    const open = async (uri: string, text: string) => {
      const published = client.nextDiagnostics(uri);
      await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri, languageId: 'kql', version: 1, text },
      });
      return unknownTables(await published);
    };
    assert.deepEqual(await open(docs.a, `// kql-workspace: A\n${BODY}`), ['TableB_CL']);
    assert.deepEqual(await open(docs.b, `// kql-workspace: B\n${BODY}`), ['TableA_CL']);
  });

  it('checks an unpinned document against the active workspace, and again when it changes', async () => {
    await client.connection.sendNotification(ActiveWorkspaceNotification, { name: 'A' });
    const first = client.nextDiagnostics(docs.unpinned);
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: docs.unpinned, languageId: 'kql', version: 1, text: BODY },
    });
    assert.deepEqual(unknownTables(await first), ['TableB_CL']);

    const switched = client.nextDiagnostics(docs.unpinned, (p) => unknownTables(p).includes('TableA_CL'));
    await client.connection.sendNotification(ActiveWorkspaceNotification, { name: 'B' });
    assert.deepEqual(unknownTables(await switched), ['TableA_CL']);
    // A pinned document keeps its own workspace whatever is active: what the client last got for it
    // is unchanged (a re-validation that finds the same list sends nothing).
    const lastForB = client.published.filter((p) => p.uri === docs.b).at(-1);
    assert.ok(lastForB);
    assert.deepEqual(unknownTables(lastForB), ['TableA_CL']);
  });
});
