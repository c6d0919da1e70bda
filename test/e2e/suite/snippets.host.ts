/**
 * The TightVNC snippet inserted through the editor's own snippet command (the package.json
 * contribution, by name, as a user picks it) gives a query the language server finds no fault in.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { poll } from '../../../scripts/e2e/poll';

function kqlDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'kql');
}

describe('snippets in the editor', () => {
  it('inserts the TightVNC network snippet and the server reports no diagnostics', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the tests open a workspace folder');
    const uri = vscode.Uri.joinPath(folder.uri, 'snippet-tightvnc.kql');
    // Start from a query with an unknown table, so that the server is seen to answer for this file
    // before the snippet replaces it: an empty diagnostics list before the first answer proves nothing.
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('DeviceNetworkEvnts\n| take 10\n'));
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    assert.equal(doc.languageId, 'kql');
    await poll('a diagnostic on the unknown table', () => kqlDiagnostics(uri).length > 0, {
      timeoutMs: 45000,
    });

    editor.selection = new vscode.Selection(doc.positionAt(0), doc.positionAt(doc.getText().length));
    await vscode.commands.executeCommand('editor.action.insertSnippet', {
      langId: 'kql',
      name: 'TightVNC network connections',
    });
    await poll(
      'the snippet text in the editor',
      () => doc.getText().includes("InitiatingProcessVersionInfoProductName has 'TightVNC'"),
      { timeoutMs: 10000 },
    );
    assert.match(doc.getText(), /^let TimeStart = ago\(5d\);/);
    assert.doesNotMatch(doc.getText(), /DeviceNetworkEvnts/);

    await poll('the diagnostics to clear', () => kqlDiagnostics(uri).length === 0, { timeoutMs: 30000 });
    assert.deepEqual(
      kqlDiagnostics(uri).map((d) => d.message),
      [],
    );
  });
});
