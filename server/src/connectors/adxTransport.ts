import {
  createDefaultHttpClient,
  createHttpHeaders,
  createPipelineFromOptions,
  createPipelineRequest,
  throttlingRetryPolicy,
  type Pipeline,
} from '@azure/core-rest-pipeline';
import type { Client as KustoClient } from 'azure-kusto-data' with { 'resolution-mode': 'import' };
import { isLoopback } from './queryPolicy';
import { pipelineOptions, type ConnectorTransport } from './transport';

// axios is azure-kusto-data's dependency, not ours: its types are taken from the SDK's client.
type AxiosAdapterSetting = NonNullable<KustoClient['axiosInstance']['defaults']['adapter']>;
type AxiosAdapter = Extract<
  AxiosAdapterSetting extends readonly (infer A)[] ? A : AxiosAdapterSetting,
  (...args: never[]) => unknown
>;
type InternalAxiosRequestConfig = Parameters<AxiosAdapter>[0];
type AxiosResponse = Awaited<ReturnType<AxiosAdapter>>;

/**
 * azure-kusto-data sends its requests with axios and retries nothing. Rather than a second retry
 * loop of our own, its axios instance gets an adapter that sends each request through an Azure
 * SDK pipeline: the same retry policy as the Log Analytics and Defender connectors (429 and 503
 * with Retry-After honoured, exponential backoff on other 5xx and network errors), the same TLS
 * settings, and the run's abort signal. The SDK's own error handling still sees axios-shaped
 * answers and errors, so its ThrottlingError and our error mapping work unchanged.
 */

/** Management commands are retried only when the service says when (Retry-After): a 500 may come after the command took effect. */
function pipelineFor(transport: ConnectorTransport | undefined, management: boolean): Pipeline {
  // Redirects stay off, as azure-kusto-data itself configures axios: a bearer token must not follow one.
  const pipeline = createPipelineFromOptions({
    ...pipelineOptions(transport),
    redirectOptions: { maxRetries: 0 },
  });
  if (management) {
    pipeline.removePolicy({ phase: 'Retry' });
    pipeline.addPolicy(
      throttlingRetryPolicy(
        transport?.retry?.maxRetries === undefined ? {} : { maxRetries: transport.retry.maxRetries },
      ),
      { phase: 'Retry' },
    );
  }
  return pipeline;
}

function plainHeaders(config: InternalAxiosRequestConfig): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(config.headers.toJSON())) {
    if (value !== undefined && value !== null)
      out[name] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return out;
}

/** An adapter for azure-kusto-data's axios instance; `signal` aborts every request it sends. */
export function pipelineAdapter(
  transport: ConnectorTransport | undefined,
  signal: AbortSignal,
): AxiosAdapter {
  const httpClient = createDefaultHttpClient();
  const queries = pipelineFor(transport, false);
  const management = pipelineFor(transport, true);
  return async (config) => {
    const parsed = new URL(config.url ?? '', config.baseURL);
    const url = parsed.toString();
    const isManagement = /\/rest\/mgmt\b/.test(parsed.pathname);
    const body =
      config.data === undefined || config.data === null
        ? undefined
        : typeof config.data === 'string'
          ? config.data
          : JSON.stringify(config.data);
    const answer = await (isManagement ? management : queries).sendRequest(
      httpClient,
      createPipelineRequest({
        url,
        method: (config.method ?? 'get').toUpperCase() as 'GET' | 'POST',
        headers: createHttpHeaders(plainHeaders(config)),
        ...(body !== undefined ? { body } : {}),
        ...(config.timeout ? { timeout: config.timeout } : {}),
        abortSignal: signal,
        // checkEndpoint() lets plain HTTP through only to this machine (emulators and tests), as axios would send it.
        allowInsecureConnection: parsed.protocol === 'http:' && isLoopback(parsed.hostname),
      }),
    );
    const response: AxiosResponse = {
      data: answer.bodyAsText ?? '',
      status: answer.status,
      statusText: '',
      headers: answer.headers.toJSON(),
      config,
    };
    const accepted = config.validateStatus
      ? config.validateStatus(answer.status)
      : answer.status >= 200 && answer.status < 300;
    if (accepted) return response;
    // axios.isAxiosError() looks at this flag; azure-kusto-data and our connector read `response`.
    throw Object.assign(new Error(`Request failed with status code ${answer.status}`), {
      isAxiosError: true,
      config,
      response,
    });
  };
}
