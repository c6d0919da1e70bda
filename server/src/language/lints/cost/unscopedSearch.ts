import { kusto } from '../../kustoEngine';
import { nodesOfKind, type Lint, type LintFinding } from '../lintContext';
import { LINT_RULES, lintMessage } from '../lintRules';

/**
 * `search "x"` at the start of a query (and `find`, which starts one by definition) with no
 * `in (...)` looks in every column of every table. Piped after a table (`T | search "x"`) it is
 * scoped to that table's rows and not reported.
 */
export const unscopedSearch: Lint = (ctx) => {
  const S = kusto().Syntax.SyntaxKind;
  const rule = LINT_RULES.unscopedSearch;
  const example =
    ctx.environment === 'sentinel' ? 'SecurityEvent, SigninLogs' : 'DeviceProcessEvents, DeviceEvents';
  const findings: LintFinding[] = [];
  for (const node of nodesOfKind(ctx.root, S.SearchOperator, S.FindOperator)) {
    const op = node as Kusto.Language.Syntax.SearchOperator | Kusto.Language.Syntax.FindOperator;
    if (op.InClause) continue;
    const parent = node.Parent;
    if (
      parent?.Kind === S.PipeExpression &&
      (parent as Kusto.Language.Syntax.PipeExpression).Operator === node
    )
      continue;
    const keyword =
      node.Kind === S.SearchOperator
        ? (op as Kusto.Language.Syntax.SearchOperator).SearchKeyword
        : (op as Kusto.Language.Syntax.FindOperator).FindKeyword;
    if (!keyword) continue;
    findings.push({
      rule,
      start: keyword.TextStart,
      length: keyword.Width,
      message: lintMessage(rule, { operator: keyword.Text ?? 'search', example }),
    });
  }
  return findings;
};
