import { UnsupportedError } from './errors';
import type { Table } from './table';
import type { Column, Row } from './values';

/**
 * Where each input column of an outer union lands (union-operator.md): one result column per
 * name and type. A name that comes with several types becomes `Name_type` for each; when that
 * name is already taken by a column that had it before renaming, the renamed one takes the next
 * free number (`x_long1`).
 *
 * The result columns are the binder's, which every later operator reads by name. The binder
 * numbers clashing names in order of appearance and can leave out an input it could not type
 * (isfuzzy), so a column is placed by its documented name; a column that holds a value and has
 * no result column of that name and type is refused rather than dropped. A column with no value
 * in any row reads as null wherever it would land, so it needs no place.
 */
export function unionPositions(tables: readonly Table[], expected: readonly Column[]): number[][] {
  const keyOf = (c: Column) => `${c.name}\u0000${c.type}`;
  const typesOf = new Map<string, Map<string, Column>>();
  for (const t of tables)
    for (const c of t.columns) {
      if (!typesOf.has(c.name)) typesOf.set(c.name, new Map());
      const types = typesOf.get(c.name)!;
      if (!types.has(c.type)) types.set(c.type, c);
    }
  const order = [...typesOf.values()].flatMap((types) => [...types.values()]);
  const documented = resultNames(order, typesOf, true);
  const numbered = resultNames(order, typesOf, false);
  const nameOf = new Map(order.map((c, i) => [keyOf(c), documented[i]]));
  const renumbered = new Set(order.filter((_, i) => documented[i] !== numbered[i]).map(keyOf));
  const target = new Map(expected.map((c, i) => [keyOf(c), i]));
  return tables.map((t) => {
    const positions = new Array<number>(expected.length).fill(-1);
    t.columns.forEach((c, i) => {
      const name = nameOf.get(keyOf(c))!;
      const at = target.get(keyOf({ name, type: c.type }));
      const valued = () => t.rows.some((r) => hasValue(r, i, c));
      // Where the binder numbers a clash the other way, the result's columns come in another
      // order than Kusto's, which shows once the column holds something.
      if (renumbered.has(keyOf(c)) && valued())
        throw new UnsupportedError(
          `union where Kusto and the binder number the clashing column ${name} differently`,
        );
      if (at !== undefined) positions[at] = i;
      else if (valued())
        throw new UnsupportedError(
          `union where the column ${name} (${c.type}) holds values but the binder's result has no such column`,
        );
    });
    return positions;
  });
}

function hasValue(r: Row, i: number, c: Column): boolean {
  const v = r[i];
  return v !== null && v !== undefined && !(c.type === 'string' && v === '');
}

/**
 * The result names: as union-operator.md gives them (`keepOriginal`: a name kept as it was wins
 * over a renamed one), or as the binder does (whichever comes later is numbered).
 */
function resultNames(
  order: readonly Column[],
  typesOf: ReadonlyMap<string, ReadonlyMap<string, Column>>,
  keepOriginal: boolean,
): string[] {
  const split = (c: Column) => typesOf.get(c.name)!.size > 1;
  const used = new Set(keepOriginal ? order.filter((c) => !split(c)).map((c) => c.name) : []);
  return order.map((c) => {
    if (keepOriginal && !split(c)) return c.name;
    const base = split(c) ? `${c.name}_${c.type}` : c.name;
    let name = base;
    for (let n = 1; used.has(name); n++) name = `${base}${n}`;
    used.add(name);
    return name;
  });
}
