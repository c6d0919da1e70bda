import type { InitializeParams } from 'vscode-languageserver/node';
import { toRunError } from '../connectors/runQuery';
import { fetchSchemaPayload } from '../connectors/schemaFetch';
import { RefreshSchemaRequest } from '../protocol/messages';
import type { RefreshSchemaParams, RefreshSchemaResult } from '../protocol/schemaRefresh';
import { parseWorkspaces } from '../protocol/workspaces';
import type { EnvironmentId } from '../schema/types';
import { DiskLiveSchemaCache, LiveSchemaStore, type CachedLiveSchema, type LiveSchemaCache } from '../schemaFiles/liveSchemaStore';
import type { ServerContext } from '../serverContext';
import type { HandlerModule } from './handlerModule';
import { schemaCatalogue } from './schemaHandlers';
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

let storagePath: string | undefined;

function storageFolder(params: InitializeParams | undefined): string | undefined {
  const options = params?.initializationOptions as { globalStoragePath?: unknown } | undefined;
  const folder = options?.globalStoragePath;
  return typeof folder === 'string' && folder.trim() ? folder : undefined;
}

class LiveSchemaState {
  private store: { live: LiveSchemaStore; cache: LiveSchemaCache; persisted: boolean } | undefined;
  /** Environments given a fresh schema in this session, which a slower restore must not replace. */
  private readonly refreshed = new Set<EnvironmentId>();

  constructor(private readonly ctx: ServerContext) {}

  /** Made on first use, because the storage folder is known only after initialize. */
  private get(): { live: LiveSchemaStore; cache: LiveSchemaCache; persisted: boolean } {
    if (!this.store) {
      const cache = storagePath ? new DiskLiveSchemaCache(storagePath) : new MemoryLiveSchemaCache();
      this.store = { live: new LiveSchemaStore(schemaCatalogue, cache), cache, persisted: !!storagePath };
    }
    return this.store;
  }

  /** Applies, per environment, the most recently fetched cached schema of a configured workspace. */
  async restore(): Promise<void> {
    const { live, cache, persisted } = this.get();
    if (!persisted) return;
    const config = await this.ctx.connection.workspace.getConfiguration('kqlHunting').catch(() => undefined) as { workspaces?: unknown } | undefined;
    const { workspaces } = parseWorkspaces(config?.workspaces ?? []);
    const latest = new Map<EnvironmentId, CachedLiveSchema>();
    for (const w of workspaces) {
      const entry = await cache.read(w.name);
      const current = entry && latest.get(entry.environment);
      if (entry && (!current || current.fetchedAt < entry.fetchedAt)) latest.set(entry.environment, entry);
    }
    let applied = false;
    for (const entry of latest.values()) {
      if (this.refreshed.has(entry.environment)) continue;
      const warnings = await live.restore(entry.workspace);
      for (const w of warnings ?? []) this.ctx.connection.console.warn(`live schema of ${entry.workspace}: ${w}`);
      applied = true;
    }
    if (applied) this.ctx.revalidateAll();
  }

  async refresh(params: RefreshSchemaParams, signal: AbortSignal): Promise<RefreshSchemaResult> {
    const workspaceName = params.workspace?.name ?? '';
    try {
      const { live, persisted } = this.get();
      const credential = credentialFrom(params.token);
      const fetched = await fetchSchemaPayload(params.workspace, { signal, ...(credential ? { credential } : {}) });
      const environment = fetched.environment;
      this.refreshed.add(environment);
      const conversionWarnings = await live.refresh(workspaceName, environment, fetched.kind, async () => fetched.payload);
      const schema = schemaCatalogue.liveSourceFor(environment);
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
      return { ok: false, workspaceName, error: signal.aborted && !(e instanceof Error && e.name === 'ConnectorError') ? { kind: 'timeout', message: 'The schema request was cancelled or took too long.' } : toRunError(e) };
    }
  }
}

export const liveSchemaHandlers: HandlerModule = {
  name: 'liveSchema',
  capabilities(_client, params) {
    storagePath = storageFolder(params);
    return {};
  },
  register(ctx) {
    const state = new LiveSchemaState(ctx);
    let restoring = false;
    // Configuration can be asked for only after the handshake; the first opened document comes after it.
    ctx.documents.onDidOpen(() => {
      if (restoring) return;
      restoring = true;
      void state.restore().catch((e) => ctx.connection.console.error(`live schema restore: ${e instanceof Error ? e.message : String(e)}`));
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
