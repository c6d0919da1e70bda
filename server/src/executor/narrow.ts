import { ExecutionError } from './errors';
import { resultColumns } from './syntax';
import type { Table } from './table';
import { formatDatetimeTicks, fractionDigits } from './ticks';
import { valueToString, type Column, type KqlType, type Row } from './values';

/**
 * evaluate narrow() (narrow-plugin.md): "unpivots" a table into Row (the input row's number,
 * from 0), Column (the column's name) and Value (the cell as a string), one output row per
 * cell, row by row and in column order.
 *
 * The page's example prints booleans as True and False and datetimes as
 * `2017-03-14 10:59:18.9263023` (date, a space, the time with seven fraction digits, no Z), so
 * those two types are written that way rather than as tostring() writes them. Every other type
 * is written as tostring() writes it, which agrees with the page's longs, reals and strings.
 * A null cell becomes the empty string, since a string value in Kusto is never null.
 */
export function narrow(op: Kusto.Language.Syntax.EvaluateOperator, input: Table): Table {
  if ((op.FunctionCall?.ArgumentList?.Expressions?.Count ?? 0) > 0)
    throw new ExecutionError('narrow() takes no arguments');
  const bound = resultColumns(op);
  const columns: Column[] =
    bound.length === 3
      ? bound
      : [
          { name: 'Row', type: 'long' },
          { name: 'Column', type: 'string' },
          { name: 'Value', type: 'string' },
        ];
  const rows: Row[] = [];
  input.rows.forEach((r, i) => {
    input.columns.forEach((c, j) => rows.push([i, c.name, cellText(r[j], c.type)]));
  });
  return { columns, rows, serialized: input.serialized };
}

/** The Value of one cell, as the page's example writes it. */
function cellText(v: unknown, type: KqlType): string {
  if (v === null || v === undefined) return '';
  if (type === 'bool') return v ? 'True' : 'False';
  if (type === 'datetime') {
    const iso = formatDatetimeTicks(v as bigint);
    return iso ? `${iso.slice(0, 10)} ${iso.slice(11, 19)}.${fractionDigits(v as bigint)}` : '';
  }
  return valueToString(v, type);
}
