import type { QueryResultSet, RenderHint, ResultTable } from '../protocol/queryRun';
import type { LocalWorkspace } from '../protocol/workspaces';
import { fetchExternalText } from './externalDataFetch';
import type { ConnectorTransport } from './transport';
import { ConnectorError, type ConnectorRequest, type QueryConnector } from './types';

/**
 * The local workspace: a folder of sample data run by the embedded executor (server/src/executor).
 * The engine is reached through this one function type so that the connectors do not depend on
 * its internals, and so tests can pass their own.
 */
export type LocalExecutor = (
  query: string,
  options: {
    folder: string;
    signal: AbortSignal;
    now?: string;
    /** Text for `externaldata` URLs that the host fetched, beside the files workspace.json maps. */
    externalData?: Record<string, string>;
  },
) => Promise<{ tables: ResultTable[]; render?: RenderHint; warnings?: string[] }>;

/** The URL of an `externaldata` operator that the workspace has no copy of. */
export class MissingExternalData extends ConnectorError {
  constructor(
    message: string,
    readonly url: string,
  ) {
    super('badRequest', message, 'ExternalDataNotInWorkspace');
    this.name = 'MissingExternalData';
  }
}

export class LocalConnector implements QueryConnector {
  constructor(
    private readonly workspace: LocalWorkspace,
    private readonly executor: LocalExecutor,
    private readonly fetching?: { maxBytes: number; transport?: ConnectorTransport },
  ) {}

  /**
   * Runs the query; when it stops on an `externaldata` URL the workspace has no copy of and
   * fetching is on, fetches that URL and runs it again, once per URL.
   */
  async run(request: ConnectorRequest): Promise<QueryResultSet> {
    const now = this.workspace.now;
    const externalData: Record<string, string> = {};
    for (;;) {
      try {
        return await this.executor(request.query, {
          folder: this.workspace.folder,
          signal: request.signal,
          ...(now ? { now } : {}),
          ...(Object.keys(externalData).length ? { externalData } : {}),
        });
      } catch (e) {
        if (!(e instanceof MissingExternalData) || !this.fetching || e.url in externalData) throw e;
        externalData[e.url] = await fetchExternalText(e.url, { ...this.fetching, signal: request.signal });
      }
    }
  }
}
