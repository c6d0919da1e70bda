import * as vscode from 'vscode';
import { ConvertQueryRequest } from '../../../server/src/protocol/messages';
import type { ConvertQueryParams, ConvertQueryResult } from '../../../server/src/protocol/queryConversion';
import type { ExtensionContextState } from '../extensionState';

/**
 * Converts the active document's queries to `to` in the server and applies the result as one
 * workspace edit, so a single undo restores the original. Names with no counterpart are left in
 * place and listed in the output channel, each with its line, and summed up in a message.
 */
export async function convertQuery(
  state: ExtensionContextState,
  to: ConvertQueryParams['to'],
): Promise<ConvertQueryResult | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showWarningMessage('Open a KQL, rule YAML or Markdown file to convert its query.');
    return undefined;
  }
  const client = state.client;
  if (!client || !client.isRunning()) {
    void vscode.window.showWarningMessage('The KQL language server is not ready yet.');
    return undefined;
  }
  const document = editor.document;
  const result = await client.sendRequest(ConvertQueryRequest, { uri: document.uri.toString(), to });
  if ('error' in result) {
    void vscode.window.showWarningMessage(result.error);
    return result;
  }
  const edit = await client.protocol2CodeConverter.asWorkspaceEdit(result.edit);
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showWarningMessage(
      'The document changed while it was converted; run the command again.',
    );
    return result;
  }
  const head = `Converted from ${result.fromDisplayName} to ${result.toDisplayName}: ${result.converted} name(s) rewritten`;
  const where = vscode.workspace.asRelativePath(document.uri);
  // A conversion written around a column changes more than a name, so each one is said.
  for (const n of result.notes)
    state.output.info(`${where}: line ${n.range.start.line + 1}: ${n.name}: ${n.note}`);
  if (result.unconverted.length === 0) {
    void vscode.window.showInformationMessage(`${head}.`);
    return result;
  }
  state.output.warn(`${head}; not converted in ${where}:`);
  for (const u of result.unconverted)
    state.output.warn(`  line ${u.range.start.line + 1}: ${u.name}: ${u.reason}`);
  void vscode.window
    .showWarningMessage(
      `${head}. ${result.unconverted.length} could not be converted: ${result.unconverted
        .slice(0, 3)
        .map((u) => u.name)
        .join(', ')}${result.unconverted.length > 3 ? ', …' : ''}.`,
      'Show Details',
    )
    .then((pick) => pick && state.output.show(true));
  return result;
}
