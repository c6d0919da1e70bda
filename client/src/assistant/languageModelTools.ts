import * as vscode from 'vscode';
import { AssistantToolRequest, type AssistantToolResult } from '../../../server/src/protocol/messages';
import {
  describeWorkspace,
  normalizeRunSettings,
  type WorkspaceConfig,
} from '../../../server/src/protocol/workspaces';
import type { ExtensionContextState } from '../extensionState';

/**
 * The assistant tools as VS Code language-model tools (Copilot agent mode, and any extension
 * through vscode.lm.invokeTool). The work happens in the language server, with the same code as
 * `kqlhunt mcp`; here are only the editor's parts: Workspace Trust, the confirmation before a
 * query reaches Azure, and the sign-in token.
 */
const TOOL_NAMES = ['kql_schema', 'kql_check', 'kql_run', 'kql_rmm_detection'] as const;

interface RunInput {
  workspace?: unknown;
}

/** The workspace a kql_run call names, or the one it would use by default. */
function runTarget(state: ExtensionContextState, input: RunInput): WorkspaceConfig | undefined {
  const all = state.queries.workspaces.resolvedList();
  return typeof input.workspace === 'string' ? all.find((w) => w.name === input.workspace) : all[0];
}

function confirmation(
  workspace: WorkspaceConfig,
  query: unknown,
): { title: string; message: vscode.MarkdownString } {
  const message = new vscode.MarkdownString();
  message.appendText(
    `Run this query on ${describeWorkspace(workspace)}? It is sent to Azure with your sign-in.\n\n`,
  );
  message.appendCodeblock(typeof query === 'string' ? query.slice(0, 2000) : '', 'kql');
  return { title: `Run KQL on ${workspace.name}`, message };
}

function textResult(text: string): vscode.LanguageModelToolResult {
  return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(text)]);
}

function tool(
  state: ExtensionContextState,
  name: (typeof TOOL_NAMES)[number],
): vscode.LanguageModelTool<Record<string, unknown>> {
  return {
    prepareInvocation(options) {
      if (name !== 'kql_run') return undefined;
      // In Restricted Mode invoke refuses; asking the user first would be asking for nothing.
      if (!vscode.workspace.isTrusted) return { invocationMessage: 'KQL runs are off in Restricted Mode' };
      const target = runTarget(state, options.input as RunInput);
      // A local workspace runs on sample data on this machine: no Azure, nothing to confirm.
      if (!target || target.kind === 'local')
        return { invocationMessage: `Running KQL${target ? ` on ${target.name}` : ''}` };
      return {
        invocationMessage: `Running KQL on ${target.name}`,
        confirmationMessages: confirmation(target, options.input.query),
      };
    },
    async invoke(options, token) {
      if (name === 'kql_run' && !vscode.workspace.isTrusted) {
        return textResult(
          JSON.stringify({
            error:
              'KQL Hunting does not run queries in Restricted Mode; the user must trust this workspace first.',
          }),
        );
      }
      const client = state.client;
      if (!client) return textResult(JSON.stringify({ error: 'The KQL language server is not running.' }));
      let azureConfirmed = false;
      let sealed;
      const target = name === 'kql_run' ? runTarget(state, options.input as RunInput) : undefined;
      if (target && target.kind !== 'local') {
        // VS Code calls invoke only after the user accepted prepareInvocation's confirmation: in
        // the chat view, or in a dialog when another extension invoked the tool.
        azureConfirmed = true;
        sealed = await state.queries.token(target);
      }
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri.toString();
      const result: AssistantToolResult = await client.sendRequest(
        AssistantToolRequest,
        {
          name,
          input: options.input,
          ...(folder ? { scopeUri: folder } : {}),
          workspaces: state.queries.workspaces.resolvedList(),
          runSettings: normalizeRunSettings(vscode.workspace.getConfiguration('kqlHunting').get('run')),
          azureConfirmed,
          ...(sealed ? { token: sealed } : {}),
        },
        token,
      );
      // A failed call still goes back to the model as text, so that it can correct its input.
      return textResult(result.text);
    },
  };
}

export function registerLanguageModelTools(state: ExtensionContextState): vscode.Disposable[] {
  // Editors without the language-model API (older VS Code, some forks) simply go without the tools.
  if (typeof vscode.lm?.registerTool !== 'function') return [];
  return TOOL_NAMES.map((name) => vscode.lm.registerTool(name, tool(state, name)));
}
