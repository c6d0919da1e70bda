import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  CancellationTokenSource,
  DidOpenTextDocumentNotification,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { QueryBlocksRequest, RunQueryRequest } from '../../server/src/protocol/messages';
import type { RunQueryParams } from '../../server/src/protocol/queryRun';
import { newTokenKey, sealToken, TOKEN_KEY_ENV } from '../../server/src/protocol/tokenSeal';
import { DEFAULT_RUN_SETTINGS, type LogAnalyticsWorkspace } from '../../server/src/protocol/workspaces';
import { LspTestClient } from '../helpers/lspClient';
import { startHttpsStub, type HttpsStub } from '../unit/connectors/support/httpsStub';
import { logAnalyticsHandler, WORKSPACE_ID } from '../unit/connectors/support/logAnalyticsService';
import { waitUntil } from '../helpers/waitUntil';

const KQL = `// kql-workspace: Stub
DeviceNetworkEvents
| take 2

ScenarioSemantic
| where AzureVMInventory_CL == 1
`;

describe('kql-language-server: query blocks and running queries', () => {
  let stub: HttpsStub;
  let client: LspTestClient;
  let caFile: string;
  let workspace: LogAnalyticsWorkspace;
  const key = newTokenKey();
  const uri = 'file:///workspace/hunt.kql';
  const doc = TextDocument.create(uri, 'kql', 1, KQL);
  const params = (query: string, over: Partial<RunQueryParams> = {}): RunQueryParams => ({
    uri,
    query,
    workspace,
    settings: DEFAULT_RUN_SETTINGS,
    token: sealToken('secret-token', Date.now() + 600_000, key),
    ...over,
  });

  before(async () => {
    stub = await startHttpsStub(logAnalyticsHandler());
    workspace = {
      name: 'Stub',
      kind: 'logAnalytics',
      workspaceId: WORKSPACE_ID,
      endpoint: `${stub.origin}/v1`,
    };
    caFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kql-run-')), 'ca.pem');
    fs.writeFileSync(caFile, stub.ca);
    client = new LspTestClient(['--stdio'], {
      ...process.env,
      [TOKEN_KEY_ENV]: key,
      NODE_EXTRA_CA_CERTS: caFile,
    });
    await client.initialize();
    const opened = client.nextDiagnostics(uri);
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'kql', version: 1, text: KQL },
    });
    await opened;
  });
  after(async () => {
    await client.shutdown();
    await stub.close();
    fs.rmSync(path.dirname(caFile), { recursive: true, force: true });
  });

  it('lists the query blocks with their ranges and the file pin', async () => {
    const result = await client.connection.sendRequest(QueryBlocksRequest, { uri });
    assert.equal(result.pinnedWorkspace, 'Stub');
    assert.deepEqual(
      result.blocks.map((b) => doc.getText(b.range)),
      [
        '// kql-workspace: Stub\nDeviceNetworkEvents\n| take 2',
        'ScenarioSemantic\n| where AzureVMInventory_CL == 1',
      ],
    );
    assert.deepEqual(
      result.blocks.map((b) => b.text),
      result.blocks.map((b) => doc.getText(b.range)),
    );
  });

  it("reads a rule file's queryPeriod as the time span", async () => {
    const ruleUri = 'file:///workspace/rule.yaml';
    const text =
      'id: 4323b279-4600-4fc6-a0b9-1d8d678c6b1b\nqueryFrequency: 1h\nqueryPeriod: 14d\nquery: |\n  DeviceNetworkEvents\n  | take 1\n';
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: ruleUri, languageId: 'yaml', version: 1, text },
    });
    const result = await client.connection.sendRequest(QueryBlocksRequest, { uri: ruleUri });
    assert.equal(result.timespan, 'P14D');
  });

  it('runs a query with the sealed token, which the service receives unsealed', async () => {
    const result = await client.connection.sendRequest(
      RunQueryRequest,
      params('DeviceNetworkEvents\n| take 2'),
    );
    assert.ok(result.ok, JSON.stringify(result));
    assert.equal(result.result.tables[0].rows.length, 2);
    assert.equal(result.workspaceName, 'Stub');
    assert.equal(stub.requests.at(-1)!.headers.authorization, 'Bearer secret-token');
  });

  it('maps a semantic error back to the name in the document', async () => {
    const blocks = await client.connection.sendRequest(QueryBlocksRequest, { uri });
    const block = blocks.blocks[1];
    const result = await client.connection.sendRequest(
      RunQueryRequest,
      params(block.text, { range: block.range }),
    );
    assert.ok(!result.ok);
    assert.equal(result.error.kind, 'semantic');
    assert.ok(result.errorRange, 'an error range');
    assert.equal(doc.getText(result.errorRange), 'AzureVMInventory_CL');
  });

  it('cancels a running query through LSP cancellation', async () => {
    const source = new CancellationTokenSource();
    const before = stub.requests.length;
    const running = client.connection.sendRequest(RunQueryRequest, params('ScenarioSlow'), source.token);
    await waitUntil('the request reaches the stub', () => stub.requests.length !== before, { pollMs: 20 });
    source.cancel();
    const result = await running;
    assert.ok(!result.ok);
    assert.equal(result.error.kind, 'cancelled');
    // The server closes its request to the service rather than leaving it running.
    await waitUntil(
      'the stub sees the slow query abandoned',
      () => stub.abandoned.some((r) => (r.body as { query?: string }).query === 'ScenarioSlow'),
      { pollMs: 20 },
    );
  });

  it('refuses management commands', async () => {
    const result = await client.connection.sendRequest(RunQueryRequest, params('.show tables'));
    assert.ok(!result.ok);
    assert.equal(result.error.kind, 'refused');
  });
});
