import { kusto } from '../language/kustoEngine';
import { UnsupportedError } from './errors';
import type { QueryContext } from './queryContext';
import { compileScalar } from './scalarCompiler';
import { scopeOf } from './scope';
import {
  elements,
  kindName,
  rejectParameters,
  resultColumns,
  scalarTypeOf,
  subtree,
  type Expr,
} from './syntax';
import type { Table } from './table';
import type { Column, Row } from './values';

/**
 * find in (T1, T2, ...) where Predicate [project Col, ...] (find-operator.md). Each input is
 * filtered by the predicate; an input that has none of the columns the predicate reads is left
 * out, and one that lacks some reads them as null. The result columns are the binder's: the
 * source column (source_, or withsource=), then the projected columns, null where an input lacks
 * one. Without project, the packed `pack_` column's exact content is not given by the page
 * (which columns, nulls or not), so a row that would need it is refused by name; term search
 * (`find "x"`, `* has "x"`) and find over every table are refused too.
 */
export function find(op: Kusto.Language.Syntax.FindOperator, ctx: QueryContext): Table {
  const params = rejectParameters(op, 'find', ['withsource']);
  if (!op.InClause) throw new UnsupportedError('find without in (...), over every table');
  if (op.ProjectAway) throw new UnsupportedError('find ... project-away');
  if (op.DataScope) throw new UnsupportedError("find's datascope");
  const condition = op.Condition!;
  if (condition.IsLiteral || [...subtree(condition)].some((n) => kindName(n) === 'StarExpression'))
    throw new UnsupportedError('find of a term over all columns');
  const out = resultColumns(op);
  const sourceName = params.get('withsource') ?? 'source_';
  const predicateColumns = columnsRead(condition);
  const rows: Row[] = [];
  for (const e of elements(op.InClause.Expressions)) {
    if (kindName(e) !== 'NameReference')
      throw new UnsupportedError('find in an input that is not a table name');
    const name = (e as Kusto.Language.Syntax.NameReference).SimpleName!;
    const table = ctx.evalTable(e);
    if (!table.columns.some((c) => predicateColumns.has(c.name))) continue;
    const widened = widenedFor(table, predicateColumns);
    const test = compileScalar(condition, scopeOf(widened, ctx));
    const picks = out.map((c) => {
      if (c.name === sourceName) return () => name;
      if (!op.Project && c.name === 'pack_' && c.type === 'dynamic')
        return () => {
          throw new UnsupportedError("find's pack_ column (without project): which columns it packs");
        };
      const i = table.columns.findIndex((x) => x.name === c.name && x.type === c.type);
      const j = i >= 0 ? i : table.columns.findIndex((x) => `${x.name}_${x.type}` === c.name);
      if (j < 0 && table.columns.some((x) => x.name === c.name))
        throw new UnsupportedError(`find over inputs where the column ${c.name} has different types`);
      return j < 0 ? () => null : (r: Row) => r[j];
    });
    widened.rows.forEach((r) => {
      if (test(r) === true) rows.push(picks.map((p) => p(r)));
    });
  }
  return { columns: out, rows };
}

/** The input widened with the predicate's columns it lacks, as nulls (find's and search's rule). */
export function widenedFor(table: Table, predicateColumns: Map<string, Column['type']>): Table {
  const has = new Set(table.columns.map((c) => c.name));
  const missing: Column[] = [...predicateColumns]
    .filter(([c]) => !has.has(c))
    .map(([name, type]) => ({ name, type }));
  return {
    columns: [...table.columns, ...missing],
    rows: missing.length ? table.rows.map((r) => [...r, ...missing.map(() => null)]) : table.rows,
  };
}

/** The columns (by name, with the binder's type) a predicate reads. */
export function columnsRead(e: Expr): Map<string, Column['type']> {
  const out = new Map<string, Column['type']>();
  const column = kusto().Symbols.SymbolKind.Column;
  for (const n of subtree(e)) {
    if (kindName(n) !== 'NameReference') continue;
    const ref = n as Kusto.Language.Syntax.NameReference;
    if (ref.ReferencedSymbol?.Kind === column) out.set(ref.SimpleName!, scalarTypeOf(ref));
  }
  return out;
}
