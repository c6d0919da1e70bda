import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  parseWorkspace,
  WORKSPACE_KIND_LABELS,
  type WorkspaceKind,
} from '../../../server/src/protocol/workspaces';
import type { ExtensionContextState } from '../extensionState';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function ask(
  prompt: string,
  options: {
    placeHolder?: string;
    value?: string;
    optional?: boolean;
    validate?: (v: string) => string | undefined;
  } = {},
): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title: 'KQL Hunting: Add Workspace',
    prompt,
    placeHolder: options.placeHolder,
    value: options.value,
    ignoreFocusOut: true,
    validateInput: (v) =>
      !v.trim() && !options.optional
        ? 'Required'
        : v.trim() && options.validate
          ? options.validate(v.trim())
          : undefined,
  });
}

/**
 * A local folder as the setting holds it: relative to the first workspace folder when inside it
 * (`.` for that folder itself), which the client resolves against that folder again; otherwise
 * absolute.
 */
function folderSetting(folder: vscode.Uri): string {
  const base = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (!base) return folder.fsPath;
  const relative = path.relative(base, folder.fsPath);
  if (relative === '') return '.';
  return relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)
    ? folder.fsPath
    : relative.split(path.sep).join('/');
}

const guidOrEmpty = (v: string) =>
  GUID.test(v) ? undefined : 'Expected a GUID such as 00000000-0000-0000-0000-000000000000';

/** Asks step by step for a workspace's kind and details and saves it in the settings. */
export async function addWorkspace(state: ExtensionContextState): Promise<void> {
  const kinds = (Object.keys(WORKSPACE_KIND_LABELS) as WorkspaceKind[]).map((value) => ({
    label: WORKSPACE_KIND_LABELS[value],
    value,
  }));
  const picked = await vscode.window.showQuickPick(kinds, {
    title: 'KQL Hunting: Add Workspace',
    placeHolder: 'Where should queries run?',
  });
  if (!picked) return;
  const entry: Record<string, string> = { kind: picked.value };
  if (picked.value === 'logAnalytics') {
    const id = await ask('Log Analytics workspace ID (Workspace ID in the Azure portal)', {
      placeHolder: '00000000-0000-0000-0000-000000000000',
      validate: guidOrEmpty,
    });
    if (!id) return;
    entry.workspaceId = id.trim();
  } else if (picked.value === 'adx') {
    const cluster = await ask('Cluster URL', {
      placeHolder: 'https://mycluster.westeurope.kusto.windows.net',
      validate: (v) => (/^https:\/\//.test(v) ? undefined : 'Expected an https:// URL'),
    });
    if (!cluster) return;
    const database = await ask('Database name');
    if (!database) return;
    Object.assign(entry, { clusterUrl: cluster.trim(), database: database.trim() });
  } else if (picked.value === 'local') {
    const folder = await vscode.window.showOpenDialog({
      canSelectFolders: true,
      canSelectFiles: false,
      title: 'Folder of sample data (one file per table)',
    });
    if (!folder?.[0]) return;
    entry.folder = folderSetting(folder[0]);
  }
  if (picked.value !== 'local') {
    const tenant = await ask("Tenant ID (leave empty for your account's home tenant)", {
      optional: true,
      validate: guidOrEmpty,
    });
    if (tenant === undefined) return;
    if (tenant.trim()) entry.tenantId = tenant.trim();
  }
  const name = await ask('A name for this workspace', {
    value: picked.value === 'local' ? 'Sample data' : picked.label,
  });
  if (!name) return;
  entry.name = name.trim();
  const workspace = parseWorkspace(entry);
  if (typeof workspace === 'string') {
    void vscode.window.showErrorMessage(workspace);
    return;
  }
  // An absolute path only means something on this machine, so it goes to the user settings
  // rather than into the workspace's settings file, which others may share.
  const portable = workspace.kind !== 'local' || !path.isAbsolute(workspace.folder);
  const target =
    vscode.workspace.workspaceFolders?.length && portable
      ? vscode.ConfigurationTarget.Workspace
      : vscode.ConfigurationTarget.Global;
  await state.queries.workspaces.add(workspace, target);
  state.output.info(`workspace "${workspace.name}" added (${workspace.kind})`);
}
