import type { QueryResultSet, ResultTable } from '../protocol/queryRun';
import { formatValue, tablesJson, toCsv } from '../protocol/resultText';
import { visible } from './visibleText';

/** The output formats of `kqlhunt run`. */
export const RUN_FORMATS = ['table', 'json', 'csv'] as const;
export type RunFormat = (typeof RUN_FORMATS)[number];

const MAX_CELL = 60;

function cell(value: unknown): string {
  // Line breaks and tabs would break the table's layout; other controls are written out, so that
  // a value cannot drive the terminal.
  const text = visible(formatValue(value).replace(/[\r\n\t]+/g, ' '));
  return text.length > MAX_CELL ? `${text.slice(0, MAX_CELL - 1)}…` : text;
}

/** A table for reading in a terminal: padded columns, long values cut short. */
export function textTable(table: ResultTable): string {
  const header = table.columns.map((c) => c.name);
  const rows = table.rows.map((r) => r.map(cell));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n') + '\n';
}

export function formatRunResult(result: QueryResultSet, format: RunFormat): string {
  switch (format) {
    case 'json':
      return tablesJson(result.tables) + '\n';
    case 'csv':
      return result.tables.map(toCsv).join('\r\n');
    case 'table':
      return result.tables
        .map((t) => (result.tables.length > 1 ? `${t.name}\n` : '') + textTable(t))
        .join('\n');
  }
}
