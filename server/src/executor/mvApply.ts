import { UnsupportedError } from './errors';
import type { QueryContext } from './queryContext';
import { compileScalar } from './scalarCompiler';
import { scopeOf } from './scope';
import { elements, kindName, rejectParameters, resultColumns, textOf } from './syntax';
import { columnIndex, type Table } from './table';
import { castElement } from './elementCast';
import { toKqlType, type Column, type KqlType, type Row } from './values';

/**
 * mv-apply (mv-apply-operator.md): each input row is expanded as mv-expand would (arrays side by
 * side, as long as the longest, nulls where one is shorter, `limit` per row, `with_itemindex`),
 * the subquery runs over that row's expansion, and the results are unioned. A named item
 * (`Arr2 = Arr`) adds a column and keeps the source; an unnamed column reference is replaced by its
 * elements; a property bag is expanded into one-property bags. The result's other columns come from the input row, repeated on each result row.
 */
export function mvApply(op: Kusto.Language.Syntax.MvApplyOperator, input: Table, ctx: QueryContext): Table {
  const params = rejectParameters(op, 'mv-apply', ['with_itemindex']);
  if (op.ContextIdClause) throw new UnsupportedError("mv-apply's context_id");
  const scope = scopeOf(input, ctx);
  const limit = op.RowLimitClause ? Number(compileScalar(op.RowLimitClause.RowLimit!, scope)([])) : Infinity;
  const columns: Column[] = input.columns.map((c) => ({ ...c }));
  const items = elements<Kusto.Language.Syntax.MvApplyExpression>(op.Expressions).map((item) => {
    const e = item.Expression!;
    const named =
      kindName(e) === 'SimpleNamedExpression'
        ? (e as Kusto.Language.Syntax.SimpleNamedExpression)
        : undefined;
    const value = named ? named.Expression! : e;
    const type = elementType(item.ToTypeOf);
    const source =
      kindName(value) === 'NameReference'
        ? (value as Kusto.Language.Syntax.NameReference).SimpleName!
        : undefined;
    const name = named?.Name?.SimpleName ?? source;
    if (!name) throw new UnsupportedError('mv-apply of an unnamed expression that is not a column');
    let target = columns.findIndex((c) => c.name === name);
    if (target >= 0) columns[target] = { name, type };
    else target = columns.push({ name, type }) - 1;
    return { f: compileScalar(value, scope), type, target };
  });
  const indexName = params.get('with_itemindex');
  const indexTarget = indexName === undefined ? -1 : columns.push({ name: indexName, type: 'long' }) - 1;

  const out = resultColumns(op);
  const inputIndex = columnIndex(input.columns);
  const rows: Row[] = [];
  for (const r of input.rows) {
    ctx.checkCancelled();
    const lists = items.map(({ f }) => {
      const v = f(r);
      if (Array.isArray(v)) return v;
      // A property bag gives one single-property bag per property, as mv-expand's default does.
      if (v && typeof v === 'object')
        return Object.entries(v as Record<string, unknown>).map(([k, x]) => ({ [k]: x }));
      return [v ?? null];
    });
    const n = Math.min(limit, Math.max(0, ...lists.map((l) => l.length)));
    const expanded: Row[] = [];
    for (let i = 0; i < n; i++) {
      const row: Row = [...r];
      items.forEach(({ target, type }, k) => {
        const v = lists[k][i];
        row[target] = castElement(v ?? null, type, 'mv-apply');
      });
      if (indexTarget >= 0) row[indexTarget] = i;
      expanded.push(row);
    }
    // The page says the expansion keeps the array's order, but mv-expand, which does it, is listed
    // as not serializing; so a window function in the subquery is refused unless it sorts first.
    const subtable: Table = { columns, rows: expanded, serialized: 'unclear' };
    const result = ctx.evalSubquery(op.Subquery!.Expression!, subtable);
    const fromResult = columnIndex(result.columns);
    const picks = out.map((c) => {
      const j = fromResult.get(c.name);
      if (j !== undefined) return (s: Row) => s[j];
      const k = inputIndex.get(c.name);
      return k === undefined ? () => null : () => r[k];
    });
    for (const s of result.rows) rows.push(picks.map((p) => p(s)));
  }
  return { columns: out, rows };
}

/** `to typeof(long)`: the elements' type; dynamic when not given. */
function elementType(clause: Kusto.Language.Syntax.ToTypeOfClause | null): KqlType {
  if (!clause?.TypeOf) return 'dynamic';
  const m = /typeof\s*\(\s*(\w+)\s*\)/i.exec(textOf(clause.TypeOf));
  const type = m ? toKqlType(m[1]) : undefined;
  // A dynamic number cast to a decimal meets a conversion the pages do not give (exactDecimal.ts).
  if (!type || type === 'decimal' || (type === 'dynamic' && m![1].toLowerCase() !== 'dynamic'))
    throw new UnsupportedError(`mv-apply to ${textOf(clause.TypeOf)}`);
  return type;
}
