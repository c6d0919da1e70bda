import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import {
  CodeActionRequest,
  DidOpenTextDocumentNotification,
  type CodeAction,
  type Diagnostic,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspTestClient } from '../helpers/lspClient';

/**
 * Over stdio, as an editor sees it: a query pinned to one environment that uses the other's
 * names gets diagnostics that say so, and the quick fix (whose data travels to the client and
 * back with the diagnostic) writes this environment's name.
 */
async function openAndFix(client: LspTestClient, uri: string, text: string, name: string) {
  const published = client.nextDiagnostics(uri);
  await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: 'kql', version: 1, text },
  });
  const diagnostics = (await published).diagnostics as Diagnostic[];
  const doc = TextDocument.create(uri, 'kql', 1, text);
  const d = diagnostics.find((x) => doc.getText(x.range) === name);
  assert.ok(d, JSON.stringify(diagnostics));
  const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: d.range,
    context: { diagnostics: [d], only: ['quickfix'] },
  })) as CodeAction[];
  const preferred = actions.find((a) => a.isPreferred);
  assert.ok(preferred, JSON.stringify(actions));
  const fixed = TextDocument.applyEdits(doc, preferred.edit!.changes![uri]);
  return { diagnostics, d, preferred, fixed };
}

test('the language server names the other environment in its diagnostics and fixes the time column both ways', async () => {
  const client = new LspTestClient();
  try {
    await client.initialize();

    const sentinelText =
      '// kql-environment: sentinel\nSecurityEvent\n| where Timestamp > ago(1d)\n| take 10';
    const toSentinel = await openAndFix(client, 'file:///w/sentinel.kql', sentinelText, 'Timestamp');
    assert.equal(toSentinel.d.code, 'KS142');
    assert.equal(
      String(toSentinel.d.message),
      "'Timestamp' is the time column of Defender XDR; in Microsoft Sentinel, SecurityEvent has TimeGenerated instead.",
    );
    assert.equal(toSentinel.preferred.title, "Change to 'TimeGenerated' (the Microsoft Sentinel name)");
    assert.equal(toSentinel.fixed, sentinelText.replace('Timestamp', 'TimeGenerated'));

    const defenderText = '// kql-environment: defender\nDeviceProcessEvents\n| where TimeGenerated > ago(1d)';
    const toDefender = await openAndFix(client, 'file:///w/defender.kql', defenderText, 'TimeGenerated');
    assert.match(String(toDefender.d.message), /^'TimeGenerated' is the time column of Microsoft Sentinel/);
    assert.equal(toDefender.preferred.title, "Change to 'Timestamp' (the Defender XDR name)");
    assert.equal(toDefender.fixed, defenderText.replace('TimeGenerated', 'Timestamp'));

    const tables = 'file:///w/tables.kql';
    const published = client.nextDiagnostics(tables);
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: {
        uri: tables,
        languageId: 'kql',
        version: 1,
        text: '// kql-environment: sentinel\nAADSignInEventsBeta\n| where TimeGenerated > ago(1d)\n| invoke FileProfile()',
      },
    });
    const messages = (await published).diagnostics.map((d) => `${d.code} ${d.message}`);
    assert.ok(
      messages.some((m) => m.startsWith("defender-only-table 'AADSignInEventsBeta' is a Defender XDR table")),
      JSON.stringify(messages),
    );
    assert.ok(
      messages.includes(
        "KS211 'FileProfile' is a Defender XDR function; Microsoft Sentinel has no function of that name.",
      ),
      JSON.stringify(messages),
    );

    assert.equal(await client.shutdown(), 0);
  } finally {
    client.kill();
  }
});
