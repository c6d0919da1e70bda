import type { EnvironmentId } from '../schema/types';
import type { RunError, SealedToken } from './queryRun';
import type { WorkspaceConfig } from './workspaces';

/**
 * Payloads of `kqlHunting/refreshSchema`: the client names a workspace (as it does for a run, with
 * a sealed token) and the server fetches its live schema, lays it over the catalogue and caches it.
 */
export interface RefreshSchemaParams {
  workspace: WorkspaceConfig;
  /** An access token for the workspace, sealed like a run's (see tokenSeal.ts). */
  token?: SealedToken;
}

export type RefreshSchemaResult =
  | {
      ok: true;
      workspaceName: string;
      environment: EnvironmentId;
      tables: number;
      functions: number;
      /** When the schema was fetched, ISO 8601. */
      cachedAt: string;
      /** False when there is no storage folder and the schema lasts only until the server stops. */
      persisted: boolean;
      warnings: string[];
    }
  | { ok: false; workspaceName: string; error: RunError };

/** Payload of `kqlHunting/activeWorkspace`: the workspace unpinned documents run on, by name; none when there is none. */
export interface ActiveWorkspaceParams {
  name?: string;
}
