import type { EnvironmentSchema } from '../schema/types';
import type { Table } from './table';
import { ExternalDatetime, fromExternal, toKqlType, type Column, type KqlType, type Row } from './values';

/**
 * A local workspace: named in-memory tables typed by the schema catalogue. It is built from
 * plain rows (objects keyed by column name, as read from NDJSON, JSON or CSV) so that the same
 * code serves the folder loader, detection tests and unit tests.
 */
export interface LocalWorkspace {
  /** A display name, usually the folder's name. */
  readonly name: string;
  readonly tables: ReadonlyMap<string, Table>;
  /** now() pinned by the workspace's manifest, in UTC milliseconds, if any. */
  readonly now?: number;
  /** Problems met while building the workspace (unknown columns, unparseable values); never fatal. */
  readonly warnings: readonly string[];
  /** Sentinel watchlists by alias, for _GetWatchlist('alias'). */
  readonly watchlists?: ReadonlyMap<string, Watchlist>;
  /** The text of each URL that externaldata may read, as the host read it from a mapped file. */
  readonly externalData?: ReadonlyMap<string, string>;
}

/** A watchlist's items as its CSV gives them, and the column Sentinel indexes as SearchKey. */
export interface Watchlist {
  readonly columns: readonly string[];
  readonly searchKey: string;
  readonly items: readonly Record<string, unknown>[];
}

export interface WorkspaceInput {
  name?: string;
  /**
   * Rows per table, each row an object keyed by column name. A table may come as an iterable:
   * a table the schema types is then read through once, so that a large file's row objects
   * never all exist at once (the first rows are enough to plan its columns).
   */
  tables: Record<string, Iterable<Record<string, unknown>>>;
  /** Types the columns; tables it does not know are typed from their values. */
  schema?: EnvironmentSchema;
  /** Column types for tables the schema lacks, or to override it (`{ T: { a: 'long' } }`). */
  columnTypes?: Record<string, Record<string, string>>;
  now?: number;
  /** Adds every schema table the input lacks as an empty table, so queries over them return no rows. */
  includeEmptySchemaTables?: boolean;
  watchlists?: Record<string, Watchlist>;
  externalData?: Record<string, string>;
}

/** Guesses a column's type from its values when no schema names it. */
function inferType(values: unknown[]): KqlType {
  let type: KqlType | undefined;
  for (const v of values) {
    if (v === null || v === undefined || v === '') continue;
    const t: KqlType =
      v instanceof ExternalDatetime
        ? 'datetime'
        : typeof v === 'boolean'
          ? 'bool'
          : typeof v === 'number'
            ? Number.isInteger(v)
              ? 'long'
              : 'real'
            : typeof v === 'object'
              ? 'dynamic'
              : /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(String(v))
                ? 'datetime'
                : 'string';
    if (type === undefined) type = t;
    else if (type !== t)
      type = type === 'long' && t === 'real' ? 'real' : type === 'real' && t === 'long' ? 'real' : 'string';
  }
  return type ?? 'string';
}

/** How many rows are read to plan a table: its spellings, its extra columns, its inferred types. */
const PLANNING_ROWS = 1000;

function takeRows(rows: Iterator<Record<string, unknown>>, count: number): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  while (out.length < count) {
    const next = rows.next();
    if (next.done) break;
    out.push(next.value);
  }
  return out;
}

export function createWorkspace(input: WorkspaceInput): LocalWorkspace {
  const warnings: string[] = [];
  const tables = new Map<string, Table>();
  const schemaTables = new Map((input.schema?.tables ?? []).map((t) => [t.name, t]));
  const timeColumns = ['Timestamp', 'TimeGenerated'];
  const intern = new Map<string, string>();

  for (const [name, source] of Object.entries(input.tables)) {
    const def = schemaTables.get(name);
    const overrides = input.columnTypes?.[name] ?? {};
    const pending = source[Symbol.iterator]();
    // A table without a schema takes its column names from every row, so it is read whole first.
    const raw = takeRows(pending, def ? PLANNING_ROWS : Infinity);
    let columns: Column[];
    if (def) {
      columns = def.columns.map((c) => ({ name: c.name, type: toKqlType(overrides[c.name] ?? c.type) }));
      // Names read under another spelling or as the other time column (below) are not ignored.
      const known = new Set(columns.map((c) => c.name.toLowerCase()));
      if (known.has('timestamp') || known.has('timegenerated')) known.add('timestamp').add('timegenerated');
      const extra = new Set<string>();
      for (const row of raw.slice(0, PLANNING_ROWS))
        for (const k of Object.keys(row)) if (!known.has(k.toLowerCase())) extra.add(k);
      if (extra.size)
        warnings.push(`${name}: columns not in the schema were ignored: ${[...extra].join(', ')}`);
    } else {
      const names: string[] = Object.keys(overrides);
      const seen = new Set<string>(names);
      for (const row of raw)
        for (const k of Object.keys(row))
          if (!seen.has(k)) {
            seen.add(k);
            names.push(k);
          }
      columns = names.map((n) => ({
        name: n,
        type: overrides[n]
          ? toKqlType(overrides[n])
          : inferType(raw.slice(0, PLANNING_ROWS).map((r) => r[n])),
      }));
      if (input.schema)
        warnings.push(
          `${name}: not in the ${input.schema.displayName} schema; column types were inferred from the data`,
        );
    }
    // The same rows serve both shapes of a table (Defender XDR's and Sentinel's, see dataShapes in
    // README): the two time columns name the same instant, so either fills the other; a column the
    // two schemas spell in another case (Isp, ISP) is read under either spelling; and Log
    // Analytics' Type column holds the table's name.
    const byLowerName = new Map<string, string>();
    for (const row of raw.slice(0, PLANNING_ROWS))
      for (const k of Object.keys(row))
        if (!byLowerName.has(k.toLowerCase())) byLowerName.set(k.toLowerCase(), k);
    const fillType = input.schema?.id === 'sentinel' && def !== undefined && !byLowerName.has('type');
    // Where each column's value is looked for, worked out once per table rather than once per cell.
    const sources = columns.map((c) => {
      const keys = [c.name];
      if (timeColumns.includes(c.name)) keys.push(timeColumns.find((t) => t !== c.name)!);
      const other = def ? byLowerName.get(c.name.toLowerCase()) : undefined;
      if (other !== undefined && other !== c.name) keys.push(other);
      // A value no key gives: the table's name for a filled Type column, else the type's missing value.
      const fill = fillType && c.name === 'Type' ? name : undefined;
      return { keys, type: c.type, missing: fromExternal(fill, c.type) };
    });
    const width = columns.length;
    let bad = 0;
    const convert = (obj: Record<string, unknown>): Row => {
      const row: Row = new Array<unknown>(width);
      for (let i = 0; i < width; i++) {
        const source = sources[i];
        const keys = source.keys;
        let v = obj[keys[0]];
        for (let k = 1; v === undefined && k < keys.length; k++) v = obj[keys[k]];
        if (v === undefined) {
          row[i] = source.missing;
          continue;
        }
        let converted = fromExternal(v, source.type);
        if (converted === null && v !== null && v !== '') bad++;
        if (typeof converted === 'string' && converted.length < 64) {
          // Sample data repeats the same device names, paths and companies; sharing them saves memory.
          const shared = intern.get(converted);
          if (shared !== undefined) converted = shared;
          else if (intern.size < 200_000) intern.set(converted, converted);
        }
        row[i] = converted;
      }
      return row;
    };
    const rows: Row[] = [];
    try {
      for (const obj of raw) rows.push(convert(obj));
      for (let next = pending.next(); !next.done; next = pending.next()) rows.push(convert(next.value));
    } finally {
      pending.return?.();
    }
    if (bad) warnings.push(`${name}: ${bad} values did not match their column type and were read as null`);
    tables.set(name, { columns, rows });
  }
  if (input.includeEmptySchemaTables && input.schema) {
    for (const t of input.schema.tables) {
      if (!tables.has(t.name))
        tables.set(t.name, {
          columns: t.columns.map((c) => ({ name: c.name, type: toKqlType(c.type) })),
          rows: [],
        });
    }
  }
  const watchlists = new Map(Object.entries(input.watchlists ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const externalData = new Map(Object.entries(input.externalData ?? {}));
  return { name: input.name ?? 'workspace', tables, now: input.now, warnings, watchlists, externalData };
}
