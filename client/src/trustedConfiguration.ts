import * as vscode from 'vscode';
import { DidChangeConfigurationNotification, type LanguageClient, type Middleware } from 'vscode-languageclient/node';

/** Settings that make the server read files from the workspace. */
const WORKSPACE_FILE_SETTINGS = ['schemaFiles'] as const;

/**
 * In Restricted Mode the server must not read anything the workspace points it at. VS Code
 * already ignores workspace-level values of restricted settings, but a user-level glob would
 * still reach into an untrusted folder, so the answers to the server's configuration requests
 * drop those settings until the workspace is trusted.
 */
export const trustedConfigurationMiddleware: Middleware = {
  workspace: {
    configuration: async (params, token, next) => {
      const result = await next(params, token);
      if (vscode.workspace.isTrusted || !Array.isArray(result)) return result;
      return result.map((item) => {
        if (!item || typeof item !== 'object') return item;
        const copy = { ...(item as Record<string, unknown>) };
        for (const key of WORKSPACE_FILE_SETTINGS) if (key in copy) copy[key] = [];
        return copy;
      });
    },
  },
};

/** When trust is granted, the server asks for its settings again and loads what was held back. */
export function refreshOnTrust(client: () => LanguageClient | undefined): vscode.Disposable {
  return vscode.workspace.onDidGrantWorkspaceTrust(() => {
    void client()?.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  });
}
