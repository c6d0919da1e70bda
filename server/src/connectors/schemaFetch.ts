import type { TokenCredential } from '@azure/core-auth';
import type { EnvironmentId } from '../schema/types';
import type { LiveSchemaKind } from '../schemaFiles/liveSchemaStore';
import type { WorkspaceConfig } from '../protocol/workspaces';
import { defaultAzureCredential } from './credentials';
import type { ConnectorTransport } from './transport';
import { ConnectorError } from './types';

/**
 * Fetches a connected workspace's schema as its API returns it; schema/liveSchema.ts converts it.
 * Log Analytics (and so Sentinel) answers with its metadata endpoint, Defender XDR with Graph
 * getHuntingSchema. Azure Data Explorer and local folders have no live schema yet: an ADX
 * database is not one of the checking environments, and a local folder's tables are test data,
 * not the schema the queries are written against.
 */
export interface SchemaFetchOptions {
  /** A token source; DefaultAzureCredential when absent. */
  credential?: TokenCredential;
  transport?: ConnectorTransport;
  signal: AbortSignal;
}

export interface FetchedSchema {
  kind: LiveSchemaKind;
  /** The checking environment the schema belongs to. */
  environment: EnvironmentId;
  payload: unknown;
}

export async function fetchSchemaPayload(
  workspace: WorkspaceConfig,
  options: SchemaFetchOptions,
): Promise<FetchedSchema> {
  if (workspace.kind === 'adx' || workspace.kind === 'local') {
    throw new ConnectorError(
      'unsupported',
      `Workspace "${workspace.name}" is ${workspace.kind === 'adx' ? 'an Azure Data Explorer database' : 'a local folder'}; only Log Analytics (Sentinel) and Defender XDR workspaces have a live schema.`,
    );
  }
  const credential = options.credential ?? (await defaultAzureCredential(workspace.tenantId));
  if (workspace.kind === 'logAnalytics') {
    const { LogAnalyticsConnector } = await import('./logAnalyticsConnector.js');
    const payload = await new LogAnalyticsConnector(
      workspace,
      credential,
      options.transport,
    ).fetchSchemaPayload(options.signal);
    return { kind: 'logAnalyticsMetadata', environment: 'sentinel', payload };
  }
  const { DefenderConnector } = await import('./defenderConnector.js');
  const payload = await new DefenderConnector(workspace, credential, options.transport).fetchSchemaPayload(
    options.signal,
  );
  return { kind: 'graphHuntingSchema', environment: 'defender', payload };
}
