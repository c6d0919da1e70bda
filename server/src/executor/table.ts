import type { Column, Row } from './values';

/** An in-memory table as the executor passes it between operators. */
export interface Table {
  columns: Column[];
  rows: Row[];
  /** Whether the row order is defined for window functions (serialize-operator.md); absent is false. */
  serialized?: Serialized;
  /**
   * A column the binder lists that Kusto leaves out of the result: scan's match_id without
   * with_match_id (scan.ts). Later operators see it as the binder does; it is dropped where the
   * table leaves the query.
   */
  hidden?: string;
}

/** The table without its hidden column, as Kusto returns it. */
export function withoutHidden(t: Table): Table {
  if (t.hidden === undefined) return t;
  const at = t.columns.findIndex((c) => c.name === t.hidden);
  if (at < 0) return { columns: t.columns, rows: t.rows, serialized: t.serialized };
  return {
    columns: t.columns.filter((_, i) => i !== at),
    rows: t.rows.map((r) => r.filter((_, i) => i !== at)),
    serialized: t.serialized,
  };
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

/**
 * Where each of an operator's result columns comes from in its input. The k-th result column of a
 * name is the input's k-th column of that name. A parse into a column the input already has leaves
 * two columns of one name (parse-operator.md's result as the binder types it), and an operator that
 * keeps columns in place (extend, project-rename) renames the second one Name1, Name2...: a result
 * name that is not in the input but is a repeated input name plus digits at the same position is
 * that column. Undefined for a column the input does not have.
 */
export function sourcePositions(out: readonly Column[], input: readonly Column[]): (number | undefined)[] {
  const seen = new Map<string, number>();
  return out.map((c, i) => {
    const k = seen.get(c.name) ?? 0;
    seen.set(c.name, k + 1);
    const hits = input.flatMap((col, j) => (col.name === c.name ? [j] : []));
    if (hits.length) return hits[k];
    const same = input[i];
    const repeated = same && input.filter((col) => col.name === same.name).length > 1;
    return repeated && c.name.startsWith(same.name) && /^\d+$/.test(c.name.slice(same.name.length))
      ? i
      : undefined;
  });
}

/** The first name the columns hold twice, if any. */
export function repeatedName(columns: readonly Column[]): string | undefined {
  return columns.find((c, i) => columns.findIndex((o) => o.name === c.name) !== i)?.name;
}
