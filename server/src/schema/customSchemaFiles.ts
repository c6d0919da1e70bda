import { parseLenientJson } from './lenientJson';
import { normalizeTypeName } from './typeNames';
import type { ColumnDef, FunctionDef, FunctionParameterDef, TableDef } from './types';

/**
 * Reads the schema files people keep next to their rules, in the formats Azure-Sentinel's own
 * KQL validation used: a table as `{"Name", "Properties": [{"Name", "Type"}]}` (also the Log
 * Analytics input schema and the simplified manifest, whose keys are lower case), and a function
 * as `{"FunctionName", "FunctionParameters", "FunctionResultColumns"}`. A file may also hold an
 * array of these. Keys are matched without regard to case, as the original loader did.
 */

export interface SchemaFileProblem {
  severity: 'error' | 'warning' | 'information';
  message: string;
  /** Where in the file the problem is, as a UTF-16 offset and length. */
  offset: number;
  length: number;
}

export interface ParsedSchemaFile {
  tables: TableDef[];
  functions: FunctionDef[];
  problems: SchemaFileProblem[];
}

type Json = Record<string, unknown>;

export function parseSchemaFile(text: string): ParsedSchemaFile {
  const result: ParsedSchemaFile = { tables: [], functions: [], problems: [] };
  const parsed = parseLenientJson(text);
  if (!parsed.ok) {
    result.problems.push({
      severity: 'error',
      message: `Not valid JSON: ${parsed.message}. No table or function was loaded from this file.`,
      offset: parsed.offset,
      length: 1,
    });
    return result;
  }
  const reader = new SchemaReader(text, result);
  const entries = Array.isArray(parsed.value) ? parsed.value : [parsed.value];
  entries.forEach((entry, i) => reader.entry(entry, i));
  return result;
}

/** A property of a JSON object looked up without regard to case. */
export function field(obj: Json, name: string): unknown {
  if (name in obj) return obj[name];
  const lower = name.toLowerCase();
  for (const key of Object.keys(obj)) if (key.toLowerCase() === lower) return obj[key];
  return undefined;
}

export function isObject(value: unknown): value is Json {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

function nameOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

class SchemaReader {
  constructor(
    private readonly text: string,
    private readonly result: ParsedSchemaFile,
  ) {}

  entry(entry: unknown, index: number): void {
    if (!isObject(entry)) {
      this.problem('warning', `Entry ${index + 1} is not an object and was skipped.`);
      return;
    }
    if (field(entry, 'FunctionName') !== undefined) this.functionEntry(entry);
    else if (field(entry, 'Properties') !== undefined) this.tableEntry(entry);
    else
      this.problem(
        'warning',
        `Entry ${index + 1} has neither "Name" with "Properties" (a table) nor "FunctionName" (a function), and was skipped.`,
      );
  }

  private tableEntry(entry: Json): void {
    const name = nameOf(field(entry, 'Name'));
    if (!name) {
      this.problem('warning', 'A table without a "Name" was skipped.');
      return;
    }
    const properties = field(entry, 'Properties');
    if (!Array.isArray(properties)) {
      this.problem('warning', `Table ${name}: "Properties" is not a list, so the table was skipped.`, name);
      return;
    }
    const columns = this.columns(properties, `Table ${name}`);
    if (this.result.tables.some((t) => t.name === name)) {
      this.problem(
        'warning',
        `Table ${name} is defined twice in this file; the later definition was skipped.`,
        name,
      );
      return;
    }
    this.result.tables.push({ name, columns });
  }

  private functionEntry(entry: Json): void {
    const name = nameOf(field(entry, 'FunctionName'));
    if (!name || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      this.problem('warning', `A function with a missing or invalid "FunctionName" was skipped.`, name);
      return;
    }
    const rawParams = field(entry, 'FunctionParameters') ?? [];
    const rawColumns = field(entry, 'FunctionResultColumns') ?? [];
    if (!Array.isArray(rawParams) || !Array.isArray(rawColumns)) {
      this.problem(
        'warning',
        `Function ${name}: "FunctionParameters" and "FunctionResultColumns" must be lists, so the function was skipped.`,
        name,
      );
      return;
    }
    const parameters: FunctionParameterDef[] = [];
    for (const raw of rawParams) {
      const p = isObject(raw) ? raw : {};
      const pname = nameOf(field(p, 'Name'));
      if (!pname || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(pname)) {
        this.problem('warning', `Function ${name}: a parameter without a valid "Name" was skipped.`, name);
        continue;
      }
      if (parameters.some((q) => q.name === pname)) {
        this.problem(
          'warning',
          `Function ${name}: parameter ${pname} is listed twice; the second was skipped.`,
          pname,
        );
        continue;
      }
      const type = this.type(field(p, 'Type'), `Function ${name}, parameter ${pname}`, pname);
      const required = field(p, 'IsRequired');
      // Without a default the engine would demand every argument; optional ones get a typed null.
      const optional =
        required === false || (typeof required === 'string' && required.toLowerCase() === 'false');
      parameters.push(
        optional ? { name: pname, type, defaultValue: typedNull(type) } : { name: pname, type },
      );
    }
    // Kusto requires the optional parameters to come last.
    const firstOptional = parameters.findIndex((p) => p.defaultValue !== undefined);
    if (firstOptional >= 0 && parameters.slice(firstOptional).some((p) => p.defaultValue === undefined)) {
      for (const p of parameters) p.defaultValue ??= typedNull(p.type);
    }
    const resultColumns = this.columns(rawColumns, `Function ${name}`);
    if (this.result.functions.some((f) => f.name === name)) {
      this.problem(
        'warning',
        `Function ${name} is defined twice in this file; the later definition was skipped.`,
        name,
      );
      return;
    }
    this.result.functions.push({ name, parameters, resultColumns });
  }

  private columns(raw: unknown[], owner: string): ColumnDef[] {
    const columns: ColumnDef[] = [];
    for (const item of raw) {
      const c = isObject(item) ? item : {};
      const name = nameOf(field(c, 'Name'));
      if (!name) {
        this.problem('warning', `${owner}: a column without a "Name" was skipped.`);
        continue;
      }
      if (columns.some((x) => x.name === name)) {
        this.problem('warning', `${owner}: column ${name} is listed twice; the second was skipped.`, name);
        continue;
      }
      const description = nameOf(field(c, 'Description'));
      const type = this.type(field(c, 'Type'), `${owner}, column ${name}`, name);
      columns.push(description ? { name, type, description } : { name, type });
    }
    return columns;
  }

  private type(raw: unknown, where: string, anchor: string): string {
    const type = normalizeTypeName(raw);
    if (type) return type;
    this.problem(
      'warning',
      `${where}: unknown type ${JSON.stringify(raw ?? null)}, treated as dynamic.`,
      anchor,
    );
    return 'dynamic';
  }

  private problem(severity: SchemaFileProblem['severity'], message: string, anchor?: string): void {
    // The name's first appearance as a JSON string is where a reader looks for it.
    const at = anchor ? this.text.indexOf(JSON.stringify(anchor)) : -1;
    this.result.problems.push({
      severity,
      message,
      offset: Math.max(at, 0),
      length: at >= 0 ? JSON.stringify(anchor).length : 1,
    });
  }
}

/** A constant of the type that stands for "not given", used as a parameter default. */
export function typedNull(type: string): string {
  switch (type) {
    case 'string':
      return '""';
    case 'dynamic':
      return 'dynamic(null)';
    case 'bool':
      return 'bool(null)';
    default:
      return /^[a-z]+$/.test(type) ? `${type}(null)` : 'dynamic(null)';
  }
}
