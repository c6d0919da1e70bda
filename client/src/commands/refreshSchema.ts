import * as vscode from 'vscode';
import { RefreshSchemaRequest } from '../../../server/src/protocol/messages';
import type { RefreshSchemaResult } from '../../../server/src/protocol/schemaRefresh';
import type { ExtensionContextState } from '../extensionState';

/**
 * Fetches the active (or a file's pinned) workspace's live schema into the language server, so
 * that its custom tables and functions check and complete. It signs in like a run does, and like
 * a run it is refused in Restricted Mode: it sends a token to the configured endpoint.
 */
export async function refreshSchema(state: ExtensionContextState): Promise<RefreshSchemaResult | undefined> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window
      .showWarningMessage(
        'KQL Hunting does not contact workspaces in Restricted Mode. Trust this workspace to refresh its schema.',
        'Manage Workspace Trust',
      )
      .then((pick) => pick && vscode.commands.executeCommand('workbench.trust.manage'));
    return undefined;
  }
  const client = state.client;
  if (!client || !client.isRunning()) {
    void vscode.window.showWarningMessage('The KQL language server is not ready yet.');
    return undefined;
  }
  const choice = state.queries.workspaces.forDocument(undefined);
  if (!choice || 'missingPin' in choice) {
    const pick = await vscode.window.showWarningMessage(
      'No workspace to refresh the schema of yet.',
      'Add Workspace…',
    );
    if (pick) await vscode.commands.executeCommand('kqlHunting.addWorkspace');
    return undefined;
  }
  const workspace = choice.workspace;
  let result: RefreshSchemaResult;
  try {
    result = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: `Refreshing the schema of ${workspace.name}`,
        cancellable: true,
      },
      async (_progress, cancellation) => {
        const token = await state.queries.token(workspace);
        return client.sendRequest(
          RefreshSchemaRequest,
          { workspace, ...(token ? { token } : {}) },
          cancellation,
        );
      },
    );
  } catch (e) {
    result = {
      ok: false,
      workspaceName: workspace.name,
      error: {
        kind: 'unauthorized',
        message: `Could not refresh the schema: ${e instanceof Error ? e.message : String(e)}`,
      },
    };
  }
  if (result.ok) {
    const kept = result.persisted ? '' : ' It is kept until the server stops.';
    void vscode.window.showInformationMessage(
      `${workspace.name}: ${result.tables} tables and ${result.functions} functions loaded for ${result.environment}.${kept}`,
    );
    for (const w of result.warnings) state.output.warn(`schema of ${workspace.name}: ${w}`);
  } else {
    void vscode.window.showErrorMessage(`${workspace.name}: ${result.error.message}`);
  }
  return result;
}
