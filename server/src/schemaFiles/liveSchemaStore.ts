import { createHash } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { fromHuntingSchema, fromLogAnalyticsMetadata } from '../schema/liveSchema';
import type { CatalogueSchemaProvider } from '../schema/schemaProvider';
import type { EnvironmentId } from '../schema/types';

/**
 * The live schema of a connected workspace: fetched by a connector, converted by the pure
 * schema/liveSchema.ts, laid over the catalogue, and kept on disk so that the next start has it
 * before any network call. The connectors (issue 8) call `refresh` from their refresh command.
 */

/** Which API a payload came from, and so how it is converted. */
export type LiveSchemaKind = 'logAnalyticsMetadata' | 'graphHuntingSchema';

export interface CachedLiveSchema {
  kind: LiveSchemaKind;
  environment: EnvironmentId;
  /** The workspace or tenant the schema belongs to, for messages. */
  workspace: string;
  fetchedAt: string;
  /** The raw response, kept as received so that a better conversion applies to old caches too. */
  payload: unknown;
}

/** Where cached schemas live; a folder on disk in the server, a map in tests. */
export interface LiveSchemaCache {
  read(workspace: string): Promise<CachedLiveSchema | undefined>;
  write(entry: CachedLiveSchema): Promise<void>;
}

export class DiskLiveSchemaCache implements LiveSchemaCache {
  /** `dir` is the extension's global storage folder (or any folder the host chooses). */
  constructor(private readonly dir: string) {}

  private fileFor(workspace: string): string {
    return path.join(
      this.dir,
      `live-schema-${createHash('sha256').update(workspace).digest('hex').slice(0, 16)}.json`,
    );
  }

  async read(workspace: string): Promise<CachedLiveSchema | undefined> {
    try {
      const entry = JSON.parse(await fs.readFile(this.fileFor(workspace), 'utf8')) as CachedLiveSchema;
      return entry.workspace === workspace ? entry : undefined;
    } catch {
      // No cache yet, or a damaged one: either way the next refresh writes a fresh file.
      return undefined;
    }
  }

  async write(entry: CachedLiveSchema): Promise<void> {
    await fs.mkdir(this.dir, { recursive: true });
    const file = this.fileFor(entry.workspace);
    await fs.writeFile(`${file}.tmp`, JSON.stringify(entry));
    await fs.rename(`${file}.tmp`, file);
  }
}

export class LiveSchemaStore {
  constructor(
    private readonly catalogue: CatalogueSchemaProvider,
    private readonly cache: LiveSchemaCache,
  ) {}

  /** Applies a cached schema, if there is one; returns the conversion's warnings. */
  async restore(workspace: string): Promise<string[] | undefined> {
    const entry = await this.cache.read(workspace);
    return entry ? this.apply(entry) : undefined;
  }

  /**
   * Fetches the schema with `fetch` (the connector's call), applies it and caches it. A failed
   * fetch leaves the current schema and the cache as they were, and rejects with the error.
   */
  async refresh(
    workspace: string,
    environment: EnvironmentId,
    kind: LiveSchemaKind,
    fetch: () => Promise<unknown>,
  ): Promise<string[]> {
    const payload = await fetch();
    const entry: CachedLiveSchema = {
      kind,
      environment,
      workspace,
      fetchedAt: new Date().toISOString(),
      payload,
    };
    const warnings = this.apply(entry);
    await this.cache.write(entry);
    return warnings;
  }

  private apply(entry: CachedLiveSchema): string[] {
    const id = `live:${entry.workspace}`;
    const converted =
      entry.kind === 'logAnalyticsMetadata'
        ? fromLogAnalyticsMetadata(entry.payload, id)
        : fromHuntingSchema(entry.payload, id);
    this.catalogue.setLiveSource(entry.workspace, entry.environment, converted.source);
    return converted.warnings;
  }
}
