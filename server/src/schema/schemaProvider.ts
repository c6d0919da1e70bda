import { buildGlobalState, type BuiltSchema } from './symbolBuilder';
import { builtinSchema } from './builtinSchemas';
import type { EnvironmentId, SchemaWarning } from './types';

/**
 * Hands out the engine's global state for an environment, building each one once and sharing
 * it across documents. Later sources (custom schema files, a live workspace) change the
 * generation so that analyses made with an older state are redone.
 */
export interface SchemaProvider {
  globalsFor(env: EnvironmentId): Kusto.Language.GlobalState;
  warnings(): readonly SchemaWarning[];
}

export class BuiltinSchemaProvider implements SchemaProvider {
  private readonly built = new Map<EnvironmentId, BuiltSchema>();

  globalsFor(env: EnvironmentId): Kusto.Language.GlobalState {
    let b = this.built.get(env);
    if (!b) {
      b = buildGlobalState(builtinSchema(env));
      this.built.set(env, b);
    }
    return b.globals;
  }

  warnings(): readonly SchemaWarning[] {
    return [...this.built.values()].flatMap((b) => b.warnings);
  }
}
