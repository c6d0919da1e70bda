import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import {
  CompletionItemKind,
  CompletionRequest,
  DidOpenTextDocumentNotification,
  InsertTextFormat,
} from 'vscode-languageserver-protocol/node';
import { parse } from 'yaml';
import { RmmDetectionRequest, RmmToolsRequest } from '../../server/src/protocol/messages';
import { LspTestClient } from '../helpers/lspClient';

test('kql-language-server: lists the RMM tools and generates a query, a rule, and a reason when it cannot', async () => {
  const client = new LspTestClient();
  try {
    await client.initialize();
    const tools = await client.connection.sendRequest(RmmToolsRequest, {});
    const tightvnc = tools.find((t) => t.id === 'tightvnc');
    assert.deepEqual(tightvnc?.kinds, ['network', 'process', 'fileSignature']);
    assert.ok(tools.length >= 60);

    const query = await client.connection.sendRequest(RmmDetectionRequest, {
      toolIds: ['tightvnc'],
      kinds: ['network'],
      output: 'query',
    });
    assert.ok('text' in query, JSON.stringify(query));
    assert.equal(query.languageId, 'kql');
    assert.match(query.text, /InitiatingProcessVersionInfoCompanyName has 'GlavSoft'/);

    const rule = await client.connection.sendRequest(RmmDetectionRequest, {
      toolIds: ['tightvnc', 'anydesk'],
      kinds: ['process'],
      output: 'rule',
    });
    assert.ok('text' in rule, JSON.stringify(rule));
    assert.equal(rule.languageId, 'yaml');
    assert.match((parse(rule.text) as { id: string }).id, /^[0-9a-f-]{36}$/);

    const unknown = await client.connection.sendRequest(RmmDetectionRequest, {
      toolIds: ['no-such-tool'],
      kinds: ['network'],
      output: 'query',
    });
    assert.deepEqual(unknown, { error: 'Unknown RMM tool: no-such-tool.' });
    const unsupported = await client.connection.sendRequest(RmmDetectionRequest, {
      toolIds: ['tigervnc'],
      kinds: ['fileSignature'],
      output: 'query',
    });
    assert.ok('error' in unsupported && /TigerVNC has indicators/.test(unsupported.error));
  } finally {
    await client.shutdown();
  }
});

test('kql-language-server: completion offers rule templates in a new YAML file and KQL snippets inside a rule query', async () => {
  const client = new LspTestClient();
  try {
    await client.initialize({ textDocument: { completion: { completionItem: { snippetSupport: true } } } });
    const open = (uri: string, text: string) =>
      client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri, languageId: 'yaml', version: 1, text },
      });
    const labels = async (uri: string, line: number, character: number) => {
      const list = await client.connection.sendRequest(CompletionRequest.type, {
        textDocument: { uri },
        position: { line, character },
      });
      const items = Array.isArray(list) ? list : (list?.items ?? []);
      return items
        .filter(
          (i) => i.kind === CompletionItemKind.Snippet && i.insertTextFormat === InsertTextFormat.Snippet,
        )
        .map((i) => String(i.label));
    };

    await open('file:///workspace/new-rule.yaml', 'rul');
    assert.ok((await labels('file:///workspace/new-rule.yaml', 0, 3)).includes('rule-rmm-tightvnc-network'));

    const rule =
      'id: 6b7c2d4e-0000-4000-8000-000000000001\nname: x\nkind: Scheduled\nquery: |\n  DeviceNetworkEvents\n  \nseverity: Low\n';
    await open('file:///workspace/rule.yaml', rule);
    const inQuery = await labels('file:///workspace/rule.yaml', 5, 2);
    assert.ok(inQuery.includes('rmm-tightvnc-network'), inQuery.join(', '));
    assert.ok(!inQuery.includes('rule-rmm-tightvnc-network'));
  } finally {
    await client.shutdown();
  }
});
