import type { TokenCredential } from '@azure/core-auth';
import type { QueryResultSet, ResultTable } from '../protocol/queryRun';
import type { AdxWorkspace } from '../protocol/workspaces';
import { pipelineAdapter } from './adxTransport';
import { checkEndpoint } from './queryPolicy';
import { cellToJson, kustoTypeName } from './resultShape';
import { describeServiceError } from './serviceErrors';
import { timespanBounds } from './timespan';
import type { ConnectorTransport } from './transport';
import { ConnectorError, type ConnectorRequest, type QueryConnector } from './types';

interface AxiosLikeError {
  isAxiosError?: boolean;
  code?: string;
  response?: { status?: number; data?: unknown };
}

const DEFAULT_TIME_COLUMN = 'TimeGenerated';

/**
 * Azure Data Explorer through the official azure-kusto-data client. That client neither retries
 * nor takes a per-request abort signal, so each run gets its own client whose requests go
 * through the Azure SDK pipeline (adxTransport.ts): retries as for the other connectors, and the
 * run's signal cancels the request.
 *
 * Azure Data Explorer takes no time span beside the query; the documented equivalent is the
 * `query_datetimescope_column` / `_from` / `_to` request properties, a filter the service applies
 * to that column of every table the query scans.
 */

export class AdxConnector implements QueryConnector {
  /** The checked cluster origin: the only form of clusterUrl the SDK ever sees. */
  private readonly clusterUrl: string;

  constructor(
    private readonly workspace: AdxWorkspace,
    private readonly credential: TokenCredential,
    private readonly transport?: ConnectorTransport,
  ) {
    this.clusterUrl = checkEndpoint(
      workspace.clusterUrl,
      'adx',
      `kqlHunting.workspaces "${workspace.name}": clusterUrl`,
    );
  }

  async run(request: ConnectorRequest): Promise<QueryResultSet> {
    // An ES module: loaded on first use, which also keeps it out of the server's start-up.
    const { Client, ClientRequestProperties, KustoConnectionStringBuilder, KustoDataErrors } =
      await import('azure-kusto-data');
    const client = new Client(
      KustoConnectionStringBuilder.withTokenCredential(this.clusterUrl, this.credential),
    );
    client.axiosInstance.defaults.adapter = pipelineAdapter(this.transport, request.signal);
    const properties = new ClientRequestProperties();
    properties.setTimeout(request.serverTimeoutSeconds * 1000);
    const bounds = timespanBounds(request.timespan);
    if (!bounds)
      throw new ConnectorError(
        'badRequest',
        `The time span ${request.timespan} is not an ISO 8601 duration or interval.`,
      );
    properties.setOption('query_datetimescope_column', this.workspace.timeColumn ?? DEFAULT_TIME_COLUMN);
    properties.setOption('query_datetimescope_from', bounds.from.toISOString());
    properties.setOption('query_datetimescope_to', bounds.to.toISOString());
    try {
      const answer = await client.execute(this.workspace.database, request.query, properties);
      const tables: ResultTable[] = answer.primaryResults.map((t) => ({
        name: t.name,
        columns: t.columns.map((c) => ({ name: c.name ?? '', type: kustoTypeName(c.type) })),
        rows: (t._rows as unknown[][]).map((row) => row.map(cellToJson)),
      }));
      return { tables };
    } catch (e) {
      if (e instanceof KustoDataErrors.ThrottlingError)
        throw new ConnectorError(
          'throttled',
          'Azure Data Explorer is throttling requests (429); try again later.',
          undefined,
          429,
        );
      const axiosError = e as AxiosLikeError;
      if (axiosError?.isAxiosError && axiosError.response?.status) {
        const err = describeServiceError(axiosError.response.status, axiosError.response.data);
        throw new ConnectorError(err.kind, err.message, err.code, err.status);
      }
      if (e instanceof Error && /Kusto request had errors/.test(e.message)) {
        throw new ConnectorError(
          /SEM\d{4}|Failed to resolve/i.test(e.message) ? 'semantic' : 'badRequest',
          e.message.replace(/^Kusto request had errors\.\s*/, ''),
        );
      }
      throw e;
    } finally {
      client.close();
    }
  }
}
