/**
 * Completion and hover in the real editor, through the installed extension's language server:
 * after `DeviceNetworkEvents | where Initi` the column InitiatingProcessVersionInfoCompanyName
 * is offered, and hovering it shows its type.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { poll } from '../../../scripts/e2e/poll';

const NAME = 'InitiatingProcessVersionInfoCompanyName';

function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests open a workspace folder');
  return vscode.Uri.joinPath(folder.uri, name);
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

describe('editing in the editor', () => {
  it('offers the column after `| where Initi` and shows its type on hover', async () => {
    const uri = workspaceFile('editing-completion.kql');
    const typed = 'DeviceNetworkEvents\n| where Timestamp > ago(1d)\n| where Initi';
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(typed));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    assert.equal(doc.languageId, 'kql');

    const end = doc.positionAt(typed.length);
    // The server may still be starting: ask again until it answers with the column.
    const item = await poll(
      'completion to offer the column',
      async () => {
        const list = await vscode.commands.executeCommand<vscode.CompletionList>(
          'vscode.executeCompletionItemProvider',
          uri,
          end,
        );
        return list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === NAME);
      },
      { timeoutMs: 45000 },
    );
    assert.equal(item.kind, vscode.CompletionItemKind.Field);

    const edit = new vscode.WorkspaceEdit();
    edit.replace(
      uri,
      new vscode.Range(doc.positionAt(typed.length - 'Initi'.length), end),
      `${NAME} has "GlavSoft"`,
    );
    assert.ok(await vscode.workspace.applyEdit(edit), 'the edit applies');
    const onName = doc.positionAt(doc.getText().indexOf(NAME) + 5);
    const text = await poll(
      'a hover with the column type',
      async () => {
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
          'vscode.executeHoverProvider',
          uri,
          onName,
        );
        const t = hoverText(hovers);
        return t.includes(`${NAME}: string`) && t;
      },
      { timeoutMs: 30000 },
    );
    assert.match(text, /DeviceNetworkEvents/);
  });
});
