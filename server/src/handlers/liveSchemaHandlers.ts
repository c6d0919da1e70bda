import type { InitializeParams } from 'vscode-languageserver/node';
import { toRunError } from '../connectors/runQuery';
import { fetchSchemaPayload } from '../connectors/schemaFetch';
import { ActiveWorkspaceNotification, RefreshSchemaRequest } from '../protocol/messages';
import type { RefreshSchemaParams, RefreshSchemaResult } from '../protocol/schemaRefresh';
import { parseWorkspaces } from '../protocol/workspaces';
import {
  DiskLiveSchemaCache,
  LiveSchemaStore,
  type CachedLiveSchema,
  type LiveSchemaCache,
} from '../schemaFiles/liveSchemaStore';
import type { ServerContext } from '../serverContext';
import type { HandlerModule } from './handlerModule';
import { credentialFrom } from './sealedCredentials';

/**
 * A connected workspace's live schema: `kqlHunting/refreshSchema` fetches it with the client's
 * sealed token, lays it over the catalogue and keeps it in the folder the client names in
 * `initializationOptions.globalStoragePath`; at start the cached schemas of the configured
 * workspaces come back before any network call. Without a folder the schema lasts until the
 * server stops. The cache holds the service's answer only, never a token.
 */

/** A schema request is one call, but a large workspace answers slowly; past this it is given up. */
const FETCH_TIMEOUT_MS = 120_000;

/** Keeps schemas in memory when the client gave no storage folder. */
class MemoryLiveSchemaCache implements LiveSchemaCache {
  private readonly entries = new Map<string, CachedLiveSchema>();
  async read(workspace: string): Promise<CachedLiveSchema | undefined> {
    return this.entries.get(workspace);
  }
  async write(entry: CachedLiveSchema): Promise<void> {
    this.entries.set(entry.workspace, entry);
  }
}

function storageFolder(params: InitializeParams | undefined): string | undefined {
  const options = params?.initializationOptions as { globalStoragePath?: unknown } | undefined;
  const folder = options?.globalStoragePath;
  return typeof folder === 'string' && folder.trim() ? folder : undefined;
}

class LiveSchemaState {
  private store: { live: LiveSchemaStore; cache: LiveSchemaCache; persisted: boolean } | undefined;
  /** Workspaces given a fresh schema in this session, which a slower restore must not replace. */
  private readonly refreshed = new Set<string>();

  constructor(private readonly ctx: ServerContext) {}

  /** Made on first use, because the storage folder is known only after initialize. */
  private get(): { live: LiveSchemaStore; cache: LiveSchemaCache; persisted: boolean } {
    if (!this.store) {
      const storagePath = storageFolder(this.ctx.initializeParams());
      const cache = storagePath ? new DiskLiveSchemaCache(storagePath) : new MemoryLiveSchemaCache();
      this.store = {
        live: new LiveSchemaStore(this.ctx.parts.schemas, cache),
        cache,
        persisted: !!storagePath,
      };
    }
    return this.store;
  }

  /** Notes the first configured workspace and applies the cached schema of every configured workspace. */
  async restore(): Promise<void> {
    const { live, persisted } = this.get();
    const config = (await this.ctx.connection.workspace
      .getConfiguration('kqlHunting')
      .catch(() => undefined)) as { workspaces?: unknown } | undefined;
    const { workspaces } = parseWorkspaces(config?.workspaces ?? []);
    let changed = this.ctx.parts.documentWorkspaces.setFirstConfigured(workspaces[0]?.name);
    if (persisted) {
      for (const w of workspaces) {
        if (this.refreshed.has(w.name)) continue;
        const warnings = await live.restore(w.name);
        for (const message of warnings ?? [])
          this.ctx.connection.console.warn(`live schema of ${w.name}: ${message}`);
        changed ||= warnings !== undefined;
      }
    }
    if (changed) this.ctx.revalidateAll();
  }

  async refresh(params: RefreshSchemaParams, signal: AbortSignal): Promise<RefreshSchemaResult> {
    const workspaceName = params.workspace?.name ?? '';
    try {
      const { live, persisted } = this.get();
      const credential = credentialFrom(params.token);
      const fetched = await fetchSchemaPayload(params.workspace, {
        signal,
        ...(credential ? { credential } : {}),
      });
      const environment = fetched.environment;
      this.refreshed.add(workspaceName);
      const conversionWarnings = await live.refresh(
        workspaceName,
        environment,
        fetched.kind,
        async () => fetched.payload,
      );
      const schema = this.ctx.parts.schemas.liveSourceFor(workspaceName);
      this.ctx.revalidateAll();
      return {
        ok: true,
        workspaceName,
        environment,
        tables: schema?.tables?.length ?? 0,
        functions: schema?.functions?.length ?? 0,
        cachedAt: new Date().toISOString(),
        persisted,
        warnings: conversionWarnings,
      };
    } catch (e) {
      return {
        ok: false,
        workspaceName,
        error:
          signal.aborted && !(e instanceof Error && e.name === 'ConnectorError')
            ? { kind: 'timeout', message: 'The schema request was cancelled or took too long.' }
            : toRunError(e),
      };
    }
  }
}

export const liveSchemaHandlers: HandlerModule = {
  name: 'liveSchema',
  capabilities: () => ({}),
  register(ctx) {
    const state = new LiveSchemaState(ctx);
    let restoring = false;
    // Configuration can be asked for only after the handshake; the first opened document comes after it.
    ctx.documents.onDidOpen(() => {
      if (restoring) return;
      restoring = true;
      void state
        .restore()
        .catch((e) =>
          ctx.connection.console.error(`live schema restore: ${e instanceof Error ? e.message : String(e)}`),
        );
    });
    ctx.connection.onNotification(ActiveWorkspaceNotification, (params) => {
      if (
        ctx.parts.documentWorkspaces.setActive(
          typeof params?.name === 'string' && params.name ? params.name : undefined,
        )
      )
        ctx.revalidateAll();
    });
    ctx.connection.onRequest(RefreshSchemaRequest, async (params, token) => {
      const controller = new AbortController();
      const subscription = token.onCancellationRequested(() => controller.abort());
      const timer = setTimeout(() => controller.abort(), FETCH_TIMEOUT_MS);
      try {
        return await state.refresh(params, controller.signal);
      } finally {
        clearTimeout(timer);
        subscription.dispose();
      }
    });
  },
};
