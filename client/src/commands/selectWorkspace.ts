import * as vscode from 'vscode';
import { describeWorkspace, WORKSPACE_KIND_LABELS } from '../../../server/src/protocol/workspaces';
import type { ExtensionContextState } from '../extensionState';

/** Picks the active workspace from the configured ones, or goes on to add one. */
export async function selectWorkspace(state: ExtensionContextState): Promise<void> {
  const store = state.queries.workspaces;
  const active = store.active();
  const items: (vscode.QuickPickItem & { name?: string })[] = store.list().map((w) => ({
    label: w.name,
    description: WORKSPACE_KIND_LABELS[w.kind],
    detail: describeWorkspace(w) + (w.name === active?.name ? ' (active)' : ''),
    name: w.name,
  }));
  items.push({ label: '$(add) Add Workspace…' });
  const picked = await vscode.window.showQuickPick(items, {
    title: 'KQL Hunting: run queries on',
    placeHolder: 'Pick the workspace queries run on',
  });
  if (!picked) return;
  if (picked.name) await store.setActive(picked.name);
  else await vscode.commands.executeCommand('kqlHunting.addWorkspace');
}
