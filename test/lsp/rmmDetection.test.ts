import { test } from 'node:test';
import * as assert from 'node:assert/strict';
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

    const query = await client.connection.sendRequest(RmmDetectionRequest, { toolIds: ['tightvnc'], kinds: ['network'], output: 'query' });
    assert.ok('text' in query, JSON.stringify(query));
    assert.equal(query.languageId, 'kql');
    assert.match(query.text, /InitiatingProcessVersionInfoCompanyName has 'GlavSoft'/);

    const rule = await client.connection.sendRequest(RmmDetectionRequest, { toolIds: ['tightvnc', 'anydesk'], kinds: ['process'], output: 'rule' });
    assert.ok('text' in rule, JSON.stringify(rule));
    assert.equal(rule.languageId, 'yaml');
    assert.match((parse(rule.text) as { id: string }).id, /^[0-9a-f-]{36}$/);

    const unknown = await client.connection.sendRequest(RmmDetectionRequest, { toolIds: ['no-such-tool'], kinds: ['network'], output: 'query' });
    assert.deepEqual(unknown, { error: 'Unknown RMM tool: no-such-tool.' });
    const unsupported = await client.connection.sendRequest(RmmDetectionRequest, { toolIds: ['tigervnc'], kinds: ['fileSignature'], output: 'query' });
    assert.ok('error' in unsupported && /TigerVNC has indicators/.test(unsupported.error));
  } finally {
    await client.shutdown();
  }
});
