import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';
import type { DetectionKind } from '../rmm/rmmLibrary';
import type { EnvironmentId } from '../schema/types';
import type {
  QueryBlocksParams,
  QueryBlocksResult,
  RunQueryParams,
  RunQueryResult,
  SealedToken,
} from './queryRun';
import type { RunSettings, WorkspaceConfig } from './workspaces';
import type { DeployRuleParams, DeployRuleResult } from './deployRule';
import type { ActiveWorkspaceParams, RefreshSchemaParams, RefreshSchemaResult } from './schemaRefresh';
import type { ConvertQueryParams, ConvertQueryResult } from './queryConversion';

/**
 * Custom LSP messages between the extension and the server, each declared once so that both
 * sides share the method name and payload type.
 */

export type ServerState = 'starting' | 'ready' | 'error';

export interface ServerStatusParams {
  state: ServerState;
  /** A short human-readable detail, such as why the engine failed to load. */
  message?: string;
}

/** The server tells the client when the Kusto engine is loaded and warm, or failed to load. */
export const ServerStatusNotification = new NotificationType<ServerStatusParams>('kqlHunting/serverStatus');

export interface DocumentEnvironmentParams {
  uri: string;
}

export interface DocumentEnvironmentResult {
  environment: EnvironmentId;
  displayName: string;
  /** True when the file pins its environment with a `// kql-environment:` comment. */
  pinned: boolean;
  /** True when the kind of file decides the environment (Sentinel rule YAML, ARM templates), not the setting. */
  implied?: boolean;
}

/**
 * Asks which schema environment a document is checked in, for the status bar; null for a
 * document the server does not know or that holds no KQL (a Markdown file without fences).
 */
export const DocumentEnvironmentRequest = new RequestType<
  DocumentEnvironmentParams,
  DocumentEnvironmentResult | null,
  void
>('kqlHunting/documentEnvironment');

/**
 * The server tells the client that it has taken in new settings, so that what shows a
 * document's environment asks again: asking on the client's own configuration event races the
 * server, which may still answer from the old settings.
 */
export const EnvironmentsChangedNotification = new NotificationType<Record<string, never>>(
  'kqlHunting/environmentsChanged',
);

export interface RmmToolSummary {
  id: string;
  name: string;
  /** The detection kinds the tool has indicators for. */
  kinds: DetectionKind[];
  /** A few of its indicators, for the picker. */
  detail: string;
}

/** Lists the tools of the RMM detection library, for the New RMM Detection command; takes `{}`. */
export const RmmToolsRequest = new RequestType<Record<string, never>, RmmToolSummary[], void>(
  'kqlHunting/rmmTools',
);

export interface RmmDetectionParams {
  toolIds: string[];
  kinds: DetectionKind[];
  /** A hunting query (.kql) or a complete Sentinel analytic rule (YAML). */
  output: 'query' | 'rule';
}

export type RmmDetectionResult = { text: string; languageId: 'kql' | 'yaml' } | { error: string };

/** Generates an RMM detection query or rule; a request that cannot be met answers with the reason. */
export const RmmDetectionRequest = new RequestType<RmmDetectionParams, RmmDetectionResult, void>(
  'kqlHunting/rmmDetection',
);

/** Converts an open document's queries to the other environment: the edit to apply and the names left as they are. */
export const ConvertQueryRequest = new RequestType<ConvertQueryParams, ConvertQueryResult, void>(
  'kqlHunting/convertQuery',
);

/** The query blocks of a document, for the "Run" CodeLens and the run commands. */
export const QueryBlocksRequest = new RequestType<QueryBlocksParams, QueryBlocksResult, void>(
  'kqlHunting/queryBlocks',
);

/** Runs one query against a workspace; cancelling the request cancels the run. */
export const RunQueryRequest = new RequestType<RunQueryParams, RunQueryResult, void>('kqlHunting/runQuery');

/** Plans (dry run) or deploys one rule file to a workspace; see deployRule.ts. */
export const DeployRuleRequest = new RequestType<DeployRuleParams, DeployRuleResult, void>(
  'kqlHunting/deployRule',
);

/** Fetches a connected workspace's live schema, lays it over the catalogue and caches it; cancellable. */
export const RefreshSchemaRequest = new RequestType<RefreshSchemaParams, RefreshSchemaResult, void>(
  'kqlHunting/refreshSchema',
);

/** Client to server: the active workspace changed; unpinned documents are checked against its live schema. */
export const ActiveWorkspaceNotification = new NotificationType<ActiveWorkspaceParams>(
  'kqlHunting/activeWorkspace',
);

export interface DetectionTestsParams {
  /** A detection test file (`*.test.yaml`, `*.kqltest.yaml`) on disk, as a file: URI. */
  uri: string;
}

export interface DetectionTestCaseOutcome {
  name: string;
  passed: boolean;
  /** Why it failed, in one line. */
  message?: string;
  /** Expected rows missing (lines starting `- `) and unexpected rows present (`+ `). */
  diff?: string;
  durationMs: number;
}

/** The case names of a test file, for the Testing view; `error` says why the file cannot be read. */
export const ListDetectionTestsRequest = new RequestType<
  DetectionTestsParams,
  { cases: string[]; error?: string },
  void
>('kqlHunting/listDetectionTests');

/** Runs every case of a detection test file on the local executor, reading the file and its inputs from disk. */
export const RunDetectionTestsRequest = new RequestType<
  DetectionTestsParams,
  { cases: DetectionTestCaseOutcome[]; error?: string },
  void
>('kqlHunting/runDetectionTests');

export interface ServerInfoResult {
  /** The server's process id, so the extension can tell a restarted server from the old one. */
  processId: number;
  /** Milliseconds since the server process started. */
  uptimeMs: number;
}

/** Identifies the running server process; used by the status bar tooltip and by crash-recovery tests. */
export const ServerInfoRequest = new RequestType0<ServerInfoResult, void>('kqlHunting/serverInfo');

/** One call of an assistant tool from VS Code's language-model tools (see server/src/assistant). */
export interface AssistantToolParams {
  name: string;
  /** The tool's input as the model gave it; the server validates it against the tool's schema. */
  input: unknown;
  /** A document or workspace folder whose settings apply. */
  scopeUri?: string;
  /** kqlHunting.workspaces as the client resolved them (local folders absolute). */
  workspaces: WorkspaceConfig[];
  runSettings: RunSettings;
  /** True only after the user confirmed a run on a workspace that reaches Azure. */
  azureConfirmed: boolean;
  token?: SealedToken;
}

export interface AssistantToolResult {
  /** The answer as JSON text, for the model. */
  text: string;
  isError: boolean;
}

export const AssistantToolRequest = new RequestType<AssistantToolParams, AssistantToolResult, void>(
  'kqlHunting/assistantTool',
);
