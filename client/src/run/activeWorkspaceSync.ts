import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ActiveWorkspaceNotification } from '../../../server/src/protocol/messages';
import type { WorkspaceStore } from './workspaceStore';

/**
 * Tells the server which workspace unpinned documents run on, now and whenever the pick or the
 * workspace list changes, so that they are checked against that workspace's live schema.
 */
export function syncActiveWorkspace(client: LanguageClient, store: WorkspaceStore): vscode.Disposable {
  const send = () => {
    const name = store.active()?.name;
    // A stopped or restarting client has nobody to tell; its successor sends its own on start.
    client.sendNotification(ActiveWorkspaceNotification, name ? { name } : {}).catch(() => undefined);
  };
  send();
  return store.onDidChange(send);
}
