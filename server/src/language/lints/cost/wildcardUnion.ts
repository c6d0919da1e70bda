import { kusto } from '../../kustoEngine';
import { nodesOfKind, type Lint, type LintFinding } from '../lintContext';
import { LINT_RULES, lintMessage } from '../lintRules';
import { nodeText } from './costSyntax';

/** `union *` reads every table; `union Device*` every table whose name matches, now and later. */
export const wildcardUnion: Lint = ({ root }) => {
  const S = kusto().Syntax.SyntaxKind;
  const rule = LINT_RULES.wildcardUnion;
  const findings: LintFinding[] = [];
  for (const name of nodesOfKind(root, S.WildcardedName)) {
    const ref = name.Parent;
    // Only the table list of a union: `find in (T*)` and `search in (T*)` are scoped on purpose.
    if (ref?.Kind !== S.NameReference || !ref.Parent || ref.Parent.Parent?.Parent?.Kind !== S.UnionOperator)
      continue;
    const pattern = nodeText(name);
    findings.push({
      rule,
      start: ref.TextStart,
      length: ref.Width,
      message: lintMessage(rule, {
        pattern,
        scope:
          pattern === '*' ? 'every table in the database' : `every table whose name matches \`${pattern}\``,
      }),
    });
  }
  return findings;
};
