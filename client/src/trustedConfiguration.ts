import * as vscode from 'vscode';
import {
  DidChangeConfigurationNotification,
  type LanguageClient,
  type Middleware,
} from 'vscode-languageclient/node';
import type { EnvironmentChoice } from './environmentChoice';

/** Settings that make the server read files from the workspace. */
const WORKSPACE_FILE_SETTINGS = ['schemaFiles'] as const;

/** The input limits (`kqlHunting.limits.*`): raised by a workspace, they let its files slow the server down. */
const LIMIT_SETTINGS = ['maxDocumentSize', 'maxQueries'] as const;

/**
 * The answers to the server's configuration requests. In Restricted Mode the server must not
 * read anything the workspace points it at: VS Code already ignores workspace-level values of
 * restricted settings, but a user-level glob would still reach into an untrusted folder, so
 * those settings are dropped until the workspace is trusted, and the input limits are answered
 * from the user's own settings or the defaults, never from the workspace's, whatever the
 * editor's configuration layer does. The environment picked from the
 * status bar (kept in workspace state, see environmentChoice.ts) replaces the setting's value.
 */
export function configurationMiddleware(environment: EnvironmentChoice): Middleware {
  return {
    workspace: {
      configuration: async (params, token, next) => {
        const result = await next(params, token);
        if (!Array.isArray(result)) return result;
        return result.map((item, i) => {
          if (params.items[i]?.section !== 'kqlHunting' || !item || typeof item !== 'object') return item;
          const copy = environment.applyTo(item) as Record<string, unknown>;
          if (vscode.workspace.isTrusted) return copy;
          const trimmed = { ...copy };
          for (const key of WORKSPACE_FILE_SETTINGS) if (key in trimmed) trimmed[key] = [];
          // Nor does it read a repository's parsers and schemas from the untrusted folder.
          trimmed.repositoryDiscovery = false;
          // Nor a baseline file from it.
          if (trimmed.baseline && typeof trimmed.baseline === 'object')
            trimmed.baseline = { ...(trimmed.baseline as Record<string, unknown>), file: '' };
          if ('limits' in trimmed) trimmed.limits = userLimits(params.items[i]?.scopeUri);
          return trimmed;
        });
      },
    },
  };
}

/** The limits as the user's settings or the defaults give them, leaving out workspace and folder values. */
function userLimits(scopeUri: string | undefined): Record<string, unknown> {
  const config = vscode.workspace.getConfiguration(
    'kqlHunting.limits',
    scopeUri ? vscode.Uri.parse(scopeUri) : undefined,
  );
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
