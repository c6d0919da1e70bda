import * as vscode from 'vscode';
import { DidChangeConfigurationNotification, type LanguageClient, type Middleware } from 'vscode-languageclient/node';

/** Settings that make the server read files from the workspace. */
const WORKSPACE_FILE_SETTINGS = ['schemaFiles'] as const;

/** The input limits (`kqlHunting.limits.*`): raised by a workspace, they let its files slow the server down. */
const LIMIT_SETTINGS = ['maxDocumentSize', 'maxQueries'] as const;

/**
 * In Restricted Mode the server must not read anything the workspace points it at, nor take
 * limits the workspace raised. VS Code already ignores workspace-level values of restricted
 * settings, but a user-level glob would still reach into an untrusted folder, so the answers to
 * the server's configuration requests drop those settings until the workspace is trusted; and
 * the limits are answered from the user's own settings or the defaults, never from the
 * workspace's, whatever the editor's configuration layer does.
 */
export const trustedConfigurationMiddleware: Middleware = {
  workspace: {
    configuration: async (params, token, next) => {
      const result = await next(params, token);
      if (vscode.workspace.isTrusted || !Array.isArray(result)) return result;
      return result.map((item, i) => {
        if (!item || typeof item !== 'object') return item;
        const copy = { ...(item as Record<string, unknown>) };
        for (const key of WORKSPACE_FILE_SETTINGS) if (key in copy) copy[key] = [];
        if ('limits' in copy) copy.limits = userLimits(params.items[i]?.scopeUri);
        return copy;
      });
    },
  },
};

/** The limits as the user's settings or the defaults give them, leaving out workspace and folder values. */
function userLimits(scopeUri: string | undefined): Record<string, unknown> {
  const config = vscode.workspace.getConfiguration('kqlHunting.limits', scopeUri ? vscode.Uri.parse(scopeUri) : undefined);
  const out: Record<string, unknown> = {};
  for (const key of LIMIT_SETTINGS) {
    const values = config.inspect(key);
    out[key] = values?.globalValue ?? values?.defaultValue;
  }
  return out;
}

/** When trust is granted, the server asks for its settings again and loads what was held back. */
export function refreshOnTrust(client: () => LanguageClient | undefined): vscode.Disposable {
  return vscode.workspace.onDidGrantWorkspaceTrust(() => {
    void client()?.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  });
}
