import { field, isObject, typedNull } from './customSchemaFiles';
import type { SchemaSource } from './schemaMerge';
import { normalizeTypeName } from './typeNames';
import type { ColumnDef, FunctionDef, FunctionParameterDef, TableDef } from './types';

/**
 * Turns a connected workspace's schema, as its API returns it, into a schema source that the
 * catalogue lays over the built-in data: the Log Analytics metadata endpoint
 * (`GET /v1/workspaces/{id}/metadata`, lower-case Kusto type names under `type`) and Microsoft
 * Graph `security/getHuntingSchema` (.NET type names under `dataType`, functions split into
 * built-in and saved). Keys are matched without regard to case; anything unusable is skipped
 * with a warning rather than failing the whole payload.
 */
export interface LiveSchemaConversion {
  source: SchemaSource;
  warnings: string[];
}

export function fromLogAnalyticsMetadata(payload: unknown, id: string): LiveSchemaConversion {
  const warnings: string[] = [];
  const root = isObject(payload) ? payload : {};
  if (!isObject(payload)) warnings.push('The metadata response is not a JSON object; nothing was loaded.');
  const tables = list(field(root, 'tables')).flatMap((t) => table(t, 'type', warnings));
  const functions = list(field(root, 'functions')).flatMap((f): FunctionDef[] => {
    const name = nameOf(isObject(f) ? field(f, 'name') : undefined);
    const body = isObject(f) ? field(f, 'body') : undefined;
    if (!name || typeof body !== 'string') {
      warnings.push(`A function without a valid name or body was skipped${name ? ` (${name})` : ''}.`);
      return [];
    }
    const parameters = parseParameterList(isObject(f) ? field(f, 'parameters') : undefined, name, warnings);
    const description =
      nameOf(field(f as Record<string, unknown>, 'description')) ??
      nameOf(field(f as Record<string, unknown>, 'displayName'));
    return [{ name, parameters, body: `{ ${body} }`, ...(description ? { description } : {}) }];
  });
  return { source: { id, live: true, tables, functions }, warnings };
}

export function fromHuntingSchema(payload: unknown, id: string): LiveSchemaConversion {
  const warnings: string[] = [];
  const root = isObject(payload) ? payload : {};
  if (!isObject(payload))
    warnings.push('The hunting schema response is not a JSON object; nothing was loaded.');
  const tables = list(field(root, 'tables')).flatMap((t) => table(t, 'dataType', warnings));
  const fnRoot = field(root, 'functions');
  const fnLists = isObject(fnRoot)
    ? [field(fnRoot, 'builtInFunctions'), field(fnRoot, 'savedFunctions')]
    : [fnRoot];
  const functions = fnLists.flatMap(list).flatMap((f): FunctionDef[] => {
    const name = nameOf(isObject(f) ? field(f, 'name') : undefined);
    if (!name || !isObject(f)) {
      warnings.push('A function without a name was skipped.');
      return [];
    }
    const parameters = list(field(f, 'inputParameters')).flatMap((p): FunctionParameterDef[] => {
      const pname = nameOf(isObject(p) ? field(p, 'name') : undefined);
      if (!pname || !isObject(p)) return [];
      const type = typeOf(
        field(p, 'cslType') ?? field(p, 'type') ?? field(p, 'dataType'),
        `${name}(${pname})`,
        warnings,
      );
      const dflt = field(p, 'defaultValue');
      return [
        dflt === null || dflt === undefined
          ? { name: pname, type }
          : {
              name: pname,
              type,
              defaultValue:
                typeof dflt === 'string' && type === 'string' ? JSON.stringify(dflt) : String(dflt),
            },
      ];
    });
    // Kusto wants optional parameters last; a required one after an optional one makes all optional.
    const firstOptional = parameters.findIndex((p) => p.defaultValue !== undefined);
    if (firstOptional >= 0)
      for (const p of parameters.slice(firstOptional)) p.defaultValue ??= typedNull(p.type);
    const resultColumns = columns(field(f, 'outputColumns'), 'dataType', name, warnings);
    const description = nameOf(field(f, 'description')) ?? nameOf(field(f, 'documentation'));
    return [{ name, parameters, resultColumns, ...(description ? { description } : {}) }];
  });
  return { source: { id, live: true, tables, functions }, warnings };
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function nameOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function typeOf(raw: unknown, where: string, warnings: string[]): string {
  const type = normalizeTypeName(raw);
  if (type) return type;
  warnings.push(`${where}: unknown type ${JSON.stringify(raw ?? null)}, treated as dynamic.`);
  return 'dynamic';
}

function table(raw: unknown, typeKey: string, warnings: string[]): TableDef[] {
  const name = nameOf(isObject(raw) ? field(raw, 'name') : undefined);
  if (!name || !isObject(raw)) {
    warnings.push('A table without a name was skipped.');
    return [];
  }
  const description = nameOf(field(raw, 'description'));
  return [
    {
      name,
      columns: columns(field(raw, 'columns'), typeKey, name, warnings),
      ...(description ? { description } : {}),
    },
  ];
}

function columns(raw: unknown, typeKey: string, owner: string, warnings: string[]): ColumnDef[] {
  const out: ColumnDef[] = [];
  for (const c of list(raw)) {
    const name = nameOf(isObject(c) ? field(c, 'name') : undefined);
    if (!name || !isObject(c) || out.some((x) => x.name === name)) continue;
    // Each API has its own key for the type; accept the other's too.
    const type = typeOf(
      field(c, typeKey) ?? field(c, typeKey === 'type' ? 'dataType' : 'type'),
      `${owner}.${name}`,
      warnings,
    );
    const description = nameOf(field(c, 'description'));
    out.push(description ? { name, type, description } : { name, type });
  }
  return out;
}

/** Parses `(a:string, b:int = 5)` as saved functions may list their parameters. */
function parseParameterList(raw: unknown, fn: string, warnings: string[]): FunctionParameterDef[] {
  if (typeof raw !== 'string' || !raw.trim()) return [];
  const text = raw.trim().replace(/^\(/, '').replace(/\)$/, '');
  return text.split(',').flatMap((part): FunctionParameterDef[] => {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*:\s*([A-Za-z]+)\s*(?:=\s*(.+?))?\s*$/.exec(part);
    if (!m) {
      warnings.push(`${fn}: parameter "${part.trim()}" was not understood and was skipped.`);
      return [];
    }
    const type = typeOf(m[2], `${fn}(${m[1]})`, warnings);
    return [m[3] ? { name: m[1], type, defaultValue: m[3] } : { name: m[1], type }];
  });
}
