/**
 * "KQL Hunting: New RMM Detection…" with its questions answered by arguments: it opens a new
 * editor with the generated query or rule, and the language server finds no fault in either.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { poll } from '../../../scripts/e2e/poll';

function kqlDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'kql');
}

/** Runs the command and waits for the new editor it opens. */
async function generate(
  args: { toolIds: string[]; kinds: string[]; output: 'query' | 'rule' },
  languageId: string,
): Promise<vscode.TextEditor> {
  const before = vscode.window.activeTextEditor?.document;
  await vscode.commands.executeCommand('kqlHunting.newRmmDetection', args);
  return poll(
    `a new ${languageId} editor`,
    () => {
      const editor = vscode.window.activeTextEditor;
      return editor && editor.document !== before && editor.document.languageId === languageId && editor;
    },
    { timeoutMs: 30000 },
  );
}

/**
 * An empty diagnostics list before the server's first answer proves nothing, so the check
 * breaks the table name, waits for the error, restores it and waits for the error to clear.
 */
async function assertCleanAfterAnalysis(editor: vscode.TextEditor, table: string, after = ''): Promise<void> {
  const doc = editor.document;
  const at = doc.getText().indexOf(table, doc.getText().indexOf(after));
  assert.ok(at >= 0, `${table} is in the generated text`);
  const range = new vscode.Range(doc.positionAt(at), doc.positionAt(at + table.length));
  assert.ok(await editor.edit((e) => e.replace(range, `${table}X`)));
  await poll(
    'an error on the broken table name',
    () => kqlDiagnostics(doc.uri).some((d) => d.message.includes(`${table}X`)),
    { timeoutMs: 45000 },
  );
  assert.ok(
    await editor.edit((e) => e.replace(new vscode.Range(range.start, range.end.translate(0, 1)), table)),
  );
  await poll('no diagnostics on the generated text', () => kqlDiagnostics(doc.uri).length === 0, {
    timeoutMs: 30000,
  });
}

describe('New RMM Detection command', () => {
  it('opens a datatable-driven hunting query for two tools with no diagnostics', async () => {
    const editor = await generate(
      { toolIds: ['tightvnc', 'anydesk'], kinds: ['network'], output: 'query' },
      'kql',
    );
    assert.match(editor.document.getText(), /let RmmIndicators = datatable\(/);
    assert.ok(editor.document.isUntitled);
    await assertCleanAfterAnalysis(editor, 'DeviceNetworkEvents');
  });

  it('opens a complete Sentinel rule for TightVNC with no diagnostics or rule findings', async () => {
    const editor = await generate({ toolIds: ['tightvnc'], kinds: ['process'], output: 'rule' }, 'yaml');
    const text = editor.document.getText();
    assert.match(text, /^id: [0-9a-f-]{36}\n/);
    assert.match(text, /kind: Scheduled/);
    await assertCleanAfterAnalysis(editor, 'DeviceProcessEvents', 'query: |');
  });
});
