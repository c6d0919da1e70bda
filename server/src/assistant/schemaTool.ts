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
  if (input.table !== undefined) {
    const table =
      schema.tables.find((t) => t.name === input.table) ??
      schema.tables.find((t) => t.name.toLowerCase() === input.table!.toLowerCase());
    if (!table) {
      const near = closestNames(
        input.table,
        schema.tables.map((t) => t.name),
      );
      answer.notes.push(
        `No table named '${input.table}' in ${schema.displayName}.${near.length ? ` Did you mean ${near.join(', ')}?` : ''}`,
      );
    } else {
      if (table.name !== input.table)
        answer.notes.push(
          `KQL names are case-sensitive: the table is '${table.name}', not '${input.table}'.`,
        );
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
  }
  if (input.function !== undefined) {
    const own = schema.functions.find((f) => f.name === input.function);
    const builtin = own
      ? undefined
      : (globals.GetFunction(input.function) ?? globals.GetAggregate(input.function));
    if (own)
      answer.function = {
        name: own.name,
        signature: envFunctionSignature(own),
        ...(own.description ? { description: own.description } : {}),
      };
    else if (builtin) {
      const description = functionDescription(builtin);
      answer.function = {
        name: builtin.Name ?? input.function,
        signature: functionSignature(builtin),
        ...(description ? { description } : {}),
      };
    } else {
      const names = [
        ...schema.functions.map((f) => f.name),
        ...toArray(globals.Functions).map((f) => f.Name ?? ''),
        ...toArray(globals.Aggregates).map((f) => f.Name ?? ''),
      ];
      const near = closestNames(input.function, names);
      answer.notes.push(
        `No function named '${input.function}'.${near.length ? ` Did you mean ${near.join(', ')}?` : ''}`,
      );
    }
  }
  if (input.search !== undefined) {
    const words = input.search.toLowerCase().split(/\s+/).filter(Boolean);
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
      .map((f) => ({
        name: f.Name ?? '',
        signature: functionSignature(f),
        ...(functionDescription(f) ? { description: functionDescription(f)! } : {}),
      }));
    answer.functions = cut([...envFns, ...builtins], limit, 'functions', answer.notes);
  }
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
