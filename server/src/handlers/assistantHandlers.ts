import { randomUUID } from 'node:crypto';
import { callAssistantTool } from '../assistant/host/assistantTools';
import { readWorkspaceManifest } from '../executor/files/workspaceLoader';
import { AssistantToolRequest, type AssistantToolResult } from '../protocol/messages';
import { ENVIRONMENT_IDS, type EnvironmentId } from '../schema/types';
import type { HandlerModule } from './handlerModule';
import { credentialFrom } from './sealedCredentials';

/**
 * VS Code's language-model tools call the assistant tools here, so they use the editor's own
 * catalogue (custom schema files and live workspace schemas included) and settings. The client
 * has already refused runs in Restricted Mode and asked the user before a run that reaches
 * Azure; `azureConfirmed` carries that answer. Nothing here logs an input or a result.
 */
export const assistantHandlers: HandlerModule = {
  name: 'assistant',
  capabilities: () => ({}),
  register(ctx) {
    ctx.connection.onRequest(AssistantToolRequest, async (params, token): Promise<AssistantToolResult> => {
      const controller = new AbortController();
      const subscription = token.onCancellationRequested(() => controller.abort());
      try {
        const settings = await ctx.settings.get(params.scopeUri ?? '');
        const credential = credentialFrom(params.token);
        return await callAssistantTool(
          {
            service: ctx.service,
            schemas: ctx.parts.schemas,
            settings,
            workspaces: params.workspaces,
            runSettings: params.runSettings,
            allowAzure: async () => params.azureConfirmed,
            ...(credential ? { credential } : {}),
            localEnvironment: (ws) => {
              if (ws.kind !== 'local') return undefined;
              try {
                const env = readWorkspaceManifest(ws.folder).environment;
                return ENVIRONMENT_IDS.includes(env as EnvironmentId) ? (env as EnvironmentId) : undefined;
              } catch {
                // A broken workspace.json is reported when the workspace runs.
                return undefined;
              }
            },
            newRuleId: randomUUID,
          },
          params.name,
          params.input,
          controller.signal,
        );
      } catch (e) {
        ctx.connection.console.error(
          `assistant tool ${params.name} failed: ${e instanceof Error ? e.message : String(e)}`,
        );
        return {
          text: JSON.stringify({
            error: 'The tool failed inside the language server; see the KQL Hunting output.',
          }),
          isError: true,
        };
      } finally {
        subscription.dispose();
      }
    });
  },
};
