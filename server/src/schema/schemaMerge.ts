import type { ColumnDef, EnvironmentSchema, FunctionDef, SchemaWarning, TableDef } from './types';

/**
 * Tables and functions from one place: a custom schema file, or a connected workspace's live
 * schema. `id` names it in warnings (a file path, or `live:<workspace>`).
 */
export interface SchemaSource {
  id: string;
  tables: TableDef[];
  functions: FunctionDef[];
  /** True for a live workspace schema, which is expected to repeat built-in tables. */
  live?: boolean;
}

/**
 * Lays sources over a base environment, in order. A table that already exists keeps its columns
 * and gains the new ones; a column declared again takes the later type, since a custom file or a
 * live workspace knows its own data better than the built-in catalogue. Names declared twice by
 * custom files get a warning saying what was merged or replaced; nothing is ever fatal.
 *
 * One case is silent: a function that carries its own query (a repository's parser) over a
 * name a schema file declared as a table or a function. A detection repository's CI declares its
 * parsers' output that way because its engine does not run them; the parser's query is the
 * better answer, and replacing the declaration is what loading the parser is for.
 */
export function mergeSchemaSources(
  base: EnvironmentSchema,
  sources: readonly SchemaSource[],
): { schema: EnvironmentSchema; warnings: SchemaWarning[] } {
  if (!sources.length) return { schema: base, warnings: [] };
  const warnings: SchemaWarning[] = [];
  const tables = new Map<string, TableDef>(base.tables.map((t) => [t.name, t]));
  const functions = new Map<string, FunctionDef>(base.functions.map((f) => [f.name, f]));
  // Which custom source first declared a name, and whether with a query, to report a second declaration.
  const declaredBy = new Map<string, { id: string; withQuery: boolean }>();
  for (const source of sources) {
    const note = (name: string, message: string, withQuery = false) => {
      const first = declaredBy.get(name);
      const supersedes = withQuery && first !== undefined && !first.withQuery;
      if (first && first.id !== source.id && !source.live && !supersedes)
        warnings.push({ source: source.id, message: `${message} (also declared in ${first.id})` });
      if (!source.live && (!first || supersedes)) declaredBy.set(name, { id: source.id, withQuery });
      return supersedes;
    };
    for (const table of source.tables) {
      note(table.name, `table ${table.name} is declared again: its columns were merged`);
      if (functions.delete(table.name))
        warnings.push({
          source: source.id,
          message: `table ${table.name} replaces the function of the same name`,
        });
      const existing = tables.get(table.name);
      tables.set(table.name, existing ? mergeTables(existing, table) : table);
    }
    for (const fn of source.functions) {
      const declaredIn = declaredBy.get(fn.name)?.id;
      const supersedes = note(
        fn.name,
        `function ${fn.name} is declared again: the later declaration replaced it`,
        fn.body !== undefined,
      );
      const table = tables.get(fn.name);
      const declaration = table ?? functions.get(fn.name);
      if (tables.delete(fn.name) && !supersedes)
        warnings.push({
          source: source.id,
          message: `function ${fn.name} replaces the table of the same name`,
        });
      functions.set(
        fn.name,
        supersedes && declaration && declaredIn
          ? { ...fn, replaced: { declaration, declaredIn, definedIn: source.id } }
          : fn,
      );
    }
  }
  return { schema: { ...base, tables: [...tables.values()], functions: [...functions.values()] }, warnings };
}

function mergeTables(existing: TableDef, added: TableDef): TableDef {
  const columns = new Map<string, ColumnDef>(existing.columns.map((c) => [c.name, c]));
  for (const c of added.columns) {
    const before = columns.get(c.name);
    // A later source without a description keeps the one we have.
    columns.set(
      c.name,
      before && !c.description && before.description ? { ...c, description: before.description } : c,
    );
  }
  return {
    ...existing,
    ...(added.description ? { description: added.description } : {}),
    columns: [...columns.values()],
  };
}
