import { functionDescription, functionSignature } from '../language/symbolDocs';
import { toArray } from '../language/kustoEngine';
import { closestNames } from '../schema/nameSuggestions';
import type { EnvironmentSchema, FunctionDef } from '../schema/types';
import type { SchemaToolInput } from './toolInputs';

/**
 * kql_schema: what an assistant needs so that it stops inventing names. The answer is plain data
 * (turned into JSON text by the caller), small enough for a model's context: a table's columns,
 * one function's signature, or the tables, columns and functions matching some keywords.
 */
export interface SchemaAnswer {
  environment: string;
  table?: {
    name: string;
    description?: string;
    timeColumn?: string;
    columns: { name: string; type: string; description?: string }[];
  };
  function?: { name: string; signature: string; description?: string; returns?: string };
  tables?: { name: string; columns: number; description?: string }[];
  columns?: { table: string; name: string; type: string }[];
  functions?: { name: string; signature: string; description?: string }[];
  /** Said when a list was cut at the limit, or when a name was not found. */
  notes: string[];
}

const DEFAULT_LIMIT = 50;

function envFunctionSignature(f: FunctionDef): string {
  const params = f.parameters
    .map((p) => `${p.name}: ${p.type}${p.defaultValue !== undefined ? ` = ${p.defaultValue}` : ''}`)
    .join(', ');
  const result = f.resultColumns?.length
    ? ` -> (${f.resultColumns.map((c) => `${c.name}: ${c.type}`).join(', ')})`
    : '';
  return `${f.name}(${params})${result}`;
}

function matchesAll(words: readonly string[], ...texts: (string | undefined)[]): boolean {
  const hay = texts.filter(Boolean).join(' ').toLowerCase();
  return words.every((w) => hay.includes(w));
}

function cut<T>(items: T[], limit: number, what: string, notes: string[]): T[] {
  if (items.length > limit)
    notes.push(
      `${items.length} ${what} matched; showing the first ${limit} (raise limit or narrow the search).`,
    );
  return items.slice(0, limit);
}

export function describeSchema(
  input: SchemaToolInput,
  schema: EnvironmentSchema,
  globals: Kusto.Language.GlobalState,
): SchemaAnswer {
  const limit = input.limit ?? DEFAULT_LIMIT;
  const answer: SchemaAnswer = { environment: schema.id, notes: [] };
  if (input.table !== undefined) describeTable(input.table, schema, answer);
  if (input.function !== undefined) describeFunction(input.function, schema, globals, answer);
  if (input.search !== undefined) search(input.search, limit, schema, globals, answer);
  if (input.table === undefined && input.function === undefined && input.search === undefined) {
    answer.tables = cut(
      schema.tables.map((t) => ({ name: t.name, columns: t.columns.length })),
      limit,
      'tables',
      answer.notes,
    );
    answer.notes.push('Give table for its columns, function for a signature, or search for keywords.');
  }
  return answer;
}

/** A table's columns; a name that differs only in case is found, with a note that KQL names are case-sensitive. */
function describeTable(name: string, schema: EnvironmentSchema, answer: SchemaAnswer): void {
  const table =
    schema.tables.find((t) => t.name === name) ??
    schema.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
  if (!table) {
    const near = closestNames(
      name,
      schema.tables.map((t) => t.name),
    );
    answer.notes.push(
      `No table named '${name}' in ${schema.displayName}.${near.length ? ` Did you mean ${near.join(', ')}?` : ''}`,
    );
    return;
  }
  if (table.name !== name)
    answer.notes.push(`KQL names are case-sensitive: the table is '${table.name}', not '${name}'.`);
  const time =
    table.columns.find((c) => c.name === schema.timeColumn) ??
    table.columns.find((c) => c.type === 'datetime');
  answer.table = {
    name: table.name,
    ...(table.description ? { description: table.description } : {}),
    ...(time ? { timeColumn: time.name } : {}),
    columns: table.columns.map((c) => ({
      name: c.name,
      type: c.type,
      ...(c.description ? { description: c.description } : {}),
    })),
  };
}

/** An environment function's or a built-in function's signature, or the names closest to it. */
function describeFunction(
  name: string,
  schema: EnvironmentSchema,
  globals: Kusto.Language.GlobalState,
  answer: SchemaAnswer,
): void {
  const own = schema.functions.find((f) => f.name === name);
  if (own) {
    answer.function = {
      name: own.name,
      signature: envFunctionSignature(own),
      ...(own.description ? { description: own.description } : {}),
    };
    return;
  }
  const builtin = globals.GetFunction(name) ?? globals.GetAggregate(name);
  if (builtin) {
    const description = functionDescription(builtin);
    answer.function = {
      name: builtin.Name ?? name,
      signature: functionSignature(builtin),
      ...(description ? { description } : {}),
    };
    return;
  }
  const names = [
    ...schema.functions.map((f) => f.name),
    ...toArray(globals.Functions).map((f) => f.Name ?? ''),
    ...toArray(globals.Aggregates).map((f) => f.Name ?? ''),
  ];
  const near = closestNames(name, names);
  answer.notes.push(`No function named '${name}'.${near.length ? ` Did you mean ${near.join(', ')}?` : ''}`);
}

/** Tables, columns and functions whose name or description holds every word of the search. */
function search(
  text: string,
  limit: number,
  schema: EnvironmentSchema,
  globals: Kusto.Language.GlobalState,
  answer: SchemaAnswer,
): void {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  answer.tables = cut(
    schema.tables
      .filter((t) => matchesAll(words, t.name, t.description))
      .map((t) => ({
        name: t.name,
        columns: t.columns.length,
        ...(t.description ? { description: t.description } : {}),
      })),
    limit,
    'tables',
    answer.notes,
  );
  answer.columns = cut(
    schema.tables.flatMap((t) =>
      t.columns
        .filter((c) => matchesAll(words, c.name, c.description))
        .map((c) => ({ table: t.name, name: c.name, type: c.type })),
    ),
    limit,
    'columns',
    answer.notes,
  );
  const envFns = schema.functions
    .filter((f) => matchesAll(words, f.name, f.description))
    .map((f) => ({
      name: f.name,
      signature: envFunctionSignature(f),
      ...(f.description ? { description: f.description } : {}),
    }));
  const builtins = [...toArray(globals.Functions), ...toArray(globals.Aggregates)]
    .filter((f) => !f.IsHidden && matchesAll(words, f.Name ?? '', functionDescription(f)))
    .map((f) => {
      const description = functionDescription(f);
      return { name: f.Name ?? '', signature: functionSignature(f), ...(description ? { description } : {}) };
    });
  answer.functions = cut([...envFns, ...builtins], limit, 'functions', answer.notes);
}
