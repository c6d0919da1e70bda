import { UnsupportedError } from './errors';
import { resultColumns } from './syntax';
import { columnIndex, type Table } from './table';
import type { Row } from './values';

/**
 * The rows of a lookup plugin (ipv4_lookup, ipv6_lookup, geo_polygon_lookup, geo_line_lookup):
 * each input row joined with every lookup row it matches, as lookup joins, in the columns the
 * binder gives; with returnUnmatched, an input row that matches none is kept with nulls.
 */
export function lookupJoin(
  plugin: string,
  op: Kusto.Language.Syntax.EvaluateOperator,
  input: Table,
  lookupTable: Table,
  matches: (row: Row, lookupRow: Row) => boolean,
  returnUnmatched: boolean,
): Table {
  const inIndex = columnIndex(input.columns);
  const lkIndex = columnIndex(lookupTable.columns);
  const out = resultColumns(op);
  const picks = out.map((c) => {
    const i = inIndex.get(c.name);
    if (i !== undefined) return (r: Row) => r[i];
    const j = lkIndex.get(c.name);
    if (j === undefined)
      throw new UnsupportedError(`${plugin}() where the column '${c.name}' comes from both tables`);
    return (_: Row, l: Row | undefined) => (l ? l[j] : null);
  });
  const rows: Row[] = [];
  for (const r of input.rows) {
    let matched = false;
    for (const l of lookupTable.rows) {
      if (!matches(r, l)) continue;
      matched = true;
      rows.push(picks.map((p) => p(r, l)));
    }
    if (!matched && returnUnmatched) rows.push(picks.map((p) => p(r, undefined)));
  }
  return { columns: out, rows };
}
