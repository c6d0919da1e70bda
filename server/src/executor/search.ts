import { UnsupportedError } from './errors';
import { kustoRegex } from './kustoRegex';
import type { QueryContext } from './queryContext';
import { compileScalar } from './scalarCompiler';
import { scopeOf } from './scope';
import { columnsRead, widenedFor } from './find';
import { wildcardMatches } from './shapeOperators';
import { hasMatcher, STRING_PREDICATES } from './stringMatch';
import { elements, kindName, rejectParameters, resultColumns, subtree, type Expr } from './syntax';
import type { Table } from './table';
import type { Row } from './values';
import { matchInAnyColumn } from './anyColumn';

/**
 * The search operator (search-operator.md): the rows of its sources for which the predicate holds,
 * after a `$table` column naming each row's source. A bare string is a term looked for in every
 * column, as `* has` (or hasprefix, hassuffix, contains or a regex, by where its asterisks are);
 * `Col:"x"` is `Col has "x"`; anything else is an ordinary predicate, reading a column a source
 * lacks as null, as find does. kind=case_sensitive makes the term matches case-sensitive.
 *
 * Its columns are those of find's project-smart: the columns its sources share, those the
 * predicate names, and a bag packing the rest; a source naming none of the predicate's columns is
 * left out (let-statement.md's example shows only its views' column). The binder lists every
 * column of every source instead, so a search that finds rows returns its sources' own columns
 * (after `$table`), and where the page leaves the answer open it is refused by name (one that
 * finds nothing returns no rows under the binder's columns):
 * - sources with different columns (which go into the bag, and how, is not given);
 * - `$table` for a source that is not a table or view name (a piped input, a subquery);
 * - a term matching only the text of a column that is not a string (anyColumn.ts).
 */

interface Source {
  /** What `$table` holds; undefined where the page does not say. */
  name: string | undefined;
  table: Table;
}

type Truth = boolean | null;
type Test = (r: Row) => Truth;

export function search(
  op: Kusto.Language.Syntax.SearchOperator,
  input: Table | undefined,
  ctx: QueryContext,
): Table {
  const params = rejectParameters(op, 'search', ['kind']);
  const kind = (params.get('kind') ?? 'default').toLowerCase();
  if (!['default', 'case_insensitive', 'case_sensitive'].includes(kind))
    throw new UnsupportedError(`search kind=${kind}`);
  if (op.DataScope) throw new UnsupportedError("search's datascope");
  const caseSensitive = kind === 'case_sensitive';
  const condition = op.Condition!;
  if (caseSensitive) refuseCaseInsensitiveOperators(condition);
  const all = resultColumns(op);
  const predicateColumns = columnsRead(condition);
  // As find does (find-operator.md), a source with none of the columns the predicate names is
  // left out, unless a term or * reads every column.
  const everyColumn = readsEveryColumn(condition);
  const sources = sourcesOf(op, input, ctx).filter(
    (s) => everyColumn || s.table.columns.some((c) => predicateColumns.has(c.name)),
  );
  const matched: Table[] = [];
  for (const { table } of sources) {
    const widened = widenedFor(table, predicateColumns);
    const test = compilePredicate(condition, widened, caseSensitive, ctx);
    const rows = widened.rows.filter((r) => test(r) === true).map((r) => r.slice(0, table.columns.length));
    matched.push({ columns: table.columns, rows });
  }
  // With no row found, the binder's columns; otherwise those its sources share (see above).
  if (!matched.some((t) => t.rows.length)) return { columns: all, rows: [] };
  refuseUnsettledShape(sources);
  const rows: Row[] = [];
  matched.forEach((t, k) => {
    for (const r of t.rows) rows.push([sources[k].name!, ...r]);
  });
  return { columns: [all[0], ...sources[0].table.columns], rows };
}

/** The sources: the piped input, the `in (...)` list (wildcards as union reads them), else every table and view. */
function sourcesOf(
  op: Kusto.Language.Syntax.SearchOperator,
  input: Table | undefined,
  ctx: QueryContext,
): Source[] {
  if (input) return [{ name: undefined, table: input }];
  if (op.InClause)
    return elements(op.InClause.Expressions)
      .flatMap(wildcardMatches)
      .map((e) => {
        if (typeof e === 'string') return { name: e, table: ctx.tableNamed(e) };
        const name =
          kindName(e) === 'NameReference'
            ? (e as Kusto.Language.Syntax.NameReference).SimpleName!
            : undefined;
        return { name, table: ctx.evalTable(e) };
      });
  // let-statement.md: a search with no source reads the views its query declares, and the database's tables.
  const views = [...ctx.vars].filter(
    ([, b]) => b.kind === 'function' && b.decl.ViewKeyword && !elements(b.decl.Parameters?.Parameters).length,
  );
  return [...views.map(([name]) => name), ...ctx.databaseTables()].map((name) => ({
    name,
    table: ctx.tableNamed(name),
  }));
}

function refuseUnsettledShape(sources: Source[]): void {
  if (sources.some((s) => s.name === undefined))
    throw new UnsupportedError(
      'search over a piped input or a subquery',
      'its page says $table then holds a name the system makes up, and does not say which',
    );
  const shape = (t: Table) => t.columns.map((c) => `${c.name}:${c.type}`).join(',');
  if (new Set(sources.map((s) => shape(s.table))).size > 1)
    throw new UnsupportedError(
      'search over sources whose columns differ',
      "its page gives it find's project-smart columns, which pack the columns the sources do not share, where the binder lists every column",
    );
}

function compilePredicate(e: Expr, table: Table, cs: boolean, ctx: QueryContext): Test {
  switch (kindName(e)) {
    case 'AndExpression':
    case 'OrExpression': {
      const b = e as Kusto.Language.Syntax.BinaryExpression;
      const l = compilePredicate(b.Left!, table, cs, ctx);
      const r = compilePredicate(b.Right!, table, cs, ctx);
      return kindName(e) === 'AndExpression' ? (row) => and(l(row), r(row)) : (row) => or(l(row), r(row));
    }
    case 'ParenthesizedExpression':
      return compilePredicate(
        (e as Kusto.Language.Syntax.ParenthesizedExpression).Expression!,
        table,
        cs,
        ctx,
      );
    case 'StringLiteralExpression':
      return matchInAnyColumn(termMatcher(literalText(e), cs), table.columns);
    case 'StarExpression':
      return () => true;
    case 'SearchExpression':
      return columnTerm(e as Kusto.Language.Syntax.BinaryExpression, table, cs);
  }
  // `* has "x"` and the like are ordinary predicates: scalarCompiler reads * as every column.
  if ([...subtree(e)].some((n) => kindName(n) === 'SearchExpression'))
    throw new UnsupportedError(
      'search with Column:term inside an expression other than and, or and parentheses',
    );
  const test = compileScalar(e, scopeOf(table, ctx));
  return (r) => {
    const v = test(r);
    return v === true ? true : v === false ? false : null;
  };
}

/** Whether the predicate has a bare term or a `*`, which look in every column. */
function readsEveryColumn(e: Expr): boolean {
  const k = kindName(e);
  if (k === 'AndExpression' || k === 'OrExpression') {
    const b = e as Kusto.Language.Syntax.BinaryExpression;
    return readsEveryColumn(b.Left!) || readsEveryColumn(b.Right!);
  }
  if (k === 'ParenthesizedExpression')
    return readsEveryColumn((e as Kusto.Language.Syntax.ParenthesizedExpression).Expression!);
  return k === 'StringLiteralExpression' || [...subtree(e)].some((n) => kindName(n) === 'StarExpression');
}

const and = (a: Truth, b: Truth): Truth =>
  a === false || b === false ? false : a === null || b === null ? null : true;
const or = (a: Truth, b: Truth): Truth =>
  a === true || b === true ? true : a === null || b === null ? null : false;

function literalText(e: Expr): string {
  const v = (e as Kusto.Language.Syntax.LiteralExpression).LiteralValue;
  return typeof v === 'string' ? v : String(v ?? '');
}

const textOfOperator = (e: Expr) => kindName(e).replace(/Expression$/, '');

/** The operator a term stands for, by its asterisks (the page's table); other placements are refused. */
function termMatcher(term: string, cs: boolean): (s: string) => boolean {
  const inner = term.replace(/^\*/, '').replace(/\*$/, '');
  const lead = term.startsWith('*');
  const trail = term.length > 1 && term.endsWith('*');
  if (!inner.includes('*')) {
    if (lead && trail) {
      const n = cs ? inner : inner.toLowerCase();
      return cs ? (s) => s.includes(n) : (s) => s.toLowerCase().includes(n);
    }
    return hasMatcher(inner, cs, lead ? 'suffix' : trail ? 'prefix' : 'term');
  }
  if (lead || trail)
    throw new UnsupportedError(`the search term "${term}" (asterisks both inside and at its ends)`);
  // "bi*lg" is `matches regex @"\bbi.*lg\b"` (the page's example 8).
  const pattern = `\\b${inner.split('*').map(escapeRegex).join('.*')}\\b`;
  const re = kustoRegex(pattern, cs ? '' : 'i');
  return (s) => re.test(s);
}

const escapeRegex = (s: string) => s.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&');

/** `Col:"term"`: the term in that column only (null where the source lacks it). */
function columnTerm(e: Kusto.Language.Syntax.BinaryExpression, table: Table, cs: boolean): Test {
  if (kindName(e.Left!) !== 'NameReference' || kindName(e.Right!) !== 'StringLiteralExpression')
    throw new UnsupportedError(
      'search Column:term where the column or the term is not a plain name and string',
    );
  const name = (e.Left as Kusto.Language.Syntax.NameReference).SimpleName!;
  const i = table.columns.findIndex((c) => c.name === name);
  if (i >= 0 && table.columns[i].type !== 'string')
    throw new UnsupportedError(`search ${name}:"..." on a ${table.columns[i].type} column`);
  const match = termMatcher(literalText(e.Right!), cs);
  return (r) => (typeof r[i] === 'string' ? match(r[i] as string) : null);
}

/** kind=case_sensitive changes every string operator of the predicate; the page does not say into what for each. */
function refuseCaseInsensitiveOperators(condition: Expr): void {
  for (const n of subtree(condition)) {
    const k = kindName(n);
    if ((STRING_PREDICATES[k] && !k.includes('Cs')) || /Tilde|InCi|HasAny|HasAll/.test(k))
      throw new UnsupportedError(`search kind=case_sensitive with the operator ${textOfOperator(n)}`);
  }
}
