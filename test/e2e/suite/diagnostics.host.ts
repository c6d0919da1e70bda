/**
 * The TightVNC hunting query with one column name misspelled, checked through the diagnostics
 * the installed extension's language server publishes into the editor.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { poll } from '../../../scripts/e2e/poll';

const RIGHT = 'InitiatingProcessVersionInfoCompanyName';
const WRONG = 'InitiatingProcessVersionInfoCompanyNme';

function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests open a workspace folder');
  return vscode.Uri.joinPath(folder.uri, name);
}

function rangeOf(doc: vscode.TextDocument, word: string): vscode.Range {
  const offset = doc.getText().indexOf(word);
  assert.ok(offset >= 0, `${word} is in ${doc.uri.fsPath}`);
  return new vscode.Range(doc.positionAt(offset), doc.positionAt(offset + word.length));
}

function kqlDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'kql');
}

describe('diagnostics in the editor', () => {
  it('flags a misspelled column of the TightVNC query and clears once it is fixed', async () => {
    const original = new TextDecoder().decode(
      await vscode.workspace.fs.readFile(workspaceFile('tightvnc-network.kql')),
    );
    const misspelled = workspaceFile('tightvnc-misspelled.kql');
    await vscode.workspace.fs.writeFile(misspelled, new TextEncoder().encode(original.replace(RIGHT, WRONG)));

    const doc = await vscode.workspace.openTextDocument(misspelled);
    await vscode.window.showTextDocument(doc);
    assert.equal(doc.languageId, 'kql');
    const wrongRange = rangeOf(doc, WRONG);

    const [error] = await poll(
      'one diagnostic on the misspelled column',
      () => {
        const d = kqlDiagnostics(doc.uri);
        return d.length > 0 && d;
      },
      { timeoutMs: 90000 },
    );
    const all = kqlDiagnostics(doc.uri);
    assert.equal(all.length, 1, `exactly one diagnostic, got: ${JSON.stringify(all.map((d) => d.message))}`);
    assert.equal(error.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(error.code, 'KS142');
    assert.equal(
      error.message,
      `The name '${WRONG}' does not refer to any known column, table, variable or function.`,
    );
    assert.ok(
      error.range.isEqual(wrongRange),
      `range ${JSON.stringify(error.range)} covers exactly ${JSON.stringify(wrongRange)}`,
    );

    const fix = new vscode.WorkspaceEdit();
    fix.replace(doc.uri, wrongRange, RIGHT);
    assert.ok(await vscode.workspace.applyEdit(fix), 'the edit applies');
    await poll('the diagnostics to clear after the fix', () => kqlDiagnostics(doc.uri).length === 0, {
      timeoutMs: 45000,
    });
    assert.ok(doc.getText().includes(RIGHT));
  });
});
