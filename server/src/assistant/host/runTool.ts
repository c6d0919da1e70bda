import type { TokenCredential } from '@azure/core-auth';
import type { RunQueryResult } from '../../protocol/queryRun';
import type { RunSettings, WorkspaceConfig } from '../../protocol/workspaces';
import { isManagementCommand } from '../../connectors/queryPolicy';
import { runQuery, type RunOptions } from '../../connectors/runQuery';
import type { RunToolInput } from '../toolInputs';

/**
 * kql_run: a query on a workspace the user configured, with the limits an assistant needs. A
 * local workspace runs at once; one that reaches Azure runs only when the host says so (the
 * user confirmed it in VS Code, or the MCP server was started with Azure runs enabled).
 * Management commands are refused whatever the settings say, and the answer is capped in rows
 * and in bytes, with a note when it was cut, so that a result cannot flood the model's context.
 */
export interface RunToolHost {
  workspaces: readonly WorkspaceConfig[];
  runSettings: RunSettings;
  /** Asked before anything reaches Azure; false refuses the run. */
  allowAzure(workspace: WorkspaceConfig): Promise<boolean>;
  credential?: TokenCredential;
  /** The query runner; the shared connectors when absent (tests give their own local executor through it). */
  run?: (workspace: WorkspaceConfig, query: string, options: RunOptions) => Promise<RunQueryResult>;
}

export type RunAnswer =
  | {
      ok: true;
      workspace: string;
      tables: {
        name: string;
        columns: { name: string; type: string }[];
        rows: unknown[][];
        totalRows: number;
      }[];
      notes: string[];
    }
  | { ok: false; workspace?: string; error: string };

export const DEFAULT_ROWS = 50;
/** The JSON text of an answer stays under this many characters. */
export const MAX_ANSWER_CHARS = 60_000;

export function findWorkspace(
  workspaces: readonly WorkspaceConfig[],
  name: string | undefined,
): WorkspaceConfig | string {
  if (workspaces.length === 0)
    return 'No workspace is configured (kqlHunting.workspaces in VS Code, "workspaces" in .kqlhunt.json).';
  if (name === undefined) return workspaces[0];
  return (
    workspaces.find((w) => w.name === name) ??
    `No workspace named '${name}'; configured: ${workspaces.map((w) => w.name).join(', ')}.`
  );
}

export async function runForAssistant(
  input: RunToolInput,
  host: RunToolHost,
  signal?: AbortSignal,
): Promise<RunAnswer> {
  const workspace = findWorkspace(host.workspaces, input.workspace);
  if (typeof workspace === 'string') return { ok: false, error: workspace };
  if (isManagementCommand(input.query))
    return {
      ok: false,
      workspace: workspace.name,
      error: 'Management commands (text starting with ".") are never run for an assistant.',
    };
  if (workspace.kind !== 'local' && !(await host.allowAzure(workspace))) {
    return {
      ok: false,
      workspace: workspace.name,
      error: `Running on '${workspace.name}' (${workspace.kind}) reaches Azure and was not allowed.`,
    };
  }
  const maxRows = input.maxRows ?? DEFAULT_ROWS;
  const settings: RunSettings = {
    ...host.runSettings,
    allowManagementCommands: false,
    // An assistant's run reads only what the workspace holds; fetching is the user's own choice.
    fetchExternalData: false,
    rowLimit: Math.min(host.runSettings.rowLimit, maxRows),
  };
  const run = host.run ?? runQuery;
  const result = await run(workspace, input.query, {
    settings,
    ...(signal ? { signal } : {}),
    ...(input.timespan ? { timespan: input.timespan } : {}),
    ...(host.credential ? { credential: host.credential } : {}),
  });
  if (!result.ok)
    return { ok: false, workspace: workspace.name, error: `${result.error.kind}: ${result.error.message}` };
  const notes: string[] = [];
  if (result.result.partialError)
    notes.push(`The service reported a partial result: ${result.result.partialError}`);
  for (const warning of result.result.warnings ?? []) notes.push(warning);
  const tables = result.result.tables.map((t, i) => {
    const totalRows = result.stats.rowCounts[i] ?? t.rows.length;
    return {
      name: t.name,
      columns: t.columns.map((c) => ({ name: c.name, type: c.type })),
      rows: t.rows.slice(0, maxRows),
      totalRows,
    };
  });
  if (result.stats.truncated) notes.push(`Rows were cut to ${maxRows} per table (maxRows).`);
  return capSize({ ok: true, workspace: workspace.name, tables, notes });
}

/** Drops trailing rows until the answer's JSON fits MAX_ANSWER_CHARS, and says so. */
function capSize(answer: Extract<RunAnswer, { ok: true }>): RunAnswer {
  let size = JSON.stringify(answer).length;
  if (size <= MAX_ANSWER_CHARS) return answer;
  let dropped = 0;
  for (const table of [...answer.tables].reverse()) {
    while (table.rows.length > 0 && size > MAX_ANSWER_CHARS) {
      size -= JSON.stringify(table.rows.pop()).length + 1;
      dropped++;
    }
  }
  answer.notes.push(
    `${dropped} more row${dropped === 1 ? ' was' : 's were'} left out to keep the answer under ${MAX_ANSWER_CHARS} characters; narrow the query (project fewer columns, summarize) to see more.`,
  );
  return answer;
}
