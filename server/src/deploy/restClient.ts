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
import { pipelineOptions, type ConnectorTransport } from '../connectors/transport';
import { parseJson } from '../connectors/serviceErrors';

/**
 * A JSON REST client on the Azure SDK's HTTP pipeline, shared by the Sentinel and Graph rule
 * clients: the bearer-token policy (the token never passes through this code), retries for 429
 * honouring Retry-After and for 5xx, and TLS settings. Every answer is returned, errors included,
 * so that each caller words its own messages.
 */
export interface RestAnswer {
  status: number;
  body: unknown;
  headers: { get(name: string): string | undefined };
}

export class RestClient {
  private readonly pipeline: Pipeline;
  private readonly httpClient: HttpClient = createDefaultHttpClient();

  constructor(credential: TokenCredential, scope: string, transport?: ConnectorTransport) {
    this.pipeline = createPipelineFromOptions({
      ...pipelineOptions(transport),
      userAgentOptions: { userAgentPrefix: 'kql-hunting' },
    });
    this.pipeline.addPolicy(bearerTokenAuthenticationPolicy({ credential, scopes: [scope] }));
  }

  async send(method: string, url: string, body?: unknown, signal?: AbortSignal): Promise<RestAnswer> {
    const response = await this.pipeline.sendRequest(
      this.httpClient,
      createPipelineRequest({
        url,
        method: method as 'GET',
        headers: createHttpHeaders({
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }),
        }),
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        ...(signal ? { abortSignal: signal } : {}),
      }),
    );
    return {
      status: response.status,
      body: parseJson(response.bodyAsText ?? undefined),
      headers: { get: (name) => response.headers.get(name) },
    };
  }
}
