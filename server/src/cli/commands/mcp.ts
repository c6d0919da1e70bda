import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { serveMcp } from '../../assistant/host/mcpServer';
import type { AssistantHost } from '../../assistant/host/assistantTools';
import { getLanguageService } from '../../service/languageService';
import { CatalogueSchemaProvider } from '../../schema/schemaProvider';
import { ENVIRONMENT_IDS, type EnvironmentId } from '../../schema/types';
import { readWorkspaceManifest } from '../../executor/files/workspaceLoader';
import { type CliCommand, stringOption } from '../cliCommand';
import { loadConfig } from '../config';
import { EXIT_OK, UsageError } from '../exitCodes';
import { loadRunConfig } from '../runWorkspaces';
import { loadSchemaFiles } from '../schemaSources';
import { TOOL_VERSION } from '../toolVersion';

const HELP = `Usage: kqlhunt mcp [options]

Runs a Model Context Protocol server on standard input and output, for AI assistants (Claude
Desktop, Claude Code, VS Code's MCP support, Cursor and others). It offers four tools:
kql_schema (tables, columns and functions), kql_check (the editor's checks on a query or rule),
kql_run (run a query on a configured workspace) and kql_rmm_detection (RMM detections).

Settings, schema files and workspaces come from the nearest .kqlhunt.json, as for check and run.
Local workspaces run without asking. Workspaces that reach Azure are refused unless
"mcp": { "allowAzureRuns": true } is in .kqlhunt.json or --allow-azure-runs is given; management
commands are always refused.

Options:
      --allow-azure-runs   let kql_run use Log Analytics, Defender XDR and Data Explorer workspaces
  -c, --config <FILE>      settings file (default: the nearest .kqlhunt.json)
  -h, --help               this help

Exit codes: 0 when the client closed the connection, 2 for bad usage or configuration.
`;

/** `"mcp": { "allowAzureRuns": boolean }` from the configuration file; anything else there is an error. */
function readMcpSettings(file: string | undefined): { allowAzureRuns: boolean } {
  if (!file) return { allowAzureRuns: false };
  const raw = JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) as Record<string, unknown>;
  const mcp = raw.mcp ?? raw['kqlHunting.mcp'];
  if (mcp === undefined) return { allowAzureRuns: false };
  if (!mcp || typeof mcp !== 'object' || Array.isArray(mcp))
    throw new UsageError(`${file}: "mcp" must be an object such as { "allowAzureRuns": true }`);
  for (const [key, value] of Object.entries(mcp)) {
    if (key !== 'allowAzureRuns')
      throw new UsageError(`${file}: unknown key "mcp.${key}" (known: allowAzureRuns)`);
    if (typeof value !== 'boolean')
      throw new UsageError(`${file}: "mcp.allowAzureRuns" must be true or false`);
  }
  return { allowAzureRuns: (mcp as { allowAzureRuns?: boolean }).allowAzureRuns === true };
}

export const mcpCommand: CliCommand = {
  name: 'mcp',
  summary: 'serve the KQL tools to AI assistants over the Model Context Protocol (stdio)',
  help: HELP,
  options: {
    'allow-azure-runs': { type: 'boolean' },
    config: { type: 'string', short: 'c' },
  },
  async run({ values, positionals }, io) {
    if (positionals.length > 0) throw new UsageError('mcp takes no arguments');
    const configFile = stringOption(values, 'config');
    const config = loadConfig(io.cwd, configFile);
    const run = loadRunConfig(io.cwd, configFile);
    const allowAzureRuns = values['allow-azure-runs'] === true || readMcpSettings(config.file).allowAzureRuns;
    const schemaFiles = await loadSchemaFiles(config.settings.schemaFiles, config.baseDir);
    const schemas = new CatalogueSchemaProvider();
    if (schemaFiles.length > 0) schemas.setCustomSources(schemaFiles.map((f) => f.source));
    const host: AssistantHost = {
      service: getLanguageService({ schemas }),
      schemas,
      settings: config.settings,
      workspaces: run.workspaces,
      runSettings: run.settings,
      allowAzure: async () => allowAzureRuns,
      localEnvironment: (ws) => {
        if (ws.kind !== 'local') return undefined;
        try {
          const env = readWorkspaceManifest(ws.folder).environment;
          return ENVIRONMENT_IDS.includes(env as EnvironmentId) ? (env as EnvironmentId) : undefined;
        } catch {
          // A broken workspace.json is reported when the workspace runs; the settings' environment applies meanwhile.
          return undefined;
        }
      },
      newRuleId: randomUUID,
    };
    const transport = new StdioServerTransport(process.stdin, process.stdout);
    // The SDK's stdio transport does not notice the client going away; the end of stdin is that.
    process.stdin.once('end', () => void transport.close());
    await serveMcp(host, TOOL_VERSION, transport);
    return EXIT_OK;
  },
};
