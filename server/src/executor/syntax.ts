import { kusto } from '../language/kustoEngine';
import { UnsupportedError } from './errors';
import { toKqlType, type Column, type KqlType } from './values';

/**
 * Small readers over Kusto.Language's syntax tree and symbols, so that the executor reads the
 * bound tree through names rather than through the bridge's .NET-style collections.
 */

export type Expr = Kusto.Language.Syntax.Expression;

interface DotNetList<T> {
  Count: number;
  getItem(i: number): T;
}

/** The elements of a SyntaxList, unwrapping SeparatedElement items. */
export function elements<T = Expr>(list: unknown): T[] {
  const out: T[] = [];
  if (!list) return out;
  const l = list as DotNetList<unknown>;
  for (let i = 0; i < l.Count; i++) {
    const item = l.getItem(i) as { Element?: unknown };
    out.push((item && typeof item === 'object' && 'Element' in item ? item.Element : item) as T);
  }
  return out;
}

let kindNames: Map<number, string> | undefined;

/** The SyntaxKind name of a node, such as 'FilterOperator' or 'HasExpression'. */
export function kindName(node: Kusto.Language.Syntax.SyntaxElement): string {
  if (!kindNames) {
    kindNames = new Map();
    const SK = kusto().Syntax.SyntaxKind as unknown as Record<string, unknown>;
    for (const [name, value] of Object.entries(SK)) if (typeof value === 'number') kindNames.set(value, name);
  }
  return kindNames.get(node.Kind) ?? String(node.Kind);
}

/** A node and every node beneath it, depth first (tokens left out). */
export function* subtree(node: Kusto.Language.Syntax.SyntaxNode): Generator<Expr> {
  yield node as Expr;
  for (let i = 0; i < node.ChildCount; i++) {
    const child = node.GetChild(i);
    if (child && 'ChildCount' in child) yield* subtree(child as Kusto.Language.Syntax.SyntaxNode);
  }
}

/** The scalar type the binder gave an expression. */
export function scalarTypeOf(expr: Expr): KqlType {
  return toKqlType(expr.ResultType?.Name);
}

/** True when the binder typed the expression as a table. */
export function isTabular(expr: Expr): boolean {
  const t = expr.ResultType;
  return !!t && t.Kind === kusto().Symbols.SymbolKind.Table;
}

/** The columns of the table type the binder gave a tabular expression or query operator. */
export function resultColumns(expr: Expr): Column[] {
  const t = expr.ResultType as Kusto.Language.Symbols.TableSymbol | null;
  const cols = (t as unknown as { Columns?: DotNetList<Kusto.Language.Symbols.ColumnSymbol> } | null)
    ?.Columns;
  if (!cols) return [];
  return elements<Kusto.Language.Symbols.ColumnSymbol>(cols).map((c) => ({
    name: c.Name!,
    type: toKqlType(c.Type?.Name),
  }));
}

/** The text of a node as written, for error messages. */
export function textOf(node: Kusto.Language.Syntax.SyntaxElement): string {
  const n = node as unknown as { ToString$1?: (flags: number) => string; ToString?: () => string };
  const s = typeof n.ToString === 'function' ? n.ToString() : '';
  return s.trim().replace(/\s+/g, ' ');
}

/** The text of the first token of a node: an operator's keyword, a function's name. */
export function firstTokenText(node: Kusto.Language.Syntax.SyntaxElement): string {
  let el: Kusto.Language.Syntax.SyntaxElement | null = node;
  while (el && !el.IsToken) {
    let next: Kusto.Language.Syntax.SyntaxElement | null = null;
    for (let i = 0; i < el.ChildCount && !next; i++) {
      const c = el.GetChild(i);
      if (c && (c.IsToken ? (c as Kusto.Language.Syntax.SyntaxToken).Text : c.ChildCount > 0)) next = c;
    }
    el = next;
  }
  return el ? ((el as Kusto.Language.Syntax.SyntaxToken).Text ?? '') : '';
}

/** The named parameters of an operator (`kind=inner`, `withsource=T`), lower-cased names to literal text. */
export function namedParameters(op: unknown): Map<string, string> {
  const out = new Map<string, string>();
  const params = (op as { Parameters?: unknown }).Parameters;
  for (const p of elements<Kusto.Language.Syntax.NamedParameter>(params)) {
    const name = p.Name?.SimpleName?.toLowerCase();
    if (!name) continue;
    const e = p.Expression;
    const v =
      e && e.IsLiteral && e.LiteralValue !== null && e.LiteralValue !== undefined
        ? String(unbox(e.LiteralValue))
        : e
          ? textOf(e)
          : '';
    out.set(name, v);
  }
  return out;
}

/** Bridge.NET boxes some literal values; this returns the plain JS value. */
export function unbox(v: unknown): unknown {
  if (v && typeof v === 'object' && '$boxed' in v) return (v as unknown as { v: unknown }).v;
  return v;
}

/** Rejects named parameters the executor would otherwise silently ignore. */
export function rejectParameters(
  op: unknown,
  operatorName: string,
  allowed: readonly string[],
): Map<string, string> {
  const params = namedParameters(op);
  for (const name of params.keys()) {
    if (!allowed.includes(name)) throw new UnsupportedError(`the '${name}' parameter of ${operatorName}`);
  }
  return params;
}
