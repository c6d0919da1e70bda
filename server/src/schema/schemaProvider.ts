import { buildGlobalState } from './symbolBuilder';
import { builtinSchema } from './builtinSchemas';
import { mergeSchemaSources, type SchemaSource } from './schemaMerge';
import { ENVIRONMENT_IDS, type EnvironmentId, type EnvironmentSchema, type SchemaWarning } from './types';

/**
 * Hands out the engine's global state for an environment, building each one once and sharing
 * it across documents. Custom schema files and a connected workspace's live schema are merged
 * over the built-in catalogue; any change bumps `generation` and drops the built states, so the
 * next analysis binds against the new one (analyses compare globals by identity).
 */
export interface SchemaProvider {
  globalsFor(env: EnvironmentId): Kusto.Language.GlobalState;
  /** The merged schema data behind `globalsFor`, for hovers, completion and name suggestions. */
  schemaFor(env: EnvironmentId): EnvironmentSchema;
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
  private readonly built = new Map<EnvironmentId, Built>();
  private custom: readonly SchemaSource[] = [];
  private readonly live = new Map<EnvironmentId, SchemaSource>();
  private gen = 0;

  get generation(): number {
    return this.gen;
  }

  /** Replaces every custom schema file source; they apply to both environments. */
  setCustomSources(sources: readonly SchemaSource[]): void {
    this.custom = sources;
    this.changed();
  }

  /** Sets (or with undefined, clears) the schema read from a connected workspace for one environment. */
  setLiveSource(env: EnvironmentId, source: SchemaSource | undefined): void {
    if (source) this.live.set(env, source);
    else this.live.delete(env);
    this.changed();
  }

  /** The live workspace schema laid over an environment, if any. */
  liveSourceFor(env: EnvironmentId): SchemaSource | undefined {
    return this.live.get(env);
  }

  schemaFor(env: EnvironmentId): EnvironmentSchema {
    return this.entry(env).schema;
  }

  globalsFor(env: EnvironmentId): Kusto.Language.GlobalState {
    const entry = this.entry(env);
    if (!entry.globals) {
      const b = buildGlobalState(entry.schema);
      entry.globals = b.globals;
      entry.warnings.push(...b.warnings);
    }
    return entry.globals;
  }

  warnings(): readonly SchemaWarning[] {
    return ENVIRONMENT_IDS.flatMap((env) => this.built.get(env)?.warnings ?? []);
  }

  private entry(env: EnvironmentId): Built {
    let entry = this.built.get(env);
    if (!entry) {
      const live = this.live.get(env);
      // The live schema is what the workspace really has, so it goes over the files, which go over the built-in data.
      const merged = mergeSchemaSources(builtinSchema(env), [...this.custom, ...(live ? [live] : [])]);
      entry = { schema: merged.schema, warnings: merged.warnings };
      this.built.set(env, entry);
    }
    return entry;
  }

  private changed(): void {
    this.gen++;
    this.built.clear();
  }
}

/** The catalogue with no custom or live sources: the built-in environments only. */
export { CatalogueSchemaProvider as BuiltinSchemaProvider };
