import type { Range } from 'vscode-languageserver-types';
import type { RunSettings, WorkspaceConfig } from './workspaces';

/**
 * Payloads of the query-running messages. The result shape is the Log Analytics one whatever the
 * workspace kind, so the results panel, `kqlhunt run --format json` and the tests read one shape.
 */

export interface ResultColumn {
  name: string;
  /** A lowercase Kusto scalar type: bool, datetime, decimal, dynamic, guid, int, long, real, string, timespan. */
  type: string;
}

export interface ResultTable {
  name: string;
  columns: ResultColumn[];
  /** Positional rows aligned to `columns`; datetimes are ISO 8601 strings, dynamic values plain JSON. */
  rows: unknown[][];
}

/** A chart hint from a trailing `render` operator. */
export interface RenderHint {
  visualization: string;
  title?: string;
}

export interface QueryResultSet {
  tables: ResultTable[];
  /** The service answered but some part failed (Log Analytics `PartialError`). */
  partialError?: string;
  /** Service statistics as the service sent them. */
  statistics?: Record<string, unknown>;
  render?: RenderHint;
  /** What the local engine could not give as the service would (a Defender function's intelligence columns). */
  warnings?: string[];
}

/** Why a run failed; `semantic` and `syntax` errors are also shown on the query. */
export type RunErrorKind =
  | 'syntax'
  | 'semantic'
  | 'unauthorized'
  | 'forbidden'
  | 'throttled'
  | 'server'
  | 'timeout'
  | 'cancelled'
  | 'network'
  | 'refused'
  | 'unsupported'
  | 'badRequest';

export interface RunError {
  kind: RunErrorKind;
  message: string;
  /** The service's error code, such as `BadArgumentError` or `SEM0100`. */
  code?: string;
  status?: number;
}

/** One query block of a document: what a "Run" CodeLens runs. */
export interface QueryBlock {
  /** The block's document range, without surrounding blank lines. */
  range: Range;
  /** The KQL as the engine sees it (for rule YAML: without the YAML indentation). */
  text: string;
}

export interface QueryBlocksParams {
  uri: string;
}

export interface QueryBlocksResult {
  blocks: QueryBlock[];
  /** The rule's `queryPeriod` as an ISO 8601 duration, when the document is a rule with one. */
  timespan?: string;
  /** The workspace name the file pins with a `kql-workspace:` comment. */
  pinnedWorkspace?: string;
}

/** An access token sealed with the key the server got at start (see tokenSeal.ts), so message traces never show it. */
export interface SealedToken {
  iv: string;
  data: string;
  tag: string;
  /** When the token expires, in milliseconds since the epoch (not secret). */
  expiresOnTimestamp: number;
}

export interface RunQueryParams {
  /** The document the query came from, when it came from one; used to map errors back. */
  uri?: string;
  /** The document range of `query`, for mapping a service error to a position. */
  range?: Range;
  query: string;
  workspace: WorkspaceConfig;
  /** ISO 8601 duration or interval; when absent the settings' default applies. */
  timespan?: string;
  settings: RunSettings;
  /** An access token for the workspace, sealed so that message traces never show it. */
  token?: SealedToken;
}

export interface RunStatistics {
  durationMs: number;
  /** Rows returned per table before the row limit was applied. */
  rowCounts: number[];
  truncated: boolean;
}

export type RunQueryResult =
  | { ok: true; result: QueryResultSet; stats: RunStatistics; workspaceName: string }
  | { ok: false; error: RunError; durationMs: number; workspaceName: string; errorRange?: Range };
