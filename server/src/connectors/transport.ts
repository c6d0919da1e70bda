/**
 * How connectors reach their service, beyond the endpoint: an extra trusted certificate (a
 * TLS-inspecting proxy, or the tests' local server) and the SDK retry settings. Production
 * callers pass nothing and get the SDK defaults.
 */
export interface ConnectorTransport {
  /** PEM certificate(s) to trust in addition to the system's. */
  tlsCa?: string;
  /** Passed to the SDK's retry policies (429 with Retry-After, 5xx, network errors). */
  retry?: { maxRetries?: number; retryDelayInMs?: number; maxRetryDelayInMs?: number };
}

/** The Azure SDK pipeline options for a transport. */
export function pipelineOptions(transport: ConnectorTransport | undefined): {
  tlsOptions?: { ca: string };
  retryOptions?: ConnectorTransport['retry'];
} {
  return {
    ...(transport?.tlsCa ? { tlsOptions: { ca: transport.tlsCa } } : {}),
    ...(transport?.retry ? { retryOptions: transport.retry } : {}),
  };
}
