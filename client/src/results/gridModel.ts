import type { ResultTable } from '../../../server/src/protocol/queryRun';
import { formatValue } from '../../../server/src/protocol/resultText';

/**
 * The grid's view of a table: which rows, in which order, after filtering and sorting. Kept
 * apart from the DOM so that it is tested directly and stays fast for 100,000 rows: it works on
 * row indices and never copies rows.
 */
export interface SortState {
  column: number;
  descending: boolean;
}

const NUMERIC = new Set(['int', 'long', 'real', 'decimal']);

function compareCells(a: unknown, b: unknown, type: string): number {
  if (a === b) return 0;
  // Nulls sort first, as in Kusto's `asc nulls first`.
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  if (NUMERIC.has(type) && typeof a === 'number' && typeof b === 'number') return a - b;
  if (type === 'bool') return Number(a === true) - Number(b === true);
  const sa = formatValue(a);
  const sb = formatValue(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** Row indices whose text contains `filter` (case-insensitive), in the sort's order. */
export function visibleRows(table: ResultTable, filter: string, sort: SortState | undefined): number[] {
  const needle = filter.trim().toLowerCase();
  let indices: number[] = [];
  if (!needle) indices = table.rows.map((_, i) => i);
  else table.rows.forEach((row, i) => row.some((v) => formatValue(v).toLowerCase().includes(needle)) && indices.push(i));
  if (sort && sort.column >= 0 && sort.column < table.columns.length) {
    const type = table.columns[sort.column].type;
    const sign = sort.descending ? -1 : 1;
    // Stable: equal cells keep the service's order.
    indices.sort((x, y) => sign * compareCells(table.rows[x][sort.column], table.rows[y][sort.column], type) || x - y);
  }
  return indices;
}

/** The next sort when a header is clicked: ascending, then descending, then none. */
export function nextSort(current: SortState | undefined, column: number): SortState | undefined {
  if (!current || current.column !== column) return { column, descending: false };
  return current.descending ? undefined : { column, descending: true };
}

/** Which rows to draw for a scroll position: a window of the visible rows plus some spare. */
export function rowWindow(scrollTop: number, viewportHeight: number, rowHeight: number, total: number, overscan = 10): { first: number; last: number } {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(total, Math.ceil((scrollTop + viewportHeight) / rowHeight) + overscan);
  return { first, last };
}
