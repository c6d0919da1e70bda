import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  CompletionRequest,
  DidOpenTextDocumentNotification,
  type CompletionList,
} from 'vscode-languageserver-protocol/node';
import { LspTestClient } from '../helpers/lspClient';

/**
 * The first completion on a fresh server comes before the engine's query grammar is built: it is
 * answered from the bound tree (the columns of the table in scope, lets and functions) and marked
 * incomplete, and once the server has built the grammar while idle the same request gets the
 * engine's whole list.
 */
test('the first completion on a fresh server lists the columns in scope, then the full list follows', async () => {
  const client = new LspTestClient();
  try {
    await client.initialize();
    const uri = 'file:///first/completion.kql';
    const text = 'let Port = 5900;\nDeviceNetworkEvents\n| where RemotePort == Port and ';
    const published = client.nextDiagnostics(uri);
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'kql', version: 1, text },
    });
    await published;
    const ask = async () =>
      (await client.connection.sendRequest(CompletionRequest.type, {
        textDocument: { uri },
        position: { line: 2, character: 31 },
      })) as CompletionList;

    const first = await ask();
    const labels = new Set(first.items.map((i) => i.label));
    assert.equal(first.isIncomplete, true, 'the first list says more may come');
    for (const name of ['InitiatingProcessVersionInfoCompanyName', 'RemoteUrl', 'Port', 'tolower(value)'])
      assert.ok(labels.has(name), `${name} is offered`);
    assert.ok(!labels.has('ProcessCommandLine'), 'no column of another table');

    // The server builds the grammar once no request has come for 300 ms; asking every second
    // leaves it those pauses, as a user's typing does.
    let full = first;
    const deadline = Date.now() + 60_000;
    while (full.isIncomplete && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      full = await ask();
    }
    assert.equal(full.isIncomplete, false, 'the engine answered within a minute');
    const fullLabels = new Set(full.items.map((i) => i.label));
    for (const item of first.items)
      assert.ok(fullLabels.has(item.label), `${item.label} is in the full list`);
    assert.ok(fullLabels.has('not()') || full.items.length > first.items.length, 'the full list has more');
  } finally {
    await client.shutdown().catch(() => client.kill());
  }
});
