import * as vscode from 'vscode';
import { ServerInfoRequest } from '../../server/src/protocol/messages';
import { ExtensionContextState } from './extensionState';

/**
 * The extension's lifetime is one state object that owns every disposable; deactivate
 * disposes it, which stops the language server.
 */
let state: ExtensionContextState | undefined;

/** What the extension exports to other extensions and to its in-editor tests. */
export interface KqlHuntingApi {
  /** The language server's process id, or undefined while it is not running. */
  serverProcessId(): Promise<number | undefined>;
}

export async function activate(context: vscode.ExtensionContext): Promise<KqlHuntingApi> {
  const current = new ExtensionContextState(context);
  state = current;
  context.subscriptions.push(current);
  await current.start();
  return {
    serverProcessId: async () =>
      (await current.client?.sendRequest(ServerInfoRequest).catch(() => undefined))?.processId,
  };
}

export async function deactivate(): Promise<void> {
  await state?.stop();
  state = undefined;
}
