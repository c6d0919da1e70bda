import type { Column, Row } from './values';

/** An in-memory table as the executor passes it between operators. */
export interface Table {
  columns: Column[];
  rows: Row[];
  /** Whether the row order is defined for window functions (serialize-operator.md); absent is false. */
  serialized?: Serialized;
}

/** 'unclear' where Kusto's reference says both: a window function there is refused by name. */
export type Serialized = boolean | 'unclear';

/** Maps column names to their positions; later duplicates never occur because the binder renames them. */
export function columnIndex(columns: readonly Column[]): Map<string, number> {
  const m = new Map<string, number>();
  columns.forEach((c, i) => {
    if (!m.has(c.name)) m.set(c.name, i);
  });
  return m;
}
