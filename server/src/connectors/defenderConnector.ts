import type { TokenCredential } from '@azure/core-auth';
import {
  bearerTokenAuthenticationPolicy,
  createDefaultHttpClient,
  createHttpHeaders,
  createPipelineFromOptions,
  createPipelineRequest,
  type HttpClient,
  type Pipeline,
} from '@azure/core-rest-pipeline';
import type { QueryResultSet } from '../protocol/queryRun';
import { tokenScopeFor, type DefenderWorkspace } from '../protocol/workspaces';
import { checkEndpoint } from './queryPolicy';
import { tableFromObjectRows } from './resultShape';
import { describeServiceError, parseJson } from './serviceErrors';
import { pipelineOptions, type ConnectorTransport } from './transport';
import { ConnectorError, type ConnectorRequest, type QueryConnector } from './types';

const DEFAULT_ENDPOINT = 'https://graph.microsoft.com/v1.0';

/**
 * Microsoft Defender XDR advanced hunting through Microsoft Graph `security/runHuntingQuery`.
 * There is one operation and no Graph SDK call for it worth a dependency, so the request goes
 * through the Azure SDK's HTTP pipeline, which brings the bearer-token policy, retries for 429
 * (honouring Retry-After) and 5xx, TLS settings and abort handling.
 */
export class DefenderConnector implements QueryConnector {
  private readonly pipeline: Pipeline;
  private readonly httpClient: HttpClient = createDefaultHttpClient();
  private readonly url: string;
  private readonly schemaUrl: string;

  constructor(workspace: DefenderWorkspace, credential: TokenCredential, transport?: ConnectorTransport) {
    const endpoint = checkEndpoint(
      workspace.endpoint ?? DEFAULT_ENDPOINT,
      'defender',
      `kqlHunting.workspaces "${workspace.name}": endpoint`,
    );
    this.url = `${endpoint}/security/runHuntingQuery`;
    // getHuntingSchema is documented only on Graph beta; an endpoint naming v1.0 is switched to beta.
    this.schemaUrl = `${endpoint.replace(/\/v1\.0$/, '/beta')}/security/getHuntingSchema`;
    this.pipeline = createPipelineFromOptions({
      ...pipelineOptions(transport),
      userAgentOptions: { userAgentPrefix: 'kql-hunting' },
    });
    this.pipeline.addPolicy(
      bearerTokenAuthenticationPolicy({ credential, scopes: [tokenScopeFor(workspace)!] }),
    );
  }

  async run(request: ConnectorRequest): Promise<QueryResultSet> {
    const response = await this.pipeline.sendRequest(
      this.httpClient,
      createPipelineRequest({
        url: this.url,
        method: 'POST',
        headers: createHttpHeaders({
          'content-type': 'application/json; charset=utf-8',
          accept: 'application/json',
        }),
        body: JSON.stringify({ Query: request.query, Timespan: request.timespan }),
        abortSignal: request.signal,
        timeout: request.serverTimeoutSeconds * 1000,
      }),
    );
    const body = parseJson(response.bodyAsText ?? undefined);
    if (response.status < 200 || response.status >= 300) {
      const err = describeServiceError(
        response.status,
        body,
        `Microsoft Graph answered with status ${response.status}.`,
      );
      throw new ConnectorError(err.kind, err.message, err.code, err.status);
    }
    if (!body || typeof body !== 'object')
      throw new ConnectorError('server', 'Microsoft Graph answered with something that is not JSON.');
    const answer = body as Record<string, unknown>;
    const schema = answer.schema ?? answer.Schema;
    const results = answer.results ?? answer.Results;
    return { tables: [tableFromObjectRows('PrimaryResult', schema, results)] };
  }

  /**
   * The tables and functions the signed-in user can hunt over, from Graph `security/getHuntingSchema`
   * (beta). It is preferred over deriving the schema with `getschema` queries because one call
   * answers for every table, with descriptions and functions, and costs no hunting quota.
   */
  async fetchSchemaPayload(signal: AbortSignal): Promise<unknown> {
    const response = await this.pipeline.sendRequest(
      this.httpClient,
      createPipelineRequest({
        url: this.schemaUrl,
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
        `Microsoft Graph answered the hunting schema request with status ${response.status}.`,
      );
      throw new ConnectorError(err.kind, err.message, err.code, err.status);
    }
    if (!body || typeof body !== 'object')
      throw new ConnectorError(
        'server',
        'Microsoft Graph answered the hunting schema request with something that is not JSON.',
      );
    return body;
  }
}
