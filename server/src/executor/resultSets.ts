import { constantNumber } from './basicOperators';
import { ExecutionError, UnsupportedError } from './errors';
import type { QueryContext } from './queryContext';
import { OPERATOR_REFUSALS } from './refusalReasons';
import { elements, firstTokenText, kindName, type Expr } from './syntax';
import { columnIndex, type Table } from './table';
import { keyPart, type Row } from './values';

/** A result table with the name Kusto gives it, where the query names it. */
export interface NamedResult {
  table: Table;
  name?: string;
}

/**
 * The results of a query statement whose last operator gives something other than one table:
 * fork, facet and preview give several tables, consume gives an empty one. Anything else that is not a
 * table (a graph from make-graph, a scalar) is refused by the operator that made it.
 */
export function resultsOfNonTable(e: Expr, ctx: QueryContext): NamedResult[] {
  const preview = previewResults(e, ctx);
  if (preview) return preview;
  const last = kindName(e) === 'PipeExpression' ? (e as Kusto.Language.Syntax.PipeExpression) : undefined;
  const operator = last?.Operator;
  switch (operator ? kindName(operator) : '') {
    case 'ForkOperator':
      return fork(operator as Kusto.Language.Syntax.ForkOperator, ctx.evalTable(last!.Expression!), ctx);
    case 'FacetOperator':
      return facet(operator as Kusto.Language.Syntax.FacetOperator, ctx.evalTable(last!.Expression!), ctx);
    case 'ConsumeOperator':
      // "The results table is empty": the input is still read, so its errors still surface.
      ctx.evalTable(last!.Expression!);
      return [{ table: { columns: [], rows: [] } }];
  }
  if (operator) {
    const keyword = firstTokenText(operator);
    throw new UnsupportedError(`the '${keyword}' operator as a query's result`, OPERATOR_REFUSALS[keyword]);
  }
  throw new UnsupportedError('a scalar expression as a query result (use print)');
}

/**
 * `T | evaluate preview(N)` as a query's last step (preview-plugin.md): two tables, the first N
 * rows as take gives them and the input's row count as count gives it. Undefined when the
 * statement does not end so.
 */
function previewResults(e: Expr, ctx: QueryContext): NamedResult[] | undefined {
  if (kindName(e) !== 'PipeExpression') return undefined;
  const pipe = e as Kusto.Language.Syntax.PipeExpression;
  const op = pipe.Operator!;
  if (kindName(op) !== 'EvaluateOperator') return undefined;
  const call = (op as Kusto.Language.Syntax.EvaluateOperator).FunctionCall;
  if (call?.Name?.SimpleName !== 'preview') return undefined;
  const args = elements<Expr>(call.ArgumentList?.Expressions);
  if (args.length !== 1) throw new ExecutionError('preview() takes the number of rows to show');
  const n = constantNumber(args[0], { columns: [], rows: [] }, ctx, 'preview');
  const input = ctx.evalTable(pipe.Expression!);
  return [
    { table: { columns: input.columns, rows: input.rows.slice(0, n) } },
    { table: { columns: [{ name: 'Count', type: 'long' }], rows: [[input.rows.length]] } },
  ];
}

/**
 * fork-operator.md: each subquery runs over the same input and gives its own table, named by
 * `name=` or by an `as` that ends the subquery, else GenericResult as the page's tabs show.
 */
function fork(op: Kusto.Language.Syntax.ForkOperator, input: Table, ctx: QueryContext): NamedResult[] {
  return elements<Kusto.Language.Syntax.ForkExpression>(op.Expressions).map((prong) => {
    const body = prong.Expression!;
    const table = ctx.evalSubquery(body, input);
    return { table, name: prong.NameEquals?.Name?.SimpleName ?? endingAs(body) ?? 'GenericResult' };
  });
}

function endingAs(e: Expr): string | undefined {
  const op = kindName(e) === 'PipeExpression' ? (e as Kusto.Language.Syntax.PipeExpression).Operator : e;
  return op && kindName(op) === 'AsOperator'
    ? ((op as Kusto.Language.Syntax.AsOperator).Name?.SimpleName ?? undefined)
    : undefined;
}

/**
 * facet-operator.md: the `with` subquery's table first, then for each column the values it takes
 * and how many rows take each, in a column named count_<column>. The page's tables list values in
 * no sorted order, so the values come in the order the input first shows them.
 */
function facet(op: Kusto.Language.Syntax.FacetOperator, input: Table, ctx: QueryContext): NamedResult[] {
  const out: NamedResult[] = [];
  const withClause = op.WithClause;
  if (withClause) {
    if (kindName(withClause) !== 'FacetWithExpressionClause')
      throw new UnsupportedError("facet's 'with operator' form");
    const body = (withClause as Kusto.Language.Syntax.FacetWithExpressionClause).Expression!;
    out.push({ table: ctx.evalSubquery(body, input) });
  }
  const index = columnIndex(input.columns);
  for (const e of elements<Expr>(op.Expressions)) {
    if (kindName(e) !== 'NameReference')
      throw new UnsupportedError('facet by an expression that is not a column');
    const name = (e as Kusto.Language.Syntax.NameReference).SimpleName!;
    const at = index.get(name);
    if (at === undefined) throw new ExecutionError(`facet: no column '${name}' in the input`);
    const counts = new Map<unknown, Row>();
    for (const r of input.rows) {
      const key = keyPart(r[at]);
      const seen = counts.get(key);
      if (seen) (seen[1] as number)++;
      else counts.set(key, [r[at], 1]);
    }
    out.push({
      table: {
        columns: [input.columns[at], { name: `count_${name}`, type: 'long' }],
        rows: [...counts.values()],
      },
    });
  }
  return out;
}
