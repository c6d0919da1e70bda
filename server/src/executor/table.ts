import type { Column, Row } from './values';

/** An in-memory table as the executor passes it between operators. */
export interface Table {
  columns: Column[];
  rows: Row[];
}

/** Maps column names to their positions; later duplicates never occur because the binder renames them. */
export function columnIndex(columns: readonly Column[]): Map<string, number> {
  const m = new Map<string, number>();
  columns.forEach((c, i) => {
    if (!m.has(c.name)) m.set(c.name, i);
  });
  return m;
}
