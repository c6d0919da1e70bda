import { kusto } from '../kustoEngine';
import { nodesOfKind, type Lint, type LintFinding } from './lintContext';
import { LINT_RULES, lintMessage } from './lintRules';

type Node = Kusto.Language.Syntax.SyntaxNode;
type Binary = Kusto.Language.Syntax.BinaryExpression;

function unwrap(node: Node): Node {
  const S = kusto().Syntax.SyntaxKind;
  let n = node;
  while (n.Kind === S.ParenthesizedExpression)
    n = (n as Kusto.Language.Syntax.ParenthesizedExpression).Expression!;
  return n;
}

/** The operands of a chain `a or b or c` (or `and`), looking through parentheses. */
function operands(node: Node, kind: Kusto.Language.Syntax.SyntaxKind): Node[] {
  const n = unwrap(node);
  if (n.Kind !== kind) return [n];
  const b = n as Binary;
  return [...operands(b.Left!, kind), ...operands(b.Right!, kind)];
}

interface Comparison {
  column: string;
  value: string;
  shown: string;
  caseInsensitive: boolean;
}

/** `Column <op> literal` (either way round) for one of the given operators, else undefined. */
function comparison(
  node: Node,
  ops: { kind: Kusto.Language.Syntax.SyntaxKind; caseInsensitive: boolean }[],
): Comparison | undefined {
  const S = kusto().Syntax.SyntaxKind;
  const op = ops.find((o) => o.kind === node.Kind);
  if (!op) return undefined;
  const b = node as Binary;
  const left = unwrap(b.Left!);
  const right = unwrap(b.Right!);
  const [name, literal] = left.Kind === S.NameReference ? [left, right] : [right, left];
  if (name.Kind !== S.NameReference) return undefined;
  const lit = literal as unknown as { IsLiteral?: boolean; LiteralValue?: unknown };
  if (!lit.IsLiteral || lit.LiteralValue === null || lit.LiteralValue === undefined) return undefined;
  const raw = String(lit.LiteralValue);
  return {
    column: (name as Kusto.Language.Syntax.NameReference).SimpleName ?? name.toString()!.trim(),
    value: op.caseInsensitive ? raw.toLowerCase() : raw,
    shown: literal.toString()!.trim(),
    caseInsensitive: op.caseInsensitive,
  };
}

/**
 * `X != a or X != b` is always true and `X == a and X == b` always false when a and b differ:
 * a value cannot equal two different constants. Such filters are usually an exclusion list
 * meant to be written with `and` (or `!in`), or an allow list meant with `or` (or `in`).
 */
export const constantCondition: Lint = (ctx) => {
  const S = kusto().Syntax.SyntaxKind;
  const rule = LINT_RULES.constantCondition;
  const findings: LintFinding[] = [];
  const checks = [
    {
      chain: S.OrExpression,
      ops: [
        { kind: S.NotEqualExpression, caseInsensitive: false },
        { kind: S.BangTildeExpression, caseInsensitive: true },
      ],
      value: 'true',
      advice:
        'To exclude both values, join the conditions with `and`, or write `{column} !in ({first}, {second})`.',
    },
    {
      chain: S.AndExpression,
      ops: [
        { kind: S.EqualExpression, caseInsensitive: false },
        { kind: S.EqualTildeExpression, caseInsensitive: true },
      ],
      value: 'false',
      advice:
        'To match either value, join the conditions with `or`, or write `{column} in ({first}, {second})`.',
    },
  ];
  for (const check of checks) {
    for (const node of nodesOfKind(ctx.root, check.chain)) {
      // Report a chain once, at its outermost operator.
      if (node.Parent && unwrapParentKind(node) === check.chain) continue;
      const seen = new Map<string, Comparison>();
      for (const operand of operands(node, check.chain)) {
        const c = comparison(operand, check.ops);
        if (!c) continue;
        const key = `${c.column}\u0000${c.caseInsensitive}`;
        const earlier = seen.get(key);
        if (earlier && earlier.value !== c.value) {
          const values = { value: check.value, column: c.column, first: earlier.shown, second: c.shown };
          findings.push({
            rule,
            start: node.TextStart,
            length: node.Width,
            message: lintMessage(rule, {
              ...values,
              advice: lintMessage({ ...rule, message: check.advice }, values),
            }),
          });
          break;
        }
        if (!earlier) seen.set(key, c);
      }
    }
  }
  return findings;
};

/** The kind of the nearest ancestor that is not a parenthesis. */
function unwrapParentKind(node: Node): Kusto.Language.Syntax.SyntaxKind | undefined {
  const S = kusto().Syntax.SyntaxKind;
  let p = node.Parent;
  while (p && p.Kind === S.ParenthesizedExpression) p = p.Parent;
  return p?.Kind;
}
