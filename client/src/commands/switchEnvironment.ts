import * as vscode from 'vscode';
import type { ExtensionContextState } from '../extensionState';

const CHOICES = [
  {
    label: 'Defender XDR',
    description: 'advanced hunting: Timestamp, Device*, Email*, Identity* tables',
    value: 'defender',
  },
  {
    label: 'Microsoft Sentinel',
    description: 'Log Analytics: TimeGenerated and the standard columns',
    value: 'sentinel',
  },
] as const;

/**
 * Lets the user pick the schema environment. The pick is kept in workspace state, not in the
 * (often tracked) settings file; picking the setting's own value forgets the pick.
 */
export async function switchEnvironment(state: ExtensionContextState): Promise<void> {
  const uri = vscode.window.activeTextEditor?.document.uri;
  const current = state.environment.effective(uri);
  const picked = await vscode.window.showQuickPick(
    CHOICES.map((c) => ({
      ...c,
      picked: c.value === current,
      detail: c.value === current ? 'current' : undefined,
    })),
    {
      title: 'KQL Hunting: schema environment',
      placeHolder: 'Which schema should queries be checked against?',
    },
  );
  if (!picked || picked.value === current) return;
  const setting = vscode.workspace.getConfiguration('kqlHunting', uri).get<string>('environment', 'defender');
  await state.environment.set(picked.value === setting ? undefined : picked.value);
  state.output.info(`environment switched to ${picked.value}`);
}
