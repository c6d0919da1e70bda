import { kusto } from '../../kustoEngine';

/** Small readings of the engine's syntax tree that the cost lints share. */

type Node = Kusto.Language.Syntax.SyntaxNode;

/** A node's own text, without the comments and spaces before it. */
export function nodeText(node: Kusto.Language.Syntax.SyntaxElement): string {
  return (node.ToString(kusto().Syntax.IncludeTrivia.Interior) ?? '').trim();
}

/** The value of a string literal (quotes and escapes resolved), or undefined for anything else. */
export function stringLiteralValue(
  node: Kusto.Language.Syntax.SyntaxElement | null | undefined,
): string | undefined {
  if (!node || node.Kind !== kusto().Syntax.SyntaxKind.StringLiteralExpression) return undefined;
  const value = (node as unknown as { LiteralValue?: unknown }).LiteralValue;
  return typeof value === 'string' ? value : undefined;
}

/** Strips parentheses around an expression. */
export function unparenthesized(node: Node): Node {
  const S = kusto().Syntax.SyntaxKind;
  let n = node;
  while (n.Kind === S.ParenthesizedExpression) {
    const inner = (n as Kusto.Language.Syntax.ParenthesizedExpression).Expression;
    if (!inner) break;
    n = inner;
  }
  return n;
}

/** True when an expression's type is `string`. */
export function isStringTyped(node: Node | null | undefined): boolean {
  const type = (node as Kusto.Language.Syntax.Expression | null | undefined)?.ResultType;
  return !!type && type === kusto().Symbols.ScalarTypes.String;
}

/**
 * The operators piped after a query operator, nearest first: in `T | sort by x | take 5` those
 * after `sort` are `[take]`. The walk stays in one pipeline, so it stops at a parenthesis, a
 * join's right side or a `let`.
 */
export function operatorsAfter(op: Node): Node[] {
  const S = kusto().Syntax.SyntaxKind;
  const out: Node[] = [];
  let pipe = op.Parent;
  if (pipe?.Kind !== S.PipeExpression || (pipe as Kusto.Language.Syntax.PipeExpression).Operator !== op)
    return out;
  for (let outer = pipe.Parent; outer?.Kind === S.PipeExpression; pipe = outer, outer = outer.Parent) {
    const next = outer as Kusto.Language.Syntax.PipeExpression;
    if (next.Expression !== pipe || !next.Operator) break;
    out.push(next.Operator);
  }
  return out;
}

/**
 * The operators piped before a query operator, nearest first, and the pipeline's source (the
 * table, `union`, function call... it starts from).
 */
export function operatorsBefore(op: Node): { operators: Node[]; source: Node | undefined } {
  const S = kusto().Syntax.SyntaxKind;
  const operators: Node[] = [];
  const pipe = op.Parent;
  if (pipe?.Kind !== S.PipeExpression || (pipe as Kusto.Language.Syntax.PipeExpression).Operator !== op)
    return { operators, source: undefined };
  let input = (pipe as Kusto.Language.Syntax.PipeExpression).Expression as Node | null;
  while (input?.Kind === S.PipeExpression) {
    const p = input as Kusto.Language.Syntax.PipeExpression;
    if (p.Operator) operators.push(p.Operator);
    input = p.Expression;
  }
  return { operators, source: input ?? undefined };
}
