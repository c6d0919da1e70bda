import { UnsupportedError } from './errors';
import type { Table } from './table';
import type { Column } from './values';

/**
 * Where each input column of an outer union lands (union-operator.md): one result column per
 * name and type. A name that comes with several types becomes `Name_type` for each; a name that
 * is already taken as it stands keeps it, and a renamed column that meets it takes the next free
 * numeric suffix (`x_long1`). A name's columns come where the name is first met, one per type
 * in the order the types are met.
 *
 * The binder names the result too. Where its names differ from the documented ones (it numbers
 * in order of appearance), a later operator would read the wrong column, so that union is
 * refused rather than answered from guessed positions.
 */
export function unionPositions(tables: readonly Table[], expected: readonly Column[]): number[][] {
  const keyOf = (c: Column) => `${c.name}\u0000${c.type}`;
  // A name's columns sit together where the name is first met, one per type in order met.
  const typesOf = new Map<string, Map<string, Column>>();
  for (const t of tables)
    for (const c of t.columns) {
      if (!typesOf.has(c.name)) typesOf.set(c.name, new Map());
      const types = typesOf.get(c.name)!;
      if (!types.has(c.type)) types.set(c.type, c);
    }
  const order = [...typesOf.values()].flatMap((types) => [...types.values()]);
  const split = (c: Column) => typesOf.get(c.name)!.size > 1;
  const used = new Set(order.filter((c) => !split(c)).map((c) => c.name));
  const names = order.map((c) => {
    if (!split(c)) return c.name;
    const base = `${c.name}_${c.type}`;
    let name = base;
    for (let n = 1; used.has(name); n++) name = `${base}${n}`;
    used.add(name);
    return name;
  });
  const same =
    names.length === expected.length &&
    names.every((n, i) => n === expected[i].name && order[i].type === expected[i].type);
  if (!same)
    throw new UnsupportedError(
      `union whose column names the binder gives differently from Kusto (${expected.map((c) => c.name).join(', ')})`,
    );
  const at = new Map(order.map((c, i) => [keyOf(c), i]));
  return tables.map((t) => {
    const positions = new Array<number>(expected.length).fill(-1);
    t.columns.forEach((c, i) => {
      positions[at.get(keyOf(c))!] = i;
    });
    return positions;
  });
}
