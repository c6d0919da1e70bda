import type { CompiledAggregate } from './aggregates';
import { ExecutionError, UnsupportedError } from './errors';
import type { Evaluator } from './evaluator';
import type { QueryContext } from './queryContext';
import { compileScalar } from './scalarCompiler';
import { scopeOf } from './scope';
import { aggregateCallsIn, compileAggregateExpression } from './summarize';
import { elements, kindName, resultColumns, type Expr } from './syntax';
import type { Table } from './table';
import { compareValues, keyPart, type Column, type Row } from './values';

/**
 * top-nested (top-nested-operator.md): the first clause groups the input by its expression and
 * keeps the N groups whose aggregate is highest (lowest with `asc`), every later clause does the
 * same inside each group the clause before it kept, and each output row carries a value and its
 * aggregate per clause.
 *
 * The rows a clause leaves out form that level's "others". Its row is emitted when this clause or
 * any deeper one says `with others`; below it nothing is selected any more: each clause shows its
 * others value and the aggregate over all of those rows, or nulls where it asked for no others.
 * That is what the reference's earlier example prints (a State others row whose Source columns are
 * empty and whose EndLocation others row sums the whole remainder), and its note that a clause
 * without `with others` contributes nulls. An others set with no rows gives no row, as a group of
 * no rows does in summarize.
 *
 * The output has no defined order (serialize-operator.md lists top-nested as non-serializing); it
 * is produced depth first, each level's kept groups in their ranking order, then its others row.
 */

/** The aggregations the reference lists; any arithmetic over them is allowed too. */
const ALLOWED = new Set(['sum', 'count', 'max', 'min', 'dcount', 'avg', 'percentile', 'percentilew']);

interface Level {
  value: Evaluator;
  aggregate: CompiledAggregate;
  limit: number | undefined;
  desc: boolean;
  /** Explicit `nulls first|last`; without it, where null aggregates meet the cut, it is refused. */
  nullsFirst: boolean | undefined;
  others: { value: unknown } | undefined;
  /** The value column's null: Kusto's strings have no null, so theirs is the empty string. */
  emptyValue: unknown;
}

interface Group {
  value: unknown;
  rows: Row[];
  aggregate: unknown;
}

export function topNested(
  op: Kusto.Language.Syntax.TopNestedOperator,
  input: Table,
  ctx: QueryContext,
): Table {
  const out = resultColumns(op);
  const scope = scopeOf(input, ctx);
  const constant = (e: Expr) => compileScalar(e, scopeOf({ columns: [], rows: [] }, ctx))([]);
  const clauses = elements<Kusto.Language.Syntax.TopNestedClause>(op.Clauses);
  if (out.length !== 2 * clauses.length)
    throw new ExecutionError(`top-nested: ${clauses.length} clauses but ${out.length} result columns`);
  const levels = clauses.map((clause, i): Level => {
    let limit: number | undefined;
    if (clause.Expression) {
      const n = constant(clause.Expression);
      if (typeof n !== 'number' || !Number.isInteger(n) || n < 0)
        throw new UnsupportedError(`top-nested with a count of ${String(n)}`);
      limit = n;
    }
    let by = clause.ByExpression!;
    let desc = true;
    let nullsFirst: boolean | undefined;
    if (kindName(by) === 'OrderedExpression') {
      const o = by as Kusto.Language.Syntax.OrderedExpression;
      desc = o.Ordering?.AscOrDescKeyword?.Text?.toLowerCase() !== 'asc';
      const nulls = o.Ordering?.NullsClause?.FirstOrLastKeyword?.Text?.toLowerCase();
      if (nulls) nullsFirst = nulls === 'first';
      by = o.Expression!;
    }
    by = unnamed(by);
    for (const call of aggregateCallsIn(by)) {
      const name = (call as Kusto.Language.Syntax.FunctionCallExpression).Name?.SimpleName ?? '';
      if (!ALLOWED.has(name.toLowerCase()))
        throw new UnsupportedError(
          `top-nested by ${name}()`,
          'the reference lists sum, count, max, min, dcount, avg, percentile and percentilew',
        );
    }
    const type = out[2 * i].type;
    return {
      value: compileScalar(unnamed(clause.OfExpression!), scope),
      aggregate: compileAggregateExpression(by, scope, new Set()),
      limit,
      desc,
      nullsFirst,
      others: clause.WithOthersClause ? { value: constant(clause.WithOthersClause.Expression!) } : undefined,
      emptyValue: type === 'string' ? '' : null,
    };
  });

  const rows: Row[] = [];
  const aggregateOver = (level: Level, part: readonly Row[]): unknown => {
    const acc = level.aggregate.create();
    for (const r of part) acc.add(r);
    return acc.result()[0];
  };
  const othersBelow = (depth: number) => levels.slice(depth).some((l) => l.others);

  const nest = (part: readonly Row[], depth: number, prefix: Row): void => {
    if (depth === levels.length) {
      rows.push(prefix);
      return;
    }
    ctx.checkCancelled();
    const level = levels[depth];
    const ranked = rank(groupsOf(part, level), level, out[2 * depth + 1]);
    const kept = level.limit === undefined ? ranked : ranked.slice(0, level.limit);
    for (const g of kept) nest(g.rows, depth + 1, [...prefix, g.value, g.aggregate]);
    if (kept.length === ranked.length || !othersBelow(depth)) return;
    const rest = ranked.slice(kept.length).flatMap((g) => g.rows);
    const row = [...prefix];
    for (const l of levels.slice(depth)) {
      if (l.others) row.push(l.others.value, aggregateOver(l, rest));
      else row.push(l.emptyValue, null);
    }
    rows.push(row);
  };
  nest(input.rows, 0, []);
  return { columns: out, rows };
}

/** The groups of one partition by the clause's value, in the order their values first appear. */
function groupsOf(part: readonly Row[], level: Level): Group[] {
  const byKey = new Map<
    unknown,
    { value: unknown; rows: Row[]; acc: ReturnType<CompiledAggregate['create']> }
  >();
  for (const r of part) {
    const value = level.value(r);
    const key = keyPart(value);
    let g = byKey.get(key);
    if (!g) {
      g = { value: value ?? level.emptyValue, rows: [], acc: level.aggregate.create() };
      byKey.set(key, g);
    }
    g.rows.push(r);
    g.acc.add(r);
  }
  return [...byKey.values()].map((g) => ({ value: g.value, rows: g.rows, aggregate: g.acc.result()[0] }));
}

/** Orders groups by their aggregate (highest first unless `asc`); ties keep their first-seen order. */
function rank(groups: Group[], level: Level, aggregateColumn: Column): Group[] {
  const isNull = (g: Group) => g.aggregate === null || g.aggregate === undefined;
  const nulls = groups.filter(isNull);
  const present = groups.filter((g) => !isNull(g));
  present.sort((a, b) => (level.desc ? -1 : 1) * compareValues(a.aggregate, b.aggregate));
  if (nulls.length === 0) return present;
  // Where the cut falls between groups, the place of a null aggregate decides which are kept, and
  // the reference does not say where top-nested puts nulls.
  const cuts = level.limit !== undefined && level.limit > 0 && level.limit < groups.length;
  if (level.nullsFirst === undefined && cuts)
    throw new UnsupportedError(`top-nested when the aggregate ${aggregateColumn.name} is null for a group`);
  return level.nullsFirst ? [...nulls, ...present] : [...present, ...nulls];
}

function unnamed(e: Expr): Expr {
  return kindName(e) === 'SimpleNamedExpression'
    ? (e as Kusto.Language.Syntax.SimpleNamedExpression).Expression!
    : e;
}
