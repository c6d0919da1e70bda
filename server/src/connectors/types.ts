import type { QueryResultSet, RunErrorKind } from '../protocol/queryRun';

/**
 * What every connector does: run one query and answer in the Log Analytics result shape.
 * Retries, paging and error types stay with each service's SDK; a connector only adapts.
 */
export interface QueryConnector {
  run(request: ConnectorRequest): Promise<QueryResultSet>;
}

export interface ConnectorRequest {
  query: string;
  /** ISO 8601 duration (`P5D`) or interval (`start/end`, `P1D/end`, `start/P1D`). */
  timespan: string;
  /** Aborted on cancellation and on timeout; connectors pass it to their SDK. */
  signal: AbortSignal;
  /** The caller keeps at most this many rows per table; the local engine can stop early. */
  rowLimit: number;
  /** Seconds the service may spend, where the service takes such a hint. */
  serverTimeoutSeconds: number;
}

/** A failure a user can act on, already sorted into a kind; the message is safe to show and log. */
export class ConnectorError extends Error {
  constructor(
    readonly kind: RunErrorKind,
    message: string,
    readonly code?: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'ConnectorError';
  }
}
