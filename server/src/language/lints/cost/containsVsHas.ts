import { kusto } from '../../kustoEngine';
import { nodesOfKind, type Lint, type LintFinding } from '../lintContext';
import { LINT_RULES, lintMessage } from '../lintRules';
import { stringLiteralValue } from './costSyntax';
import type { ReplacementFixData } from './replacementFix';

/**
 * Kusto indexes terms: runs of three or more letters and digits. A literal that is one such
 * run can be looked up in the index with `has`; anything shorter, or with punctuation or
 * spaces, is left alone, since `has` would then mean something else or not use the index.
 */
const WHOLE_TERM = /^[A-Za-z0-9]{3,}$/;

/**
 * A column as stored in a database table: only those have a term index. A column computed by
 * `extend` or `parse` is scanned whichever operator is used, so it is not reported.
 */
function isStoredColumn(
  node: Kusto.Language.Syntax.SyntaxNode | null,
  globals: Kusto.Language.GlobalState,
): boolean {
  const K = kusto();
  const symbol = node?.Kind === K.Syntax.SyntaxKind.NameReference ? node.ReferencedSymbol : undefined;
  if (symbol?.Kind !== K.Symbols.SymbolKind.Column) return false;
  const table = globals.GetTable(symbol as Kusto.Language.Symbols.ColumnSymbol);
  return !!table && globals.IsDatabaseTable(table);
}

/** `contains "powershell"` scans every value; `has "powershell"` reads the term index. */
export const containsVsHas: Lint = ({ root, globals }) => {
  const S = kusto().Syntax.SyntaxKind;
  const rule = LINT_RULES.containsVsHas;
  // Both sides keep their case sensitivity: contains and has ignore case, the _cs forms do not.
  const replacements = new Map<Kusto.Language.Syntax.SyntaxKind, string>([
    [S.ContainsExpression, 'has'],
    [S.NotContainsExpression, '!has'],
    [S.ContainsCsExpression, 'has_cs'],
    [S.NotContainsCsExpression, '!has_cs'],
  ]);
  const findings: LintFinding[] = [];
  for (const node of nodesOfKind(root, ...replacements.keys())) {
    const b = node as Kusto.Language.Syntax.BinaryExpression;
    const term = stringLiteralValue(b.Right);
    const op = b.Operator;
    if (term === undefined || !WHOLE_TERM.test(term) || !op || !isStoredColumn(b.Left, globals)) continue;
    const replacement = replacements.get(node.Kind)!;
    findings.push({
      rule,
      start: op.TextStart,
      length: op.Width,
      message: lintMessage(rule, { operator: op.Text ?? '', replacement, term }),
      data: {
        fixTitle: `Change to '${replacement}' (matches "${term}" only as a whole term)`,
        fixText: replacement,
      } satisfies ReplacementFixData,
    });
  }
  return findings;
};
