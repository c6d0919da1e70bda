import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { DidOpenTextDocumentNotification } from 'vscode-languageserver-protocol/node';
import { ActiveWorkspaceNotification } from '../../server/src/protocol/messages';
import { LspTestClient } from '../helpers/lspClient';

/**
 * A document's diagnostics are published once per version: re-validations that find the same
 * list (an open, a settings change, a change of active workspace) send nothing. Documents opened
 * afterwards are the fence: their diagnostics come after anything the first could still cause.
 */
test('one publication per open, however often the document is re-validated', async () => {
  const client = new LspTestClient();
  try {
    await client.initialize();
    // The engine warms up on the first document; the double publication happened after that.
    const warm = 'file:///once/warm.kql';
    const warmPublished = client.nextDiagnostics(warm);
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: warm, languageId: 'kql', version: 1, text: 'DeviceInfo\n| take 1\n' },
    });
    await warmPublished;
    const first = 'file:///once/first.kql';
    const firstPublished = client.nextDiagnostics(first);
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: {
        uri: first,
        languageId: 'kql',
        version: 1,
        text: 'DeviceNetworkEvents\n| where RemoteUrll has "x"\n',
      },
    });
    assert.ok((await firstPublished).diagnostics.length > 0);
    // A change of active workspace re-validates every open document; with no live schema for it,
    // nothing changes, and nothing is sent again.
    await client.connection.sendNotification(ActiveWorkspaceNotification, { name: 'Elsewhere' });
    for (const n of [2, 3]) {
      const fence = `file:///once/fence${n}.kql`;
      const fencePublished = client.nextDiagnostics(fence);
      await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri: fence, languageId: 'kql', version: 1, text: 'DeviceInfo\n| take 1\n' },
      });
      await fencePublished;
    }
    const counts = new Map<string, number>();
    for (const p of client.published) counts.set(p.uri, (counts.get(p.uri) ?? 0) + 1);
    assert.deepEqual(Object.fromEntries(counts), {
      [warm]: 1,
      [first]: 1,
      'file:///once/fence2.kql': 1,
      'file:///once/fence3.kql': 1,
    });
    assert.equal(await client.shutdown(), 0);
  } finally {
    client.kill();
  }
});
