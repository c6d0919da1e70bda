import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import {
  CodeActionRequest,
  CompletionRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  type CodeAction,
  type CompletionList,
  type Diagnostic,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspTestClient } from '../helpers/lspClient';

const QUERY =
  'DeviceProcessEvents | where Timestamp > ago(1d) | where tolower(FileName) == "cmd.exe" | where ProcessCommandLine contains "mimikatz"';

/**
 * Over stdio, as an editor sees it: the cost lints arrive with their codes, the quick fix's data
 * travels to the client and back with the diagnostic, and a suppression comment can name a
 * cost lint (completion offers it) and hides its finding.
 */
test('kql-language-server: cost lints are published, fixed and suppressed by code', async () => {
  const client = new LspTestClient();
  try {
    await client.initialize();
    const uri = 'file:///workspace/cost.kql';
    const published = client.nextDiagnostics(uri);
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'kql', version: 1, text: QUERY },
    });
    const diagnostics = (await published).diagnostics as Diagnostic[];
    assert.deepEqual(diagnostics.map((d) => d.code).sort(), ['case-conversion-compare', 'contains-vs-has']);

    const doc = TextDocument.create(uri, 'kql', 1, QUERY);
    const d = diagnostics.find((x) => x.code === 'case-conversion-compare')!;
    assert.equal(doc.getText(d.range), 'tolower(FileName) == "cmd.exe"');
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d], only: ['quickfix'] },
    })) as CodeAction[];
    const preferred = actions.find((a) => a.isPreferred);
    assert.ok(preferred, JSON.stringify(actions));
    assert.match(
      TextDocument.applyEdits(doc, preferred.edit!.changes![uri]),
      /\| where FileName =~ "cmd.exe" \|/,
    );

    // Completion of a suppression's code offers the cost lints reported in the document first.
    const partial = '// kqlhunt-disable-next-line \n';
    const typed = client.nextDiagnostics(uri, (p) => p.version === 2);
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [
        { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: partial },
      ],
    });
    await typed;
    const list = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: { line: 0, character: partial.length - 1 },
    })) as CompletionList;
    const offered = list.items.map((i) => i.label);
    assert.ok(offered.includes('contains-vs-has'), JSON.stringify(offered));
    assert.ok(offered.includes('unbounded-join'), JSON.stringify(offered));

    const done = client.nextDiagnostics(uri, (p) => p.version === 3);
    const at = { line: 0, character: partial.length - 1 };
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 3 },
      contentChanges: [
        { range: { start: at, end: at }, text: 'contains-vs-has -- mimikatz appears inside longer words' },
      ],
    });
    assert.deepEqual(
      ((await done).diagnostics as Diagnostic[]).map((x) => x.code),
      ['case-conversion-compare'],
    );

    assert.equal(await client.shutdown(), 0);
  } finally {
    client.kill();
  }
});
