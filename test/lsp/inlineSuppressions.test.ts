import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import {
  CompletionRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  HoverRequest,
} from 'vscode-languageserver-protocol/node';
import type { CompletionList, Hover } from 'vscode-languageserver-types';
import { LspTestClient } from '../helpers/lspClient';

const QUERY = 'DeviceProcessEvents | where Timestamp > ago(1d) | where NoSuchColumn == 1';

test('kql-language-server: a suppression comment hides its finding, completion offers the codes, hover explains one', async () => {
  const client = new LspTestClient();
  try {
    await client.initialize();
    const uri = 'file:///workspace/suppressed.kql';
    const first = client.nextDiagnostics(uri);
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'kql', version: 1, text: `${QUERY}\n` },
    });
    assert.deepEqual(
      (await first).diagnostics.map((d) => d.code),
      ['KS142'],
    );

    // Type the start of a directive above the query, as an editor sends it, and complete the code.
    const partial = '// kqlhunt-disable-next-line \n';
    const typed = client.nextDiagnostics(uri, (p) => p.version === 2);
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [
        { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: partial },
      ],
    });
    // The directive names no code yet, so the finding is still shown.
    assert.ok((await typed).diagnostics.some((d) => d.code === 'KS142'));
    const list = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: { line: 0, character: partial.length - 1 },
    })) as CompletionList;
    const offered = list.items.map((i) => i.label);
    assert.equal(offered[0], 'KS142', 'the code reported in the document comes first');
    assert.ok(offered.includes('missing-time-filter'));

    const done = client.nextDiagnostics(uri, (p) => p.version === 3);
    const at = { line: 0, character: partial.length - 1 };
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 3 },
      contentChanges: [{ range: { start: at, end: at }, text: 'KS142 -- added by the parser' }],
    });
    assert.deepEqual((await done).diagnostics, []);

    const hover = (await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: { line: 0, character: partial.length + 1 },
    })) as Hover;
    assert.match((hover.contents as { value: string }).value, /\*\*KS142\*\*[^]*NoSuchColumn/);

    assert.equal(await client.shutdown(), 0);
  } finally {
    client.kill();
  }
});
