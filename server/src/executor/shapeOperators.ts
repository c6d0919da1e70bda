import { kusto, toArray } from '../language/kustoEngine';
import { ExecutionError, MissingTableError, UnresolvedNameError, UnsupportedError } from './errors';
import type { QueryContext } from './queryContext';
import { compileScalar, type Evaluator } from './scalarCompiler';
import { scopeOf } from './scope';
import {
  elements,
  kindName,
  rejectParameters,
  resultColumns,
  scalarTypeOf,
  textOf,
  type Expr,
} from './syntax';
import { columnIndex, type Table } from './table';
import type { Row } from './values';
import { castElement } from './elementCast';
import { unionPositions } from './unionColumns';

/** Operators that reshape rows rather than filter them: union and mv-expand (parse is in parseOperator.ts). */

export function union(
  op: Kusto.Language.Syntax.UnionOperator,
  input: Table | undefined,
  ctx: QueryContext,
): Table {
  const params = rejectParameters(op, 'union', ['kind', 'isfuzzy', 'withsource']);
  if ((params.get('kind') ?? 'outer').toLowerCase() !== 'outer')
    throw new UnsupportedError(`union kind=${params.get('kind')}`);
  const allOut = resultColumns(op);
  const sourceColumn = params.get('withsource');
  const out = sourceColumn === undefined ? allOut : allOut.filter((c) => c.name !== sourceColumn);
  const fuzzy = (params.get('isfuzzy') ?? 'false').toLowerCase() === 'true';
  const all = elements(op.Expressions).flatMap(wildcardMatches);
  const legs = fuzzy ? fuzzyLegs(all, input, ctx) : all;
  const evaluated = legs.map((e) => evaluateLeg(e, fuzzy, ctx));
  const inputs = legs.filter((_, k) => evaluated[k] !== undefined);
  if (fuzzy && !inputs.length && !input)
    throw new ExecutionError('union isfuzzy=true: none of its legs could be resolved (see the warnings)');
  const tables = [...(input ? [input] : []), ...(evaluated.filter((t) => t !== undefined) as Table[])];
  const layout = unionPositions(tables, out);
  // withsource=Name: a string column, where the binder put it, naming the input each row came from.
  const names = sourceColumn === undefined ? [] : sourceNames(input, inputs);
  const at = allOut.findIndex((c) => c.name === sourceColumn);
  const rows: Row[] = [];
  tables.forEach((t, k) => {
    const positions = layout[k];
    for (const r of t.rows) {
      const row = positions.map((i) => (i < 0 ? null : r[i]));
      if (at >= 0) row.splice(at, 0, names[k]);
      rows.push(row);
    }
  });
  return { columns: allOut, rows };
}

/**
 * The names withsource gives: a table's or a let's name. The page does not say what a piped input
 * or a parenthesised query is called, so those are refused by name.
 */
function sourceNames(input: Table | undefined, inputs: (Expr | string)[]): string[] {
  if (input) throw new UnsupportedError('union withsource= after a pipe (the name of the piped input)');
  return inputs.map((e) => {
    if (typeof e === 'string') return e;
    if (kindName(e) !== 'NameReference')
      throw new UnsupportedError('union withsource= over an input that is not a table name');
    return (e as Kusto.Language.Syntax.NameReference).SimpleName!;
  });
}

/**
 * A wildcarded table name (`Device*`) as the names of the tables it matched, in the binder's
 * order (union-operator.md: the wildcard stands for every table whose name matches); any other
 * input as it is.
 */
export function wildcardMatches(e: Expr): (Expr | string)[] {
  const symbol = (e as Kusto.Language.Syntax.NameReference).ReferencedSymbol;
  if (kindName(e) !== 'NameReference' || symbol?.Kind !== kusto().Symbols.SymbolKind.Group) return [e];
  return toArray((symbol as Kusto.Language.Symbols.GroupSymbol).Members).map((m) => m.Name!);
}

/**
 * isfuzzy=true (union-operator.md): the legs naming tables that do not exist are left out with a
 * warning, and the query fails only if no leg is left.
 */
function fuzzyLegs(legs: (Expr | string)[], input: Table | undefined, ctx: QueryContext): (Expr | string)[] {
  const missing = legs.filter((e) => isMissingTable(e, ctx));
  if (!missing.length) return legs;
  const names = missing.map((e) =>
    typeof e === 'string' ? e : ((e as Kusto.Language.Syntax.NameReference).SimpleName ?? ''),
  );
  if (missing.length === legs.length && !input)
    throw new MissingTableError(
      names,
      `union isfuzzy=true: none of its tables is in the workspace (${names.join(', ')})`,
    );
  ctx.warn(`union isfuzzy=true left out the tables that are not in the workspace: ${names.join(', ')}`);
  return legs.filter((e) => !missing.includes(e));
}

/**
 * A leg's rows. Under isfuzzy=true a leg that reads a name nothing defines (a parser's body naming
 * a column its table lacks) fails Kusto's resolution, so it is left out with a warning, as the
 * page says of any resolution failure; a failure while running is not suppressed.
 */
function evaluateLeg(e: Expr | string, fuzzy: boolean, ctx: QueryContext): Table | undefined {
  try {
    return typeof e === 'string' ? ctx.tableNamed(e) : ctx.evalTable(e);
  } catch (err) {
    if (!fuzzy || !(err instanceof UnresolvedNameError)) throw err;
    const text = typeof e === 'string' ? e : textOf(e).replace(/\s+/g, ' ').trim();
    const leg = text.length > 60 ? `${text.slice(0, 57)}...` : text;
    ctx.warn(`union isfuzzy=true left out the leg ${leg}: it names '${err.column}', which does not resolve`);
    return undefined;
  }
}

/** Whether a union leg names a table that is nowhere: not a let, a workspace table or a function of the environment. */
function isMissingTable(e: Expr | string, ctx: QueryContext): boolean {
  if (typeof e === 'string') return !ctx.hasTable(e);
  if (kindName(e) !== 'NameReference') return false;
  const ref = e as Kusto.Language.Syntax.NameReference;
  if (ref.ReferencedSymbol?.Kind === kusto().Symbols.SymbolKind.Function) return false;
  return !ctx.hasTable(ref.SimpleName!);
}

export function mvExpand(op: Kusto.Language.Syntax.MvExpandOperator, input: Table, ctx: QueryContext): Table {
  const params = rejectParameters(op, 'mv-expand', ['kind', 'bagexpansion', 'with_itemindex']);
  // kind=array (or bagexpansion=array) expands a bag into [key, value] pairs; bag, the default, into one-entry bags.
  const kind = (params.get('kind') ?? params.get('bagexpansion') ?? 'bag').toLowerCase();
  if (kind !== 'bag' && kind !== 'array') throw new UnsupportedError(`mv-expand kind=${kind}`);
  const limit = op.RowLimitClause
    ? Number(compileScalar(op.RowLimitClause.RowLimit!, scopeOf(input, ctx))([]))
    : Infinity;
  const out = resultColumns(op);
  const scope = scopeOf(input, ctx);
  const outIndex = columnIndex(out);
  const expanded: { target: number; f: Evaluator; type: ReturnType<typeof scalarTypeOf> }[] = [];
  // An unnamed path such as d.x takes the new column the binder invented for it.
  const items = elements<Kusto.Language.Syntax.MvExpandExpression>(op.Expressions);
  const explicit = new Set(
    items
      .map((i) => i.Expression!)
      .filter((e) => kindName(e) === 'SimpleNamedExpression')
      .map((e) => (e as Kusto.Language.Syntax.SimpleNamedExpression).Name!.SimpleName!),
  );
  const invented = out
    .map((c) => c.name)
    .filter((n) => !scope.index.has(n) && !explicit.has(n) && n !== params.get('with_itemindex'));
  for (const item of items) {
    const e = item.Expression!;
    const named =
      kindName(e) === 'SimpleNamedExpression'
        ? (e as Kusto.Language.Syntax.SimpleNamedExpression)
        : undefined;
    const value = named ? named.Expression! : e;
    // `mv-expand todynamic(Col)` replaces Col, as extend does with a name Kusto derives from a column.
    const derived = kusto().KustoFacts.GetExpressionResultName(value, null);
    const name = named
      ? named.Name!.SimpleName!
      : kindName(value) === 'NameReference'
        ? (value as Kusto.Language.Syntax.NameReference).SimpleName!
        : derived && scope.index.has(derived) && outIndex.has(derived)
          ? derived
          : invented.shift();
    if (!name) throw new UnsupportedError('mv-expand of an expression the binder gave no column');
    const target = outIndex.get(name);
    if (target === undefined) throw new ExecutionError(`mv-expand: no result column '${name}'`);
    expanded.push({ target, f: compileScalar(value, scope), type: out[target].type });
  }
  const inIndex = scope.index;
  const carry = out.map((c) => inIndex.get(c.name) ?? -1);
  const indexName = params.get('with_itemindex');
  const indexTarget = indexName === undefined ? undefined : outIndex.get(indexName);
  const rows: Row[] = [];
  for (const r of input.rows) {
    const lists = expanded.map(({ f }) => {
      const v = f(r);
      if (Array.isArray(v)) return v;
      // A property bag expands to one entry per property; a scalar, or a null, stays one value.
      if (v && typeof v === 'object')
        return Object.entries(v as Record<string, unknown>).map(([k, x]) =>
          kind === 'array' ? [k, x] : { [k]: x },
        );
      return [v ?? null];
    });
    const n = Math.min(limit, Math.max(0, ...lists.map((l) => l.length)));
    for (let i = 0; i < n; i++) {
      const row = carry.map((j) => (j < 0 ? null : r[j]));
      if (indexTarget !== undefined) row[indexTarget] = i;
      expanded.forEach(({ target, type }, k) => {
        const v = lists[k][i];
        row[target] = castElement(v ?? null, type, 'mv-expand');
      });
      rows.push(row);
    }
  }
  return { columns: out, rows };
}
