import type { TokenCredential } from '@azure/core-auth';
import {
  createDefaultHttpClient,
  createHttpHeaders,
  createPipelineRequest,
  isRestError,
  type PipelinePolicy,
} from '@azure/core-rest-pipeline';
import { LogsQueryClient, LogsQueryResultStatus, type LogsTable } from '@azure/monitor-query-logs';
import type { QueryResultSet, ResultTable } from '../protocol/queryRun';
import { tokenScopeFor, type LogAnalyticsWorkspace } from '../protocol/workspaces';
import { cellToJson, kustoTypeName } from './resultShape';
import { describeServiceError, parseJson } from './serviceErrors';
import { toTimeInterval } from './timespan';
import { pipelineOptions, type ConnectorTransport } from './transport';
import { checkEndpoint } from './queryPolicy';
import { ConnectorError, type ConnectorRequest, type QueryConnector } from './types';

const DEFAULT_ENDPOINT = 'https://api.loganalytics.io/v1';

function toResultTable(table: LogsTable): ResultTable {
  return {
    name: table.name,
    columns: table.columnDescriptors.map((c) => ({ name: c.name ?? '', type: kustoTypeName(c.type) })),
    rows: table.rows.map((row) => row.map(cellToJson)),
  };
}

/**
 * Log Analytics and Microsoft Sentinel through the official @azure/monitor-query-logs client.
 *
 * Version 1.0.0 of that client passes neither `abortSignal` nor `onResponse` from its query
 * options down to the request, so one pipeline policy (the SDK's own extension point) attaches
 * the run's abort signal and keeps the raw error body: the SDK's error type drops the nested
 * `innererror.information` where Log Analytics puts a semantic error's real message.
 */
export class LogAnalyticsConnector implements QueryConnector {
  private readonly client: LogsQueryClient;
  private readonly endpoint: string;
  private signal: AbortSignal | undefined;
  private rawErrorBody: string | undefined;

  constructor(
    private readonly workspace: LogAnalyticsWorkspace,
    credential: TokenCredential,
    transport?: ConnectorTransport,
  ) {
    const endpoint = checkEndpoint(
      workspace.endpoint ?? DEFAULT_ENDPOINT,
      'logAnalytics',
      `kqlHunting.workspaces "${workspace.name}": endpoint`,
    );
    this.endpoint = endpoint;
    const runScope: PipelinePolicy = {
      name: 'kqlHuntingRunScope',
      sendRequest: async (request, next) => {
        if (this.signal) request.abortSignal = this.signal;
        const response = await next(request);
        if (response.status >= 400) this.rawErrorBody = response.bodyAsText ?? undefined;
        return response;
      },
    };
    this.client = new LogsQueryClient(credential, {
      endpoint,
      ...pipelineOptions(transport),
      additionalPolicies: [{ policy: runScope, position: 'perCall' }],
      credentials: { scopes: [tokenScopeFor(workspace)!] },
    });
  }

  async run(request: ConnectorRequest): Promise<QueryResultSet> {
    this.signal = request.signal;
    this.rawErrorBody = undefined;
    try {
      const answer = await this.client.queryWorkspace(
        this.workspace.workspaceId,
        request.query,
        toTimeInterval(request.timespan),
        {
          abortSignal: request.signal,
          serverTimeoutInSeconds: Math.min(Math.max(Math.round(request.serverTimeoutSeconds), 1), 600),
          includeQueryStatistics: true,
        },
      );
      if (answer.status === LogsQueryResultStatus.PartialFailure) {
        const details = (answer.partialError.details ?? []).map((d) => d.message).filter(Boolean);
        return {
          tables: answer.partialTables.map(toResultTable),
          partialError: [answer.partialError.message, ...details].join(' '),
          ...(answer.statistics ? { statistics: answer.statistics } : {}),
        };
      }
      return {
        tables: answer.tables.map(toResultTable),
        ...(answer.statistics ? { statistics: answer.statistics } : {}),
      };
    } catch (e) {
      if (isRestError(e) && e.statusCode !== undefined) {
        const err = describeServiceError(
          e.statusCode,
          parseJson(this.rawErrorBody) ?? (e as { details?: unknown }).details,
          e.message,
        );
        throw new ConnectorError(err.kind, err.message, err.code, err.status);
      }
      throw e;
    }
  }

  /**
   * The workspace's schema from `GET {endpoint}/workspaces/{id}/metadata`. The SDK has no call for
   * it, so the request goes through the client's own pipeline: the same endpoint, bearer-token
   * policy, retries and TLS settings as a query.
   */
  async fetchSchemaPayload(signal: AbortSignal): Promise<unknown> {
    const response = await this.client.pipeline.sendRequest(
      createDefaultHttpClient(),
      createPipelineRequest({
        url: `${this.endpoint}/workspaces/${encodeURIComponent(this.workspace.workspaceId)}/metadata`,
        method: 'GET',
        headers: createHttpHeaders({ accept: 'application/json' }),
        abortSignal: signal,
      }),
    );
    const body = parseJson(response.bodyAsText ?? undefined);
    if (response.status < 200 || response.status >= 300) {
      const err = describeServiceError(
        response.status,
        body,
        `Log Analytics answered the metadata request with status ${response.status}.`,
      );
      throw new ConnectorError(err.kind, err.message, err.code, err.status);
    }
    if (!body || typeof body !== 'object')
      throw new ConnectorError(
        'server',
        'Log Analytics answered the metadata request with something that is not JSON.',
      );
    return body;
  }
}
