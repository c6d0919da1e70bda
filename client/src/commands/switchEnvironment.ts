import * as vscode from 'vscode';
import type { ExtensionContextState } from '../extensionState';

const CHOICES = [
  { label: 'Defender XDR', description: 'advanced hunting: Timestamp, Device*, Email*, Identity* tables', value: 'defender' },
  { label: 'Microsoft Sentinel', description: 'Log Analytics: TimeGenerated and the standard columns', value: 'sentinel' },
] as const;

/** Lets the user pick the schema environment; the choice is saved in the workspace settings when a folder is open. */
export async function switchEnvironment(state: ExtensionContextState): Promise<void> {
  const config = vscode.workspace.getConfiguration('kqlHunting', vscode.window.activeTextEditor?.document.uri);
  const current = config.get<string>('environment', 'defender');
  const picked = await vscode.window.showQuickPick(
    CHOICES.map((c) => ({ ...c, picked: c.value === current, detail: c.value === current ? 'current' : undefined })),
    { title: 'KQL Hunting: schema environment', placeHolder: 'Which schema should queries be checked against?' },
  );
  if (!picked || picked.value === current) return;
  const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await config.update('environment', picked.value, target);
  state.output.info(`environment switched to ${picked.value}`);
}
