import { toArray } from '../engineLists';
import { kusto } from '../kustoEngine';
import { nodesOfKind, type Lint, type LintFinding } from './lintContext';
import { LINT_RULES, lintMessage } from './lintRules';

/** Columns that hold Windows file or process names or paths, where case never matters. */
const NAME_COLUMN = /(FileName|ProcessName|FolderPath|Image|ParentProcess|NewProcessName)$/;

/** Data kept on the diagnostic for the quick fix: the operator to write instead. */
export interface CaseSensitiveNameData {
  replacement: string;
}

function isStringLiteral(node: Kusto.Language.Syntax.SyntaxElement | null | undefined): boolean {
  return !!node && node.Kind === kusto().Syntax.SyntaxKind.StringLiteralExpression;
}

/** `FileName == "x.exe"` misses `X.EXE`; `=~` (and `!~`, `in~`, `!in~`) compare as Windows does. */
export const caseSensitiveName: Lint = ({ root }) => {
  const S = kusto().Syntax.SyntaxKind;
  const rule = LINT_RULES.caseSensitiveName;
  const replacements = new Map<Kusto.Language.Syntax.SyntaxKind, string>([
    [S.EqualExpression, '=~'],
    [S.NotEqualExpression, '!~'],
    [S.InExpression, 'in~'],
    [S.NotInExpression, '!in~'],
  ]);
  const findings: LintFinding[] = [];
  for (const node of nodesOfKind(root, ...replacements.keys())) {
    const b = node as Kusto.Language.Syntax.BinaryExpression | Kusto.Language.Syntax.InExpression;
    const left = b.Left;
    const symbol = left?.ReferencedSymbol;
    if (
      !left ||
      left.Kind !== S.NameReference ||
      !symbol ||
      symbol.Kind !== kusto().Symbols.SymbolKind.Column
    )
      continue;
    if (!NAME_COLUMN.test(symbol.Name ?? '')) continue;
    const right = b.Right;
    const values =
      node.Kind === S.InExpression || node.Kind === S.NotInExpression
        ? toArray<Kusto.Language.Syntax.SeparatedElement$1<Kusto.Language.Syntax.Expression>>(
            (right as Kusto.Language.Syntax.ExpressionList | null)?.Expressions as never,
          ).map((e) => e.Element)
        : [right];
    // Only literal names with letters in them can differ by case.
    if (values.length === 0 || !values.every((v) => isStringLiteral(v) && /[A-Za-z]/.test(v!.toString()!)))
      continue;
    const op = b.Operator!;
    const replacement = replacements.get(node.Kind)!;
    findings.push({
      rule,
      start: op.TextStart,
      length: op.Width,
      message: lintMessage(rule, { operator: op.Text ?? '', column: symbol.Name ?? '', replacement }),
      data: { replacement } satisfies CaseSensitiveNameData,
    });
  }
  return findings;
};
