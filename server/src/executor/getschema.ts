import type { Table } from './table';
import type { KqlType } from './values';

/**
 * The CLR type Kusto reports for each of its types in getschema's DataType (and in a table's
 * schema): bool is stored as a signed byte and decimal as SqlDecimal.
 */
const CLR_TYPES: Record<KqlType, string> = {
  bool: 'System.SByte',
  datetime: 'System.DateTime',
  decimal: 'System.Data.SqlTypes.SqlDecimal',
  dynamic: 'System.Object',
  guid: 'System.Guid',
  int: 'System.Int32',
  long: 'System.Int64',
  real: 'System.Double',
  string: 'System.String',
  timespan: 'System.TimeSpan',
};

/** getschema (getschema-operator.md): one row per input column, in order. */
export function getschema(input: Table): Table {
  return {
    columns: [
      { name: 'ColumnName', type: 'string' },
      { name: 'ColumnOrdinal', type: 'long' },
      { name: 'DataType', type: 'string' },
      { name: 'ColumnType', type: 'string' },
    ],
    rows: input.columns.map((c, i) => [c.name, i, CLR_TYPES[c.type], c.type]),
  };
}
