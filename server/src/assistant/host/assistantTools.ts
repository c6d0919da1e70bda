import type { z } from 'zod';
import type { KqlLanguageService } from '../../service/languageService';
import type { KqlHuntingSettings } from '../../protocol/settings';
import type { WorkspaceConfig } from '../../protocol/workspaces';
import type { SchemaProvider } from '../../schema/schemaProvider';
import type { EnvironmentId } from '../../schema/types';
import { checkForAssistant } from '../checkTool';
import { rmmDetectionForAssistant } from '../rmmTool';
import { describeSchema } from '../schemaTool';
import { ASSISTANT_TOOLS, describeInputError, type AssistantToolName } from '../toolInputs';
import { findWorkspace, runForAssistant, type RunToolHost } from './runTool';

/**
 * The four assistant tools behind one call, shared by the MCP server (`kqlhunt mcp`) and the
 * language server (for VS Code's language-model tools): the input is validated against the
 * tool's schema, the tool runs, and the answer goes back as JSON text. Failures a model can fix
 * (a bad input, an unknown name) come back as errors with the reason, never as exceptions.
 */
export interface AssistantHost extends RunToolHost {
  service: KqlLanguageService;
  schemas: SchemaProvider;
  settings: KqlHuntingSettings;
  /** The environment a local workspace declares in its workspace.json, if any. */
  localEnvironment?(workspace: WorkspaceConfig): EnvironmentId | undefined;
  newRuleId(): string;
}

export interface ToolAnswer {
  text: string;
  isError: boolean;
}

const answer = (value: unknown, isError = false): ToolAnswer => ({ text: JSON.stringify(value), isError });

/** The environment and live-schema workspace a schema or check call is about. */
function scopeOf(
  host: AssistantHost,
  input: { environment?: EnvironmentId; workspace?: string },
): { env: EnvironmentId; live?: string } | string {
  if (input.workspace === undefined) return { env: input.environment ?? host.settings.environment };
  const ws = findWorkspace(host.workspaces, input.workspace);
  if (typeof ws === 'string') return ws;
  const env =
    input.environment ??
    (ws.kind === 'logAnalytics'
      ? 'sentinel'
      : ws.kind === 'defender'
        ? 'defender'
        : ws.kind === 'local'
          ? host.localEnvironment?.(ws)
          : undefined) ??
    host.settings.environment;
  return { env, live: ws.name };
}

export async function callAssistantTool(
  host: AssistantHost,
  name: string,
  rawInput: unknown,
  signal?: AbortSignal,
): Promise<ToolAnswer> {
  const tool = ASSISTANT_TOOLS.find((t) => t.name === name);
  if (!tool)
    return answer(
      { error: `Unknown tool '${name}'; the tools are ${ASSISTANT_TOOLS.map((t) => t.name).join(', ')}.` },
      true,
    );
  const parsed = (tool.input as z.ZodType).safeParse(rawInput ?? {});
  if (!parsed.success)
    return answer({ error: `Invalid input for ${name}: ${describeInputError(parsed.error)}` }, true);
  const input = parsed.data as Record<string, unknown>;
  switch (tool.name as AssistantToolName) {
    case 'kql_schema': {
      const scope = scopeOf(host, input);
      if (typeof scope === 'string') return answer({ error: scope }, true);
      return answer(
        describeSchema(
          input,
          host.schemas.schemaFor(scope.env, scope.live),
          host.schemas.globalsFor(scope.env, scope.live),
        ),
      );
    }
    case 'kql_check': {
      const scope = scopeOf(host, input);
      if (typeof scope === 'string') return answer({ error: scope }, true);
      return answer(
        checkForAssistant(
          host.service,
          input as Parameters<typeof checkForAssistant>[1],
          host.settings,
          scope.env,
        ),
      );
    }
    case 'kql_run': {
      const result = await runForAssistant(input as Parameters<typeof runForAssistant>[0], host, signal);
      return answer(result, !result.ok);
    }
    case 'kql_rmm_detection': {
      const result = rmmDetectionForAssistant(
        input as Parameters<typeof rmmDetectionForAssistant>[0],
        host.newRuleId,
      );
      return answer(result, !result.ok);
    }
  }
}
