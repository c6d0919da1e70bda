import { kusto } from '../../kustoEngine';
import { nodesOfKind, type Lint, type LintFinding } from '../lintContext';
import { LINT_RULES, lintMessage } from '../lintRules';
import { nodeText, operatorsBefore } from './costSyntax';

/**
 * In a rule's query, `take 100` keeps whichever rows arrive first: a run can drop the very
 * events the rule exists for, and two runs differ. Reported only in scheduled rules, and only
 * with no `sort`, `order by` or `top` before it in its pipeline (after one, the rows kept are
 * the first in that order).
 */
export const takeInDetection: Lint = (ctx) => {
  if (!ctx.detection) return [];
  const S = kusto().Syntax.SyntaxKind;
  const rule = LINT_RULES.takeInDetection;
  const ordering = new Set<Kusto.Language.Syntax.SyntaxKind>([S.SortOperator, S.TopOperator]);
  const findings: LintFinding[] = [];
  for (const node of nodesOfKind(ctx.root, S.TakeOperator)) {
    const take = node as Kusto.Language.Syntax.TakeOperator;
    if (!take.Keyword || !take.Expression) continue;
    if (operatorsBefore(node).operators.some((o) => ordering.has(o.Kind))) continue;
    findings.push({
      rule,
      start: take.TextStart,
      length: take.Width,
      message: lintMessage(rule, { operator: take.Keyword.Text ?? 'take', count: nodeText(take.Expression) }),
    });
  }
  return findings;
};
