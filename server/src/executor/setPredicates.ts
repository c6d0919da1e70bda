import type { Evaluator, Scope } from './evaluator';
import { hasMatcher } from './stringMatch';
import { elements, isTabular, kindName, scalarTypeOf, type Expr } from './syntax';
import { keyPart, valueToString, type KqlType, type Row } from './values';
import { asDecimalResult } from './decimalConversion';
import { UnsupportedError } from './errors';
import { ExactDecimal } from './exactDecimal';
import { fractionGuard } from './dynamicOperands';

/**
 * `in`, `!in`, `in~`, `!in~`, `has_any` and `has_all`. Their right-hand lists may mix scalars,
 * dynamic arrays (whose elements count one by one) and subqueries (whose first column counts),
 * so a list is turned into a function from a row to the candidate values; a list of constants
 * is computed once.
 */
/** What set predicates need from the scalar compiler, passed in because it calls them (no import cycle). */
export interface ScalarCompiler {
  scalar(expr: Expr, scope: Scope): Evaluator;
  literal(expr: Expr): unknown;
}

export function compileSetPredicate(expr: Expr, scope: Scope, compiler: ScalarCompiler): Evaluator {
  const node = expr as Kusto.Language.Syntax.InExpression;
  const op = (node.Operator?.Text ?? '').toLowerCase();
  const kind = kindName(expr);
  const leftType = scalarTypeOf(node.Left!);
  const left = compiler.scalar(node.Left!, scope);
  const candidates = compileList(elements(node.Right!.Expressions), scope, compiler);
  if (kind === 'HasAnyExpression' || kind === 'HasAllExpression') {
    const all = kind === 'HasAllExpression';
    const matchersOf = memo((values: unknown[]) =>
      values.map((v) => hasMatcher(typeof v === 'string' ? v : valueToString(v, 'dynamic'), false)),
    );
    return (r) => {
      const h = valueToString(left(r), leftType);
      const matchers = matchersOf(candidates(r));
      return all ? matchers.every((m) => m(h)) : matchers.some((m) => m(h));
    };
  }
  const insensitive = op.endsWith('~');
  const negate = op.startsWith('!');
  const norm = (v: unknown, t: KqlType) => {
    // A decimal meets the list by value: a long or an exact real as the decimal it is (values.ts).
    if (leftType === 'decimal' && v !== null && v !== undefined) {
      if (typeof v === 'string') throw new UnsupportedError(`'${op}' of a decimal among strings`);
      return keyPart(asDecimalResult(v));
    }
    // A real meets a decimal no double holds (0.1) only by a conversion the pages do not give.
    if (
      v instanceof ExactDecimal &&
      typeof v.key === 'string' &&
      (leftType === 'real' || leftType === 'dynamic')
    )
      throw new UnsupportedError(`'${op}' of a ${leftType} among decimals such as ${v.toString()}`);
    const s = t === 'string' || typeof v === 'string' ? valueToString(v, t) : undefined;
    if (s !== undefined) return insensitive ? s.toLowerCase() : s;
    return keyPart(v);
  };
  const setOf = memo(
    (values: unknown[]) => new Set(values.map((v) => norm(v, typeof v === 'string' ? 'string' : leftType))),
  );
  // A dynamic value among integers is the uncast comparison of dynamicOperands.ts.
  const guard =
    leftType === 'dynamic'
      ? fractionGuard(elements(node.Right!.Expressions).map(scalarTypeOf), `'${op}' a list holding`)
      : undefined;
  return (r) => {
    const v = left(r);
    guard?.(v);
    if (v === null && leftType !== 'string') return null;
    const found = setOf(candidates(r)).has(norm(v, leftType));
    return negate ? !found : found;
  };
}

/** Caches the last derived value for an identical candidate array (constant lists give the same array). */
function memo<T>(f: (values: unknown[]) => T): (values: unknown[]) => T {
  let lastIn: unknown[] | undefined;
  let lastOut: T | undefined;
  return (values) => {
    if (values !== lastIn) {
      lastIn = values;
      lastOut = f(values);
    }
    return lastOut as T;
  };
}

function compileList(items: Expr[], scope: Scope, compiler: ScalarCompiler): (row: Row) => unknown[] {
  const parts = items.map((item) => compileItem(item, scope, compiler));
  if (parts.every((p) => p.constant)) {
    let cached: unknown[] | undefined;
    return (r) => (cached ??= parts.flatMap((p) => p.values(r)));
  }
  return (r) => parts.flatMap((p) => p.values(r));
}

function compileItem(
  item: Expr,
  scope: Scope,
  compiler: ScalarCompiler,
): { constant: boolean; values: (row: Row) => unknown[] } {
  if (isTabular(item)) {
    let cached: unknown[] | undefined;
    return {
      constant: true,
      values: () => (cached ??= scope.ctx.evalTable(item).rows.map((row) => row[0])),
    };
  }
  const type = scalarTypeOf(item);
  if (item.IsLiteral) {
    const v = compiler.literal(item);
    const list = Array.isArray(v) ? v : [v];
    return { constant: true, values: () => list };
  }
  const f = compiler.scalar(item, scope);
  const constant =
    kindName(item) === 'DynamicExpression' ||
    (kindName(item) === 'NameReference' &&
      !scope.index.has((item as Kusto.Language.Syntax.NameReference).SimpleName ?? ''));
  return {
    constant,
    values: (r) => {
      const v = f(r);
      return type === 'dynamic' && Array.isArray(v) ? v : [v];
    },
  };
}
