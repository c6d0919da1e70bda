import * as vscode from 'vscode';
import {
  describeWorkspace,
  workspacePin,
  WORKSPACE_KIND_LABELS,
} from '../../../server/src/protocol/workspaces';
import type { WorkspaceStore } from './workspaceStore';

/**
 * The workspace queries run on, in the status bar while a document with queries is active;
 * clicking it switches the active workspace. A file's own pin is shown instead when it has one.
 */
export class WorkspaceStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(
    'kqlHunting.workspace',
    vscode.StatusBarAlignment.Right,
    99,
  );
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly store: WorkspaceStore,
    private readonly selector: vscode.DocumentSelector,
  ) {
    this.item.name = 'KQL Hunting Workspace';
    this.item.command = 'kqlHunting.selectWorkspace';
    this.subscriptions.push(
      this.item,
      store.onDidChange(() => this.refresh()),
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
      vscode.workspace.onDidChangeTextDocument(
        (e) =>
          e.document === vscode.window.activeTextEditor?.document &&
          e.contentChanges.some((c) => c.range.start.line < 10) &&
          this.refresh(),
      ),
    );
    this.refresh();
  }

  refresh(): void {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || vscode.languages.match(this.selector, document) === 0) {
      this.item.hide();
      return;
    }
    const pin = workspacePin(document.getText(new vscode.Range(0, 0, 10, 0)));
    const choice = this.store.forDocument(pin);
    if (!choice) {
      this.item.text = '$(database) No workspace';
      this.item.tooltip = 'KQL Hunting: no workspace to run queries on. Click to add one.';
    } else if ('missingPin' in choice) {
      this.item.text = `$(warning) ${choice.missingPin}`;
      this.item.tooltip = `This file pins the workspace "${choice.missingPin}", which is not in kqlHunting.workspaces.`;
    } else {
      this.item.text = `$(database) ${choice.workspace.name}${choice.pinned ? ' $(pinned)' : ''}`;
      this.item.tooltip = `Queries run on ${describeWorkspace(choice.workspace)} (${WORKSPACE_KIND_LABELS[choice.workspace.kind]})${choice.pinned ? ', pinned by this file' : ''}. Click to switch.`;
    }
    this.item.show();
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }
}
