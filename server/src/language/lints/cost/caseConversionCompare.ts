import { toArray } from '../../engineLists';
import { kusto } from '../../kustoEngine';
import { nodesOfKind, type Lint, type LintFinding } from '../lintContext';
import { LINT_RULES, lintMessage } from '../lintRules';
import { isStringTyped, nodeText, stringLiteralValue, unparenthesized } from './costSyntax';
import type { ReplacementFixData } from './replacementFix';

type Node = Kusto.Language.Syntax.SyntaxNode;

const CONVERSIONS: Record<string, (s: string) => string> = {
  tolower: (s) => s.toLowerCase(),
  toupper: (s) => s.toUpperCase(),
};

/** The expressions of a list such as a call's arguments or the values after `in`. */
function elementsOf(list: Kusto.Language.Syntax.ExpressionList | null | undefined): (Node | null)[] {
  return toArray<Kusto.Language.Syntax.SeparatedElement$1<Kusto.Language.Syntax.Expression>>(
    list?.Expressions as never,
  ).map((e) => e.Element as Node | null);
}

/**
 * The argument of `tolower(x)` or `toupper(x)` and the function's name, for a call of one of
 * them on a string.
 */
function conversionCall(node: Node): { fn: string; arg: Node } | undefined {
  const S = kusto().Syntax.SyntaxKind;
  const n = unparenthesized(node);
  if (n.Kind !== S.FunctionCallExpression) return undefined;
  const call = n as Kusto.Language.Syntax.FunctionCallExpression;
  const fn = call.Name?.SimpleName?.toLowerCase() ?? '';
  if (!Object.hasOwn(CONVERSIONS, fn)) return undefined;
  const args = elementsOf(call.ArgumentList);
  if (args.length !== 1 || !args[0] || !isStringTyped(args[0])) return undefined;
  return { fn, arg: args[0] };
}

/**
 * Literals the comparison can be moved to `=~` for: ASCII text already in the converted case.
 * For ASCII, `tolower(x) == "abc"` and `x =~ "abc"` hold for exactly the same x, apart from the
 * few non-ASCII letters whose lower (or upper) case is an ASCII letter (the Kelvin sign, the
 * long s). A literal not in the converted case (`tolower(x) == "Abc"`) never matches at all,
 * which is a different mistake and is left alone here.
 */
function convertible(literals: readonly (Node | null | undefined)[], fn: string): boolean {
  return (
    literals.length > 0 &&
    literals.every((l) => {
      const value = stringLiteralValue(l);
      return value !== undefined && /^[\x20-\x7e]*$/.test(value) && CONVERSIONS[fn](value) === value;
    })
  );
}

/** `tolower(FileName) == "cmd.exe"` builds a lower-case copy of every value; `=~` does not. */
export const caseConversionCompare: Lint = ({ root }) => {
  const S = kusto().Syntax.SyntaxKind;
  const rule = LINT_RULES.caseConversionCompare;
  const replacements = new Map<Kusto.Language.Syntax.SyntaxKind, string>([
    [S.EqualExpression, '=~'],
    [S.NotEqualExpression, '!~'],
    [S.InExpression, 'in~'],
    [S.NotInExpression, '!in~'],
  ]);
  const findings: LintFinding[] = [];
  for (const node of nodesOfKind(root, ...replacements.keys())) {
    const b = node as Kusto.Language.Syntax.BinaryExpression;
    if (!b.Left || !b.Right) continue;
    const isIn = node.Kind === S.InExpression || node.Kind === S.NotInExpression;
    // `==` is symmetric, so the call may be on either side; `in` has it on the left.
    const onLeft = conversionCall(b.Left);
    const call = onLeft ?? (isIn ? undefined : conversionCall(b.Right));
    if (!call) continue;
    const other = onLeft ? b.Right : b.Left;
    const literals = isIn ? elementsOf(other as unknown as Kusto.Language.Syntax.ExpressionList) : [other];
    if (!convertible(literals, call.fn)) continue;
    const replacement = replacements.get(node.Kind)!;
    const parts = onLeft ? [call.arg, other] : [other, call.arg];
    const fixText = `${nodeText(parts[0])} ${replacement} ${nodeText(parts[1])}`;
    findings.push({
      rule,
      start: node.TextStart,
      length: node.Width,
      message: lintMessage(rule, { function: call.fn, replacement: `${replacement}` }),
      ...(fixText.includes('\n')
        ? {}
        : {
            data: {
              fixTitle: `Compare case-insensitively with '${replacement}'`,
              fixText,
              preferred: true,
            } satisfies ReplacementFixData,
          }),
    });
  }
  return findings;
};
