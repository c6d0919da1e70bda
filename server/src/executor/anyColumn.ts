import { UnsupportedError } from './errors';
import { valueToString, type Column, type Row } from './values';

/**
 * A string match over every column, as `where * has "x"` and search's bare terms ask
 * (search-operator.md: `search "err"` is `where * has "err"`). String columns are read for
 * certain; whether a column of another type is read as its text the pages do not say, so a row
 * where only such a column's text matches is refused by name rather than kept or dropped.
 */
export function matchInAnyColumn(
  match: (s: string) => boolean,
  columns: readonly Column[],
): (r: Row) => boolean {
  const strings: number[] = [];
  const others: number[] = [];
  columns.forEach((c, i) => (c.type === 'string' ? strings : others).push(i));
  return (r) => {
    if (strings.some((i) => typeof r[i] === 'string' && match(r[i] as string))) return true;
    for (const i of others) {
      if (r[i] === null || r[i] === undefined) continue;
      if (match(valueToString(r[i], columns[i].type)))
        throw new UnsupportedError(
          `a match over every column (*) found only in the ${columns[i].type} column ${columns[i].name}`,
          'the pages do not say whether columns that are not strings are read',
        );
    }
    return false;
  };
}
