/**
 * "KQL Hunting: Convert Query to Sentinel" and "... to Defender XDR" in the real editor: the
 * active document is rewritten in one edit that a single undo takes back, and what could not be
 * converted is returned (and shown) by name.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { poll } from '../../../scripts/e2e/poll';

const DEFENDER = [
  '// kql-environment: defender',
  '// VNC sessions, by hour',
  'DeviceNetworkEvents',
  "| where Timestamp > ago(1d) and InitiatingProcessVersionInfoProductName has 'TightVNC'",
  '| summarize Connections = count() by DeviceName, bin(Timestamp, 1h)',
].join('\n');

describe('Convert Query commands', () => {
  it('convert the active query to Sentinel and back, each as one undoable edit', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'kql', content: DEFENDER });
    await vscode.window.showTextDocument(document);
    const sentinel = DEFENDER.replace('environment: defender', 'environment: sentinel').replaceAll(
      'Timestamp',
      'TimeGenerated',
    );
    // The server may not have the document yet; the command is asked again until it converts.
    await poll(
      'the document converted to Sentinel',
      async () => {
        await vscode.commands.executeCommand('kqlHunting.convertToSentinel');
        return document.getText() === sentinel;
      },
      { timeoutMs: 60000 },
    );
    await vscode.commands.executeCommand('undo');
    await poll('one undo restores the Defender query', () => document.getText() === DEFENDER, {
      timeoutMs: 10000,
    });
    await vscode.commands.executeCommand('redo');
    await poll('redo converts again', () => document.getText() === sentinel, { timeoutMs: 10000 });

    const result = (await vscode.commands.executeCommand('kqlHunting.convertToDefender')) as {
      unconverted?: unknown[];
    };
    assert.deepEqual(result.unconverted, []);
    await poll('converting back gives the original text', () => document.getText() === DEFENDER, {
      timeoutMs: 10000,
    });
  });

  it('names what it could not convert', async () => {
    const text = '// kql-environment: defender\nDeviceFileEvents\n| invoke FileProfile(SHA1, 100)';
    const document = await vscode.workspace.openTextDocument({ language: 'kql', content: text });
    await vscode.window.showTextDocument(document);
    const result = await poll(
      'a conversion with FileProfile listed',
      async () => {
        const r = (await vscode.commands.executeCommand('kqlHunting.convertToSentinel')) as
          { unconverted?: { name: string }[] } | undefined;
        return r?.unconverted?.length ? r : undefined;
      },
      { timeoutMs: 60000 },
    );
    assert.deepEqual(
      result.unconverted!.map((u) => u.name),
      ['FileProfile'],
    );
    assert.equal(document.getText(), text.replace('defender', 'sentinel'));
  });
});
