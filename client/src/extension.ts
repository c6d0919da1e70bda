import * as vscode from 'vscode';
import { ExtensionContextState } from './extensionState';

/**
 * The extension's lifetime is one state object that owns every disposable; deactivate
 * disposes it, which stops the language server.
 */
let state: ExtensionContextState | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  state = new ExtensionContextState(context);
  context.subscriptions.push(state);
  await state.start();
}

export async function deactivate(): Promise<void> {
  await state?.stop();
  state = undefined;
}
