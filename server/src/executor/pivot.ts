import { compileAggregate, type Accumulator } from './aggregates';
import { ExecutionError, UnsupportedError } from './errors';
import type { QueryContext } from './queryContext';
import { scopeOf } from './scope';
import { elements, kindName, resultColumns, scalarTypeOf, subtree, type Expr } from './syntax';
import type { Table } from './table';
import { compositeKey, fromExternal, valueToString, type Column, type KqlType, type Row } from './values';

/**
 * evaluate pivot(PivotColumn [, Aggregation] [, Column, ...]) [: (schema)] (pivot-plugin.md):
 * one row per distinct combination of the kept columns (those named, else every column but the
 * pivot column and the aggregated one), and one column per distinct value of PivotColumn in the
 * order the values first occur, holding the aggregation (count() unless given) of that cell's rows.
 * A cell with no rows is 0 for count, sum and dcount, as the page's examples show, and empty for
 * make_list, make_set and make_bag; for the other aggregates the page does not say, so such a
 * cell is refused by name.
 */

const SUPPORTED = [
  'min',
  'max',
  'take_any',
  // any() is the deprecated name of take_any().
  'any',
  'sum',
  'dcount',
  'avg',
  'stdev',
  'variance',
  'make_list',
  'make_bag',
  'make_set',
  'count',
];
const EMPTY_CELL: Record<string, () => unknown> = {
  count: () => 0,
  sum: () => 0,
  dcount: () => 0,
  make_list: () => [],
  make_set: () => [],
  make_bag: () => ({}),
};

const nameOf = (e: Expr | undefined): string | undefined =>
  e && kindName(e) === 'NameReference'
    ? ((e as Kusto.Language.Syntax.NameReference).SimpleName ?? undefined)
    : undefined;

export function pivot(op: Kusto.Language.Syntax.EvaluateOperator, input: Table, ctx: QueryContext): Table {
  const args = elements<Expr>(op.FunctionCall!.ArgumentList?.Expressions);
  const pivotName = nameOf(args[0]);
  if (!pivotName) throw new UnsupportedError('pivot() of an expression that is not a column');
  const aggregation = args[1] && kindName(args[1]) === 'FunctionCallExpression' ? args[1] : undefined;
  const aggName = aggregation
    ? ((aggregation as Kusto.Language.Syntax.FunctionCallExpression).Name?.SimpleName ?? '')
    : 'count';
  if (!SUPPORTED.includes(aggName)) throw new UnsupportedError(`pivot() with the aggregation ${aggName}()`);
  const scope = scopeOf(input, ctx);
  const pivotAt = scope.index.get(pivotName);
  if (pivotAt === undefined) throw new ExecutionError(`pivot: no column '${pivotName}' in its input`);

  const named = args.slice(aggregation ? 2 : 1).map((e) => {
    const n = nameOf(e);
    if (!n) throw new UnsupportedError('pivot() with a kept column that is not a column name');
    return n;
  });
  const aggregated = new Set(aggregation ? referencedColumns(aggregation) : []);
  const keptNames = named.length
    ? named
    : input.columns.map((c) => c.name).filter((n) => n !== pivotName && !aggregated.has(n));
  const kept = keptNames.map((n) => {
    const i = scope.index.get(n);
    if (i === undefined) throw new ExecutionError(`pivot: no column '${n}' in its input`);
    return { column: input.columns[i], i };
  });
  const create = aggregation
    ? compileAggregate(aggregation, scope, [], new Set()).create
    : () => countAccumulator();
  const cellType: KqlType = aggregation ? scalarTypeOf(aggregation) : 'long';

  const groups = new Map<unknown, { keys: unknown[]; cells: Map<string, Accumulator> }>();
  const pivotValues: string[] = [];
  const seenValues = new Set<string>();
  for (const r of input.rows) {
    const keys = kept.map(({ i }) => r[i]);
    const key = compositeKey(keys);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { keys, cells: new Map() }));
    const value = r[pivotAt];
    if (value === null || value === undefined || value === '')
      throw new UnsupportedError('pivot() of a row whose pivot value is empty or null');
    const columnName = valueToString(value, input.columns[pivotAt].type);
    if (!seenValues.has(columnName)) {
      seenValues.add(columnName);
      pivotValues.push(columnName);
    }
    let acc = g.cells.get(columnName);
    if (!acc) g.cells.set(columnName, (acc = create()));
    acc.add(r);
  }
  const clash = pivotValues.find((v) => keptNames.includes(v));
  if (clash)
    throw new UnsupportedError(`pivot() of the value '${clash}', which is also the name of a kept column`);

  const cell = (g: { cells: Map<string, Accumulator> }, v: string): unknown => {
    const acc = g.cells.get(v);
    if (acc) return acc.result()[0];
    const empty = EMPTY_CELL[aggName];
    if (!empty) throw new UnsupportedError(`pivot() with ${aggName}() where a cell has no rows`);
    return empty();
  };
  if (op.Schema) {
    // With an output schema, its columns are the result: kept columns by name, the rest as cells.
    const out = resultColumns(op);
    const rows: Row[] = [...groups.values()].map((g) =>
      out.map((c) => {
        const k = keptNames.indexOf(c.name);
        return k >= 0 ? g.keys[k] : fromExternal(cell(g, c.name), c.type);
      }),
    );
    return { columns: out, rows };
  }
  const columns: Column[] = [
    ...kept.map(({ column }) => column),
    ...pivotValues.map((name) => ({ name, type: cellType })),
  ];
  const rows: Row[] = [...groups.values()].map((g) => [...g.keys, ...pivotValues.map((v) => cell(g, v))]);
  return { columns, rows };
}

function countAccumulator(): Accumulator {
  let n = 0;
  return {
    add: () => {
      n++;
    },
    result: () => [n],
  };
}

/** The column names an aggregation reads, which are not kept by default. */
function referencedColumns(e: Expr): string[] {
  return [...subtree(e)].map(nameOf).filter((n): n is string => n !== undefined);
}
