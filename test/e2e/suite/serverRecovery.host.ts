/**
 * When the language server process dies, the extension starts a new one and re-sends the open
 * documents, so an edit made after the crash is checked as if nothing had happened.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { poll } from '../../../scripts/e2e/poll';

interface KqlHuntingApi {
  serverProcessId(): Promise<number | undefined>;
}

describe('server crash recovery', () => {
  it('restarts a killed server and keeps checking the open document with its unsaved edits', async () => {
    const ext = vscode.extensions.getExtension<KqlHuntingApi>('kql-hunting.kql-hunting');
    assert.ok(ext, 'the installed extension is present');
    const api = await ext.activate();
    const doc = await vscode.workspace.openTextDocument({
      language: 'kql',
      content: 'DeviceNetworkEvents\n| where Timestamp > ago(1d)\n| project DeviceName\n',
    });
    await vscode.window.showTextDocument(doc);
    const before = await poll(
      'the server to report its process id',
      async () => (await api.serverProcessId()) ?? false,
      { timeoutMs: 90000 },
    );

    process.kill(before, 'SIGKILL');
    // An unsaved edit made while the server is down must still be checked by the new server.
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, doc.lineAt(2).range, '| project DeviceNme');
    assert.ok(await vscode.workspace.applyEdit(edit));

    const after = await poll(
      'a new server process',
      async () => {
        const pid = await api.serverProcessId();
        return pid !== undefined && pid !== before && pid;
      },
      { timeoutMs: 90000 },
    );
    assert.notEqual(after, before);
    await poll(
      'the edit made during the crash to be diagnosed by the new server',
      () =>
        vscode.languages
          .getDiagnostics(doc.uri)
          .some((d) => d.source === 'kql' && d.message.includes("'DeviceNme'")),
      { timeoutMs: 90000 },
    );
  });
});
