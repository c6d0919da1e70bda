import { kusto } from '../kustoEngine';
import { nodesOfKind, type Lint, type LintFinding } from './lintContext';
import { LINT_RULES, lintMessage } from './lintRules';

/**
 * A let whose name nothing refers to. Names starting with `_` are taken as deliberately
 * unused. A let's own body cannot use it, so references are searched in the whole block.
 */
export const unusedLet: Lint = ({ root }) => {
  const S = kusto().Syntax.SyntaxKind;
  const rule = LINT_RULES.unusedLet;
  const used = new Set<Kusto.Language.Symbols.Symbol>();
  for (const ref of nodesOfKind(root, S.NameReference)) {
    const symbol = ref.ReferencedSymbol;
    if (symbol) used.add(symbol);
  }
  const findings: LintFinding[] = [];
  for (const node of nodesOfKind(root, S.LetStatement)) {
    const name = (node as Kusto.Language.Syntax.LetStatement).Name;
    const symbol = name?.ReferencedSymbol;
    const text = name?.SimpleName ?? '';
    if (!name || !symbol || !text || text.startsWith('_') || used.has(symbol)) continue;
    findings.push({
      rule,
      start: name.TextStart,
      length: name.Width,
      message: lintMessage(rule, { name: text }),
    });
  }
  return findings;
};
