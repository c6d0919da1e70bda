import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { ASSISTANT_TOOLS } from '../toolInputs';
import { callAssistantTool, type AssistantHost } from './assistantTools';

/**
 * The Model Context Protocol server behind `kqlhunt mcp`: the four assistant tools on the
 * official SDK. The SDK validates each call against the tool's schema before it reaches
 * callAssistantTool, which validates again (the language server's path has no SDK in front).
 * Nothing here logs: stdout carries the protocol, and a result or a query could hold secrets.
 */
export function createMcpServer(host: AssistantHost, version: string): McpServer {
  const server = new McpServer({ name: 'kql-hunting', title: 'KQL Hunting', version });
  for (const tool of ASSISTANT_TOOLS) {
    server.registerTool(
      tool.name,
      {
        title: tool.title,
        description: tool.description,
        inputSchema: tool.input,
        annotations: { readOnlyHint: tool.readOnly, openWorldHint: tool.name === 'kql_run' },
      },
      async (input: unknown, extra: { signal: AbortSignal }) => {
        const result = await callAssistantTool(host, tool.name, input, extra.signal);
        return { content: [{ type: 'text' as const, text: result.text }], isError: result.isError };
      },
    );
  }
  return server;
}

/** Serves until the transport closes (the client hung up or stdin ended). */
export async function serveMcp(host: AssistantHost, version: string, transport: Transport): Promise<void> {
  const server = createMcpServer(host, version);
  const closed = new Promise<void>((resolve) => {
    server.server.onclose = resolve;
  });
  await server.connect(transport);
  await closed;
}
