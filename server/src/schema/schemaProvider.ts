import { findBrokenParsers, withBrokenParsersReplaced, type BrokenParsers } from './brokenParsers';
import { buildGlobalState, type BuiltSchema } from './symbolBuilder';
import { builtinSchema } from './builtinSchemas';
import { mergeSchemaSources, type SchemaSource } from './schemaMerge';
import { ENVIRONMENT_IDS, type EnvironmentId, type EnvironmentSchema, type SchemaWarning } from './types';

/**
 * Hands out the engine's global state for an environment, building each one once and sharing
 * it across documents. Custom schema files are merged over the built-in catalogue, and a
 * connected workspace's live schema over those, for the documents that run on that workspace
 * (each workspace has its own, so two Sentinel workspaces do not replace each other). Any change
 * bumps `generation` and drops the built states, so the next analysis binds against the new one
 * (analyses compare globals by identity).
 */
export interface SchemaProvider {
  /** `liveWorkspace` names the workspace a document runs on; its live schema applies when it has one for `env`. */
  globalsFor(env: EnvironmentId, liveWorkspace?: string): Kusto.Language.GlobalState;
  /** The merged schema data behind `globalsFor`, for hovers, completion and name suggestions. */
  schemaFor(env: EnvironmentId, liveWorkspace?: string): EnvironmentSchema;
  warnings(): readonly SchemaWarning[];
  /** Increases on every change of a source. */
  readonly generation: number;
}

interface Built {
  schema: EnvironmentSchema;
  globals?: Kusto.Language.GlobalState;
  warnings: SchemaWarning[];
}

export class CatalogueSchemaProvider implements SchemaProvider {
  /** Keyed by environment, or by environment and workspace where that workspace has a live schema. */
  private readonly built = new Map<string, Built>();
  private custom: readonly SchemaSource[] = [];
  private readonly live = new Map<string, { env: EnvironmentId; source: SchemaSource }>();
  private gen = 0;
  private broken: BrokenParsers | undefined;

  get generation(): number {
    return this.gen;
  }

  /**
   * Replaces every custom schema file source; they apply to both environments. `broken` is what
   * `brokenParsers()` said of the same sources, when another catalogue already found out.
   */
  setCustomSources(sources: readonly SchemaSource[], broken?: BrokenParsers): void {
    this.custom = sources;
    this.changed();
    this.broken = broken;
  }

  /** The repository parsers that gave way to a declaration (brokenParsers.ts), found when Sentinel's state is built. */
  brokenParsers(): BrokenParsers {
    this.globalsFor('sentinel');
    return this.broken ?? {};
  }

  /** Sets the schema read from a connected workspace, which belongs to one environment. */
  setLiveSource(workspace: string, env: EnvironmentId, source: SchemaSource): void {
    this.live.set(workspace, { env, source });
    this.changed();
  }

  /** A workspace's live schema, if it has one. */
  liveSourceFor(workspace: string): SchemaSource | undefined {
    return this.live.get(workspace)?.source;
  }

  schemaFor(env: EnvironmentId, liveWorkspace?: string): EnvironmentSchema {
    // Building the state settles which parsers gave way, which the schema data must show too.
    this.globalsFor(env, liveWorkspace);
    return this.entry(env, liveWorkspace).schema;
  }

  globalsFor(env: EnvironmentId, liveWorkspace?: string): Kusto.Language.GlobalState {
    const entry = this.entry(env, liveWorkspace);
    if (entry.globals) return entry.globals;
    // The repository's CI checks its rules against Sentinel; that is where the fallback is
    // parity, and binding the parsers costs a few seconds, so Defender keeps KS512.
    const fallback = env === 'sentinel' && this.custom.length > 0;
    // A live schema may hold what a parser reads, so its verdict is its own.
    const live = liveWorkspace !== undefined && this.live.get(liveWorkspace)?.env === env;
    const known = fallback && !live ? this.broken : undefined;
    let b: BuiltSchema | undefined;
    let broken = known;
    if (fallback && !broken) {
      b = buildGlobalState(entry.schema);
      broken = findBrokenParsers(entry.schema, b.globals);
      if (!live) this.broken = broken;
    }
    const replaced = broken ? withBrokenParsersReplaced(entry.schema, broken) : undefined;
    if (replaced) {
      // Built (again) without the parsers that do not bind; type warnings are the same both times.
      entry.schema = replaced.schema;
      entry.warnings.push(...replaced.warnings);
      b = undefined;
    }
    b ??= buildGlobalState(entry.schema);
    entry.globals = b.globals;
    entry.warnings.push(...b.warnings);
    return entry.globals;
  }

  /** The warnings of the environments without a live schema: those are about the files, which every document shares. */
  warnings(): readonly SchemaWarning[] {
    return ENVIRONMENT_IDS.flatMap((env) => this.built.get(env)?.warnings ?? []);
  }

  private entry(env: EnvironmentId, liveWorkspace: string | undefined): Built {
    const live = liveWorkspace === undefined ? undefined : this.live.get(liveWorkspace);
    const applies = live?.env === env;
    const key = applies ? `${env}\u0000${liveWorkspace}` : env;
    let entry = this.built.get(key);
    if (!entry) {
      // The live schema is what the workspace really has, so it goes over the files, which go over the built-in data.
      const merged = mergeSchemaSources(builtinSchema(env), [
        ...this.custom,
        ...(applies ? [live.source] : []),
      ]);
      entry = { schema: merged.schema, warnings: merged.warnings };
      this.built.set(key, entry);
    }
    return entry;
  }

  private changed(): void {
    this.gen++;
    this.built.clear();
    this.broken = undefined;
  }
}

/** The catalogue with no custom or live sources: the built-in environments only. */
export { CatalogueSchemaProvider as BuiltinSchemaProvider };
