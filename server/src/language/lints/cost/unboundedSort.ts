import { kusto } from '../../kustoEngine';
import { nodesOfKind, type Lint, type LintFinding } from '../lintContext';
import { LINT_RULES, lintMessage } from '../lintRules';
import { operatorsAfter, operatorsBefore } from './costSyntax';

/** Window functions read the rows in their serialized order, which a sort before them sets. */
const ORDER_FUNCTIONS = /^(prev|next|row_number|row_cumsum|row_rank_dense|row_rank_min|row_window_session)$/;

function usesRowOrder(op: Kusto.Language.Syntax.SyntaxNode): boolean {
  const S = kusto().Syntax.SyntaxKind;
  let found = false;
  op.WalkNodes((n) => {
    if (n.Kind === S.FunctionCallExpression)
      found ||= ORDER_FUNCTIONS.test(
        (n as Kusto.Language.Syntax.FunctionCallExpression).Name?.SimpleName ?? '',
      );
  });
  return found;
}

/**
 * A sort is costly when it orders raw rows and all of them are kept. Conservatively, it is
 * reported only when nothing before it in its pipeline makes the set small (an aggregation,
 * `distinct`, `top`, `take`, `sample`), only projections and filters follow it (so no `take` or
 * `top` cuts the rows, and nothing after it needs the order) and its input is a table read, not a `let`, a function or a parenthesised query whose size is
 * not visible from here.
 */
export const unboundedSort: Lint = (ctx) => {
  const S = kusto().Syntax.SyntaxKind;
  const K = kusto();
  const rule = LINT_RULES.unboundedSort;
  const shrinking = new Set<Kusto.Language.Syntax.SyntaxKind>([
    S.SummarizeOperator,
    S.CountOperator,
    S.DistinctOperator,
    S.TopOperator,
    S.TopNestedOperator,
    S.TopHittersOperator,
    S.TakeOperator,
    S.SampleOperator,
    S.SampleDistinctOperator,
    S.MakeSeriesOperator,
    S.ReduceByOperator,
    S.EvaluateOperator,
    S.FacetOperator,
  ]);
  // What may follow a sort that is only there to order the output. Anything else (a join, a
  // summarize building ordered lists, scan, serialize) may need the order, and a sort feeding
  // it is not reported.
  const presenting = new Set<Kusto.Language.Syntax.SyntaxKind>([
    S.ProjectOperator,
    S.ProjectAwayOperator,
    S.ProjectRenameOperator,
    S.ProjectReorderOperator,
    S.ProjectKeepOperator,
    S.ExtendOperator,
    S.FilterOperator,
  ]);
  const findings: LintFinding[] = [];
  for (const node of nodesOfKind(ctx.root, S.SortOperator)) {
    const sort = node as Kusto.Language.Syntax.SortOperator;
    if (!sort.Keyword) continue;
    const before = operatorsBefore(node);
    if (before.operators.some((o) => shrinking.has(o.Kind))) continue;
    const after = operatorsAfter(node);
    if (!after.every((o) => presenting.has(o.Kind) && !usesRowOrder(o))) continue;
    const source = before.source;
    const symbol = source?.ReferencedSymbol;
    if (
      source?.Kind !== S.NameReference ||
      symbol?.Kind !== K.Symbols.SymbolKind.Table ||
      !ctx.globals.IsDatabaseTable(symbol as Kusto.Language.Symbols.TableSymbol)
    )
      continue;
    const words = [sort.Keyword.Text, sort.ByKeyword?.Text].filter(Boolean).join(' ');
    findings.push({
      rule,
      start: sort.Keyword.TextStart,
      length: (sort.ByKeyword ?? sort.Keyword).End - sort.Keyword.TextStart,
      message: lintMessage(rule, { operator: words }),
    });
  }
  return findings;
};
