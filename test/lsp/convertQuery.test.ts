import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import {
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  type TextDocumentEdit,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ConvertQueryRequest } from '../../server/src/protocol/messages';
import { LspTestClient } from '../helpers/lspClient';

/**
 * The editor's Convert Query commands over stdio: the server answers kqlHunting/convertQuery
 * with a versioned workspace edit of the open document (which the client applies as one undoable
 * step) and the names it could not convert, placed in the document.
 */
async function open(client: LspTestClient, uri: string, languageId: string, text: string) {
  const published = client.nextDiagnostics(uri);
  await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId, version: 1, text },
  });
  await published;
}

test('the server converts an open document and lists what it could not convert', async () => {
  const client = new LspTestClient();
  try {
    await client.initialize();
    const uri = 'file:///w/hunt.kql';
    const text = [
      '// kql-environment: defender',
      'DeviceFileEvents   // files written',
      '| where Timestamp > ago(1d)',
      '| invoke FileProfile(SHA1, 100)',
    ].join('\n');
    await open(client, uri, 'kql', text);
    const result = await client.connection.sendRequest(ConvertQueryRequest, { uri, to: 'sentinel' });
    assert.ok(!('error' in result), JSON.stringify(result));
    assert.equal(result.fromDisplayName, 'Defender XDR');
    assert.equal(result.toDisplayName, 'Microsoft Sentinel');
    assert.equal(result.converted, 1);
    const change = result.edit.documentChanges![0] as TextDocumentEdit;
    assert.deepEqual(change.textDocument, { uri, version: 1 });
    const converted = TextDocument.applyEdits(
      TextDocument.create(uri, 'kql', 1, text),
      change.edits as TextEdit[],
    );
    assert.equal(
      converted,
      text
        .replace('environment: defender', 'environment: sentinel')
        .replace('where Timestamp', 'where TimeGenerated'),
    );
    assert.deepEqual(
      result.unconverted.map((u) => [u.name, u.range.start.line, u.range.start.character]),
      [['FileProfile', 3, 9]],
    );
    assert.match(result.unconverted[0].reason, /Microsoft Sentinel has no function of that name/);
    assert.deepEqual(result.notes, []);

    // The edit is for the version converted; after a change the next request carries the new one.
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: converted }],
    });
    const back = await client.connection.sendRequest(ConvertQueryRequest, { uri, to: 'defender' });
    assert.ok(!('error' in back), JSON.stringify(back));
    const backChange = back.edit.documentChanges![0] as TextDocumentEdit;
    assert.equal(backChange.textDocument.version, 2);
    assert.equal(
      TextDocument.applyEdits(TextDocument.create(uri, 'kql', 2, converted), backChange.edits as TextEdit[]),
      text,
    );

    const rule = 'file:///w/rule.yaml';
    const yaml =
      "id: 1\nname: r\nkind: Scheduled\nquery: |\n  DeviceEvents\n  | where TimeGenerated > ago(1h)\n  | where AdditionalFields.Command has 'x'\n";
    await open(client, rule, 'yaml', yaml);
    const ruleResult = await client.connection.sendRequest(ConvertQueryRequest, {
      uri: rule,
      to: 'defender',
    });
    assert.ok(!('error' in ruleResult), JSON.stringify(ruleResult));
    const ruleChange = ruleResult.edit.documentChanges![0] as TextDocumentEdit;
    assert.equal(
      TextDocument.applyEdits(TextDocument.create(rule, 'yaml', 1, yaml), ruleChange.edits as TextEdit[]),
      yaml.replace('TimeGenerated', 'Timestamp').replace('AdditionalFields.', 'todynamic(AdditionalFields).'),
    );
    // A column Defender XDR types differently is wrapped, and the rewrite is said by name and place.
    assert.deepEqual(
      ruleResult.notes.map((n) => [n.name, n.range.start.line, n.range.start.character]),
      [['AdditionalFields', 6, 10]],
    );
    assert.match(
      ruleResult.notes[0].note,
      /dynamic in Microsoft Sentinel but string in Defender XDR; written as todynamic/,
    );

    const closed = await client.connection.sendRequest(ConvertQueryRequest, {
      uri: 'file:///w/not-open.kql',
      to: 'sentinel',
    });
    assert.deepEqual(closed, { error: 'The document is not open.' });
    const bad = await client.connection.sendRequest(ConvertQueryRequest, {
      uri,
      to: 'splunk' as 'sentinel',
    });
    assert.deepEqual(bad, { error: "Unknown environment 'splunk'." });
    assert.equal(await client.shutdown(), 0);
  } finally {
    client.kill();
  }
});
