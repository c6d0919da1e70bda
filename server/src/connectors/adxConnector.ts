import type { TokenCredential } from '@azure/core-auth';
import * as https from 'node:https';
import type { QueryResultSet, ResultTable } from '../protocol/queryRun';
import type { AdxWorkspace } from '../protocol/workspaces';
import { checkEndpoint } from './queryPolicy';
import { cellToJson, kustoTypeName } from './resultShape';
import { describeServiceError } from './serviceErrors';
import type { ConnectorTransport } from './transport';
import { ConnectorError, type ConnectorRequest, type QueryConnector } from './types';

interface AxiosLikeError {
  isAxiosError?: boolean;
  code?: string;
  response?: { status?: number; data?: unknown };
}

/**
 * Azure Data Explorer through the official azure-kusto-data client. That client has no
 * per-request cancellation, only `close()` for all its requests, so each run gets its own client
 * and closing it is how a run is cancelled. The SDK does not retry queries, and neither does this.
 */
export class AdxConnector implements QueryConnector {
  constructor(
    private readonly workspace: AdxWorkspace,
    private readonly credential: TokenCredential,
    private readonly transport?: ConnectorTransport,
  ) {
    checkEndpoint(workspace.clusterUrl, 'adx');
  }

  async run(request: ConnectorRequest): Promise<QueryResultSet> {
    // An ES module: loaded on first use, which also keeps it out of the server's start-up.
    const { Client, ClientRequestProperties, KustoConnectionStringBuilder, KustoDataErrors } = await import('azure-kusto-data');
    const client = new Client(KustoConnectionStringBuilder.withTokenCredential(this.workspace.clusterUrl, this.credential));
    if (this.transport?.tlsCa) client.axiosInstance.defaults.httpsAgent = new https.Agent({ keepAlive: true, ca: this.transport.tlsCa });
    const properties = new ClientRequestProperties();
    properties.setTimeout(request.serverTimeoutSeconds * 1000);
    const onAbort = () => client.close();
    request.signal.addEventListener('abort', onAbort, { once: true });
    try {
      const answer = await client.execute(this.workspace.database, request.query, properties);
      const tables: ResultTable[] = answer.primaryResults.map((t) => ({
        name: t.name,
        columns: t.columns.map((c) => ({ name: c.name ?? '', type: kustoTypeName(c.type) })),
        rows: (t._rows as unknown[][]).map((row) => row.map(cellToJson)),
      }));
      return { tables };
    } catch (e) {
      if (e instanceof KustoDataErrors.ThrottlingError) throw new ConnectorError('throttled', 'Azure Data Explorer is throttling requests (429); try again later.', undefined, 429);
      const axiosError = e as AxiosLikeError;
      if (axiosError?.isAxiosError && axiosError.response?.status) {
        const err = describeServiceError(axiosError.response.status, axiosError.response.data);
        throw new ConnectorError(err.kind, err.message, err.code, err.status);
      }
      if (e instanceof Error && /Kusto request had errors/.test(e.message)) {
        throw new ConnectorError(/SEM\d{4}|Failed to resolve/i.test(e.message) ? 'semantic' : 'badRequest', e.message.replace(/^Kusto request had errors\.\s*/, ''));
      }
      throw e;
    } finally {
      request.signal.removeEventListener('abort', onAbort);
      client.close();
    }
  }
}
