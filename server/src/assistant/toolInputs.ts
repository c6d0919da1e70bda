import { z } from 'zod';

/**
 * The inputs of the assistant tools, declared once. The MCP server validates calls against these
 * schemas, the language server validates the VS Code tools' calls against the same ones, and a
 * unit test keeps the JSON schemas in package.json's `languageModelTools` equal to them.
 * Strings have length caps so that a runaway model cannot hand the engine megabytes of text.
 */
const environment = z
  .enum(['defender', 'sentinel'])
  .describe(
    'defender: Microsoft Defender XDR advanced hunting (Timestamp). sentinel: Microsoft Sentinel / Log Analytics (TimeGenerated).',
  );
const workspace = z
  .string()
  .min(1)
  .max(200)
  .describe(
    'The name of a workspace the user configured (kqlHunting.workspaces, or "workspaces" in .kqlhunt.json).',
  );

export const MAX_QUERY_LENGTH = 100_000;

export const schemaToolInput = z.strictObject({
  environment: environment.optional(),
  workspace: workspace
    .optional()
    .describe("Use this configured workspace's environment and, where it was fetched, its live schema."),
  table: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe("A table name: returns that table's columns with their types and descriptions."),
  function: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe('A function name: returns its signature and description.'),
  search: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe('Keywords: tables, columns and functions whose name or description contains every word.'),
  limit: z
    .number()
    .int()
    .min(1)
    .max(500)
    .optional()
    .describe('At most this many entries per list (default 50).'),
});

export const checkToolInput = z.strictObject({
  text: z
    .string()
    .min(1)
    .max(MAX_QUERY_LENGTH)
    .describe('A KQL query, or the full text of a Sentinel analytic rule YAML when kind is "rule".'),
  kind: z
    .enum(['query', 'rule'])
    .optional()
    .describe(
      'query (default): plain KQL. rule: Sentinel analytic rule YAML, whose query and metadata are both checked.',
    ),
  environment: environment.optional(),
  workspace: workspace
    .optional()
    .describe("Check against this configured workspace's environment and live schema."),
});

export const runToolInput = z.strictObject({
  query: z.string().min(1).max(MAX_QUERY_LENGTH).describe('The KQL query to run.'),
  workspace: workspace.optional().describe('Where to run it; the first configured workspace when absent.'),
  timespan: z
    .string()
    .regex(/^-?P[0-9TWDHMS.]+$|\//i)
    .max(100)
    .optional()
    .describe('ISO 8601 duration such as P7D (default: the run.defaultTimespan setting).'),
  maxRows: z
    .number()
    .int()
    .min(1)
    .max(1000)
    .optional()
    .describe('Rows returned per table (default 50, at most 1000).'),
});

export const rmmToolInput = z.strictObject({
  tool: z
    .string()
    .min(1)
    .max(100)
    .describe('The remote management tool, by name or id, such as "TightVNC" or "anydesk".'),
  kinds: z
    .array(z.enum(['network', 'process', 'fileSignature']))
    .min(1)
    .max(3)
    .optional()
    .describe(
      'What to detect: network connections, process creation, signed files (default: every kind the tool has indicators for).',
    ),
  output: z
    .enum(['hunting', 'rule'])
    .optional()
    .describe(
      'hunting (default): a Defender XDR hunting query. rule: a complete Sentinel analytic rule YAML.',
    ),
});

export type SchemaToolInput = z.infer<typeof schemaToolInput>;
export type CheckToolInput = z.infer<typeof checkToolInput>;
export type RunToolInput = z.infer<typeof runToolInput>;
export type RmmToolInput = z.infer<typeof rmmToolInput>;

export type AssistantToolName = 'kql_schema' | 'kql_check' | 'kql_run' | 'kql_rmm_detection';

export interface AssistantToolDefinition {
  name: AssistantToolName;
  title: string;
  description: string;
  input: z.ZodObject;
  /** True when the tool can reach Azure or change nothing: MCP annotations. */
  readOnly: boolean;
}

export const ASSISTANT_TOOLS: readonly AssistantToolDefinition[] = [
  {
    name: 'kql_schema',
    title: 'KQL schema',
    description:
      'Looks up Microsoft Defender XDR and Sentinel tables, their columns with types and descriptions, and function signatures, so that a query uses names that exist. Give `table` for its columns, `function` for a signature, or `search` for keywords.',
    input: schemaToolInput,
    readOnly: true,
  },
  {
    name: 'kql_check',
    title: 'Check KQL',
    description:
      "Checks a KQL query (or a Sentinel analytic rule YAML) exactly as the KQL Hunting editor does: syntax and semantic errors from Microsoft's Kusto parser, unknown tables and columns with did-you-mean suggestions, hunting lints and rule checks. Returns the findings with line and column.",
    input: checkToolInput,
    readOnly: true,
  },
  {
    name: 'kql_run',
    title: 'Run KQL',
    description:
      "Runs a KQL query on a workspace the user configured and returns the first rows. Local sample workspaces run at once; Log Analytics, Defender XDR and Data Explorer workspaces need the user's consent. Management commands (text starting with a dot) are refused.",
    input: runToolInput,
    readOnly: true,
  },
  {
    name: 'kql_rmm_detection',
    title: 'RMM detection',
    description:
      "Generates a detection for a remote management and monitoring tool (MITRE ATT&CK T1219) from KQL Hunting's library of 70 tools: a Defender XDR hunting query or a complete Sentinel analytic rule.",
    input: rmmToolInput,
    readOnly: true,
  },
];

/** A validation failure as one readable line per problem, naming the input field. */
export function describeInputError(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : 'input'}: ${i.message}`).join('; ');
}
