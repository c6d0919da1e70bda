import type { QueryResultSet, ResultColumn, ResultTable } from '../protocol/queryRun';

/**
 * Conversions into the one result shape (the Log Analytics one): lowercase Kusto type names,
 * positional rows, datetimes as ISO strings.
 */

const TYPE_NAMES: Record<string, string> = {
  string: 'string',
  datetime: 'datetime',
  date: 'datetime',
  int64: 'long',
  long: 'long',
  bigint: 'long',
  int32: 'int',
  int: 'int',
  integer: 'int',
  sbyte: 'int',
  int16: 'int',
  byte: 'int',
  boolean: 'bool',
  bool: 'bool',
  double: 'real',
  real: 'real',
  float: 'real',
  single: 'real',
  object: 'dynamic',
  dynamic: 'dynamic',
  guid: 'guid',
  uniqueid: 'guid',
  timespan: 'timespan',
  time: 'timespan',
  decimal: 'decimal',
  sqldecimal: 'decimal',
};

/** A Kusto type name for the names services use (`DateTime`, `Int64`, `System.String`, `long`). */
export function kustoTypeName(raw: unknown): string {
  if (typeof raw !== 'string') return 'string';
  const key = raw
    .trim()
    .replace(/^System\./i, '')
    .toLowerCase();
  return TYPE_NAMES[key] ?? key;
}

/** A cell as JSON: Date objects (the Log Analytics SDK makes them) become ISO strings. */
export function cellToJson(value: unknown): unknown {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  return value === undefined ? null : value;
}

function readKey(obj: Record<string, unknown>, key: string): unknown {
  if (key in obj) return obj[key];
  const lower = key.toLowerCase();
  const found = Object.keys(obj).find((k) => k.toLowerCase() === lower);
  return found === undefined ? undefined : obj[found];
}

/**
 * A table from a schema list and rows keyed by column name, as Graph `runHuntingQuery` answers.
 * Keys of the schema entries are read case-insensitively: the documentation shows both `name`
 * and `Name`.
 */
export function tableFromObjectRows(name: string, schema: unknown, rows: unknown): ResultTable {
  const columns: ResultColumn[] = (Array.isArray(schema) ? schema : []).flatMap((entry): ResultColumn[] => {
    if (!entry || typeof entry !== 'object') return [];
    const colName = readKey(entry as Record<string, unknown>, 'name');
    if (typeof colName !== 'string') return [];
    return [{ name: colName, type: kustoTypeName(readKey(entry as Record<string, unknown>, 'type')) }];
  });
  const list = Array.isArray(rows) ? rows : [];
  // A result without a schema still shows its data: take the columns from the first row.
  if (columns.length === 0 && list[0] && typeof list[0] === 'object') {
    for (const key of Object.keys(list[0] as object)) columns.push({ name: key, type: 'string' });
  }
  return {
    name,
    columns,
    rows: list.map((row) => {
      const obj = row && typeof row === 'object' ? (row as Record<string, unknown>) : {};
      return columns.map((c) => cellToJson(c.name in obj ? obj[c.name] : readKey(obj, c.name)));
    }),
  };
}

/** Keeps at most `rowLimit` rows per table; reports the counts before the cut. */
export function applyRowLimit(
  result: QueryResultSet,
  rowLimit: number,
): { result: QueryResultSet; rowCounts: number[]; truncated: boolean } {
  const rowCounts = result.tables.map((t) => t.rows.length);
  const truncated = rowCounts.some((n) => n > rowLimit);
  if (!truncated) return { result, rowCounts, truncated };
  return {
    result: { ...result, tables: result.tables.map((t) => ({ ...t, rows: t.rows.slice(0, rowLimit) })) },
    rowCounts,
    truncated,
  };
}

const RENDER =
  /\|\s*render\s+(timechart|barchart|columnchart|piechart|areachart|linechart|scatterchart|anomalychart|table|card|stackedareachart|ladderchart|pivotchart|timepivot|treemap)\b([^|]*)$/i;

/**
 * The chart a query asks for with a trailing `render`, read from the text because not every
 * service reports it (Graph does not, Log Analytics only when asked).
 */
export function renderHintOf(query: string): { visualization: string; title?: string } | undefined {
  const withoutComments = query
    .replace(/\/\/[^\n]*/g, '')
    .trimEnd()
    .replace(/;+$/, '');
  const m = RENDER.exec(withoutComments);
  if (!m) return undefined;
  const title = /title\s*=\s*(["'])(.*?)\1/i.exec(m[2])?.[2];
  return { visualization: m[1].toLowerCase(), ...(title ? { title } : {}) };
}
