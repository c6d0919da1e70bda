import type { ResultColumn, ResultTable } from './queryRun';

/**
 * How a result value becomes text, for the results panel and `kqlhunt run`. The panel only ever
 * puts these strings into the page as text, never as markup, so a value like `<img onerror=…>`
 * is shown, not run.
 */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

/** A dynamic value laid out for reading: JSON with indentation, or the text itself. */
export function formatExpanded(value: unknown): string {
  if (typeof value === 'string') {
    try {
      return JSON.stringify(JSON.parse(value), null, 2);
    } catch {
      return value;
    }
  }
  if (value && typeof value === 'object') return JSON.stringify(value, null, 2);
  return formatValue(value);
}

/** Whether a cell holds something worth expanding (an object or a list). */
export function isExpandable(value: unknown, column: ResultColumn): boolean {
  if (value && typeof value === 'object') return true;
  return column.type === 'dynamic' && typeof value === 'string' && /^\s*[[{]/.test(value);
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * RFC 4180 CSV with a header row. A field that a spreadsheet would read as a formula gets a
 * leading apostrophe, so an exported query result cannot run code when it is opened.
 */
export function toCsv(table: ResultTable): string {
  const guard = (t: string) => (/^[=+\-@\t\r]/.test(t) && !/^-?\d/.test(t) ? `'${t}` : t);
  const lines = [table.columns.map((c) => csvField(guard(c.name))).join(',')];
  for (const row of table.rows) lines.push(row.map((v) => csvField(guard(formatValue(v)))).join(','));
  return lines.join('\r\n') + '\r\n';
}

/** The Log Analytics JSON shape for one table. */
export function toJson(table: ResultTable): string {
  return JSON.stringify({ tables: [{ name: table.name, columns: table.columns, rows: table.rows }] }, null, 2);
}

/** A row as tab-separated text, for copying into a spreadsheet. */
export function rowAsText(row: readonly unknown[]): string {
  return row.map((v) => formatValue(v).replace(/[\t\r\n]+/g, ' ')).join('\t');
}
