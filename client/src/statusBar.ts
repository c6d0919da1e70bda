import * as vscode from 'vscode';
import { DocumentEnvironmentRequest } from '../../server/src/protocol/messages';
import type { ExtensionContextState } from './extensionState';

const STATE_TEXT = { starting: '$(sync~spin)', ready: '$(check)', error: '$(error)' } as const;

/**
 * One status bar item for KQL documents: the schema environment of the active document and the
 * server's state. Clicking it switches the environment.
 */
export class StatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly state: ExtensionContextState) {
    this.item = vscode.window.createStatusBarItem('kqlHunting.status', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'KQL Hunting';
    this.item.command = 'kqlHunting.switchEnvironment';
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('kqlHunting') && this.refresh()),
    );
    this.refresh();
  }

  async refresh(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'kql') {
      this.item.hide();
      return;
    }
    const uri = editor.document.uri.toString();
    let envName = this.state.environment.effective(editor.document.uri) === 'sentinel' ? 'Microsoft Sentinel' : 'Defender XDR';
    const client = this.state.client;
    if (client && this.state.serverState === 'ready') {
      const info = await client.sendRequest(DocumentEnvironmentRequest, { uri }).catch(() => null);
      if (info) envName = info.displayName + (info.pinned ? ' (pinned in file)' : '');
    }
    const icon = STATE_TEXT[this.state.serverState];
    this.item.text = `${icon} KQL: ${envName}`;
    this.item.tooltip = `KQL Hunting: queries are checked against the ${envName} schema. Server ${this.state.serverState}. Click to switch environment.`;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    for (const d of this.subscriptions) d.dispose();
  }
}
