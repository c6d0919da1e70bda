import { toArray } from '../../engineLists';
import { kusto } from '../../kustoEngine';
import { nodesOfKind, type Lint, type LintFinding } from '../lintContext';
import { LINT_RULES, lintMessage } from '../lintRules';
import { isStringTyped, nodeText, stringLiteralValue, unparenthesized } from './costSyntax';
import type { ReplacementFixData } from './replacementFix';

/** Characters with a meaning in RE2 syntax; a pattern without them is matched as plain text. */
const METACHARACTERS = /[\\.^$|?*+()[\]{}]/;

/** The string operator that matches a plain-text pattern, by anchoring and case sensitivity. */
const OPERATORS = {
  cs: { none: 'contains_cs', start: 'startswith_cs', end: 'endswith_cs', both: '==' },
  ci: { none: 'contains', start: 'startswith', end: 'endswith', both: '=~' },
} as const;

/**
 * The operator and text a regex stands for when it is plain text: `abc`, `^abc`, `abc$` or
 * `^abc$`, optionally after `(?i)`. In RE2 (Kusto's engine) `^` and `$` without the `m` flag
 * match only at the start and end of the whole value, so the anchored forms are exactly
 * `startswith_cs`, `endswith_cs` and `==`. With `(?i)` only ASCII text is taken, where RE2's
 * case folding and Kusto's case-insensitive operators agree.
 */
export function plainTextRegex(pattern: string): { operator: string; text: string } | undefined {
  let body = pattern;
  const ci = body.startsWith('(?i)');
  if (ci) body = body.slice(4);
  const start = body.startsWith('^');
  if (start) body = body.slice(1);
  const end = body.endsWith('$');
  if (end) body = body.slice(0, -1);
  if (body.length === 0 || METACHARACTERS.test(body)) return undefined;
  if (ci && !/^[\x20-\x7e]*$/.test(body)) return undefined;
  const anchoring = start && end ? 'both' : start ? 'start' : end ? 'end' : 'none';
  return { operator: OPERATORS[ci ? 'ci' : 'cs'][anchoring], text: body };
}

/** The text as a Kusto string literal, when a plain one can hold it. */
function quoted(text: string): string | undefined {
  if (/[\r\n\\]/.test(text)) return undefined;
  if (!text.includes('"')) return `"${text}"`;
  if (!text.includes("'")) return `'${text}'`;
  return undefined;
}

/** The operator that holds exactly when `operator` does not; Kusto has one for each. */
const NEGATED: Record<string, string> = {
  contains_cs: '!contains_cs',
  startswith_cs: '!startswith_cs',
  endswith_cs: '!endswith_cs',
  '==': '!=',
  contains: '!contains',
  startswith: '!startswith',
  endswith: '!endswith',
  '=~': '!~',
};

type Node = Kusto.Language.Syntax.SyntaxNode;

/** A call's name (lower case) and arguments, or undefined for anything but a call. */
function callOf(node: Node): { name: string; args: (Node | null)[] } | undefined {
  const n = unparenthesized(node);
  if (n.Kind !== kusto().Syntax.SyntaxKind.FunctionCallExpression) return undefined;
  const call = n as Kusto.Language.Syntax.FunctionCallExpression;
  const args = toArray<Kusto.Language.Syntax.SeparatedElement$1<Kusto.Language.Syntax.Expression>>(
    call.ArgumentList?.Expressions as never,
  ).map((e) => e.Element as Node | null);
  return { name: call.Name?.SimpleName?.toLowerCase() ?? '', args };
}

/**
 * `isnotempty(extract("abc", 0, S))` and `isempty(...)`: used as a test, an extract of a
 * plain-text pattern's whole match (group 0) is non-empty exactly when S contains it, so the
 * string operator (or its negation) says the same without the regex engine. Elsewhere extract's
 * value is the text itself, which no operator gives, and a group above 0 does not exist in a
 * plain pattern, so nothing else is reported. The source must be a string: on other types
 * extract and the operators convert differently. extract_all is left alone: its value on no
 * match is not documented to be what isempty() calls empty, and counting its matches is not
 * countof(), which counts overlapping ones.
 */
function extractTests(root: Node, rule: typeof LINT_RULES.literalRegex): LintFinding[] {
  const S = kusto().Syntax.SyntaxKind;
  const findings: LintFinding[] = [];
  for (const node of nodesOfKind(root, S.FunctionCallExpression)) {
    const test = callOf(node);
    if (!test || (test.name !== 'isnotempty' && test.name !== 'isempty') || test.args.length !== 1) continue;
    const extract = test.args[0] && callOf(test.args[0]);
    if (!extract || extract.name !== 'extract' || extract.args.length !== 3) continue;
    const [regex, group, source] = extract.args;
    const pattern = stringLiteralValue(regex);
    if (pattern === undefined || !group || nodeText(group) !== '0' || !source || !isStringTyped(source))
      continue;
    const plain = plainTextRegex(pattern);
    if (!plain) continue;
    const operator = test.name === 'isempty' ? NEGATED[plain.operator] : plain.operator;
    const literal = quoted(plain.text);
    const fixText = literal ? `${nodeText(source)} ${operator} ${literal}` : undefined;
    findings.push({
      rule,
      start: node.TextStart,
      length: node.Width,
      message: lintMessage(rule, { pattern, replacement: operator }),
      ...(fixText && !fixText.includes('\n')
        ? {
            data: {
              fixTitle: `Change to '${operator}'`,
              fixText,
              preferred: true,
            } satisfies ReplacementFixData,
          }
        : {}),
    });
  }
  return findings;
}

/** `matches regex "powershell"` runs the regex engine where `contains_cs` would do. */
export const literalRegex: Lint = ({ root }) => {
  const S = kusto().Syntax.SyntaxKind;
  const rule = LINT_RULES.literalRegex;
  const findings: LintFinding[] = extractTests(root, rule);
  for (const node of nodesOfKind(root, S.MatchesRegexExpression)) {
    const b = node as Kusto.Language.Syntax.BinaryExpression;
    const pattern = stringLiteralValue(b.Right);
    if (pattern === undefined || !b.Left) continue;
    const plain = plainTextRegex(pattern);
    if (!plain) continue;
    const literal = quoted(plain.text);
    const left = nodeText(b.Left);
    const fixText = literal && isStringTyped(b.Left) ? `${left} ${plain.operator} ${literal}` : undefined;
    findings.push({
      rule,
      start: node.TextStart,
      length: node.Width,
      message: lintMessage(rule, { pattern, replacement: plain.operator }),
      ...(fixText && !fixText.includes('\n')
        ? {
            data: {
              fixTitle: `Change to '${plain.operator}'`,
              fixText,
              preferred: true,
            } satisfies ReplacementFixData,
          }
        : {}),
    });
  }
  return findings;
};
