import type { QueryResultSet, RenderHint, ResultTable } from '../protocol/queryRun';
import type { LocalWorkspace } from '../protocol/workspaces';
import type { ConnectorRequest, QueryConnector } from './types';

/**
 * The local workspace: a folder of sample data run by the embedded executor (server/src/executor).
 * The engine is reached through this one function type so that the connectors do not depend on
 * its internals, and so tests can pass their own.
 */
export type LocalExecutor = (
  query: string,
  options: { folder: string; signal: AbortSignal; now?: string },
) => Promise<{ tables: ResultTable[]; render?: RenderHint }>;

export class LocalConnector implements QueryConnector {
  constructor(
    private readonly workspace: LocalWorkspace,
    private readonly executor: LocalExecutor,
  ) {}

  async run(request: ConnectorRequest): Promise<QueryResultSet> {
    const now = this.workspace.now;
    return this.executor(request.query, {
      folder: this.workspace.folder,
      signal: request.signal,
      ...(now ? { now } : {}),
    });
  }
}
