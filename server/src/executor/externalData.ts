import { parseJsonExactly } from './exactJson';
import { csvRecords } from './csv';
import { MissingExternalDataError, UnsupportedError } from './errors';
import type { QueryContext } from './queryContext';
import { compileScalar } from './scalarCompiler';
import { scopeOf } from './scope';
import { elements, namedParameters, resultColumns } from './syntax';
import type { Table } from './table';
import { fromExternal, type Row } from './values';
import type { LocalWorkspace } from './workspace';

/**
 * externaldata (externaldata-operator.md) over the workspace's copies of the URLs: workspace.json
 * maps each URL to a file the host has read. Columns are taken by position from CSV, TSV or PSV
 * records, from whole lines for txt, or by name from JSON lines; `ignoreFirstRecord` skips each
 * file's first record. A URL with no copy fails with a message that says how to supply one.
 */
const SEPARATORS: Record<string, string> = { csv: ',', tsv: '\t', tsve: '\t', psv: '|' };

export function externalData(
  expr: Kusto.Language.Syntax.ExternalDataExpression,
  workspace: LocalWorkspace,
  ctx: QueryContext,
): Table {
  const columns = resultColumns(expr);
  const props = namedParameters({ Parameters: expr.WithClause?.Properties });
  for (const name of props.keys())
    if (!['format', 'ignorefirstrecord'].includes(name))
      throw new UnsupportedError(`the '${name}' property of externaldata`);
  const ignoreFirst = (props.get('ignorefirstrecord') ?? 'false').toLowerCase() === 'true';
  const scope = scopeOf({ columns: [], rows: [] }, ctx);
  const rows: Row[] = [];
  for (const e of elements(expr.URIs)) {
    const url = String(compileScalar(e, scope)([]) ?? '');
    const text = workspace.externalData?.get(url);
    if (text === undefined) throw new MissingExternalDataError(url);
    const format = (props.get('format') ?? formatOf(url)).toLowerCase();
    const records = recordsOf(text, format);
    for (const record of ignoreFirst ? records.slice(1) : records)
      rows.push(
        Array.isArray(record)
          ? columns.map((c, i) => fromExternal(record[i] ?? null, c.type))
          : columns.map((c) => fromExternal(record[c.name] ?? null, c.type)),
      );
  }
  return { columns, rows };
}

/** The format a URL's extension suggests, as Kusto detects it; CSV otherwise. */
function formatOf(url: string): string {
  const path = url.split(/[?;#]/)[0].toLowerCase();
  const ext = /\.([a-z]+)$/.exec(path)?.[1] ?? '';
  return ['csv', 'tsv', 'psv', 'txt', 'json', 'multijson'].includes(ext) ? ext : 'csv';
}

function recordsOf(text: string, format: string): (string[] | Record<string, unknown>)[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (format === 'csv') return csvRecords(body).filter((r) => !(r.length === 1 && r[0] === ''));
  if (format in SEPARATORS)
    return body
      .split(/\r?\n/)
      .filter((l) => l !== '')
      .map((l) => l.split(SEPARATORS[format]));
  if (format === 'txt')
    return body
      .split(/\r?\n/)
      .filter((l) => l !== '')
      .map((l) => [l]);
  if (format === 'json' || format === 'multijson')
    return body
      .split(/\r?\n/)
      .filter((l) => l.trim() !== '')
      .map((l, i) => {
        // A long beyond 2^53 keeps its digits, in a field and inside a dynamic value.
        const v: unknown = parseJsonExactly(l, true);
        if (!v || typeof v !== 'object' || Array.isArray(v))
          throw new UnsupportedError(`externaldata JSON line ${i + 1} that is not an object`);
        return v as Record<string, unknown>;
      });
  throw new UnsupportedError(`externaldata with format=${format}`);
}
