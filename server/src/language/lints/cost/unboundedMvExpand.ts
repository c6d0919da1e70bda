import { kusto } from '../../kustoEngine';
import { nodesOfKind, type Lint, type LintFinding } from '../lintContext';
import { LINT_RULES } from '../lintRules';
import { operatorsBefore } from './costSyntax';

/**
 * `mv-expand` makes a row per element; without `limit`, one huge array makes as many rows.
 * Most expansions are of short arrays (a sign-in's conditional access policies, an alert's
 * entities) on rows already filtered, and adding `limit` there would only risk dropping
 * elements. So it is reported only where it expands table rows that nothing before it has
 * filtered or aggregated, the shape whose cost grows with the table.
 */
export const unboundedMvExpand: Lint = ({ root, globals }) => {
  const S = kusto().Syntax.SyntaxKind;
  const K = kusto();
  const rule = LINT_RULES.unboundedMvExpand;
  const narrowing = new Set<Kusto.Language.Syntax.SyntaxKind>([
    S.FilterOperator,
    S.SummarizeOperator,
    S.DistinctOperator,
    S.TopOperator,
    S.TakeOperator,
    S.SampleOperator,
    S.MakeSeriesOperator,
    S.SearchOperator,
    S.JoinOperator,
    S.LookupOperator,
  ]);
  const findings: LintFinding[] = [];
  for (const node of nodesOfKind(root, S.MvExpandOperator)) {
    const op = node as Kusto.Language.Syntax.MvExpandOperator;
    if (op.RowLimitClause || !op.MvExpandKeyword) continue;
    const before = operatorsBefore(node);
    if (before.operators.some((o) => narrowing.has(o.Kind))) continue;
    const symbol = before.source?.ReferencedSymbol;
    if (
      before.source?.Kind !== S.NameReference ||
      symbol?.Kind !== K.Symbols.SymbolKind.Table ||
      !globals.IsDatabaseTable(symbol as Kusto.Language.Symbols.TableSymbol)
    )
      continue;
    findings.push({
      rule,
      start: op.MvExpandKeyword.TextStart,
      length: op.MvExpandKeyword.Width,
      message: rule.message,
    });
  }
  return findings;
};
