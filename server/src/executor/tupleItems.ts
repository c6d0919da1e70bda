import { kusto } from '../language/kustoEngine';
import { plainNumbers } from './wholeReals';
import { UnsupportedError } from './errors';
import { compileScalar, type Evaluator, type Scope } from './scalarCompiler';
import { TUPLE_FUNCTIONS } from './seriesFunctions';
import { elements, kindName, type Expr } from './syntax';
import type { Row } from './values';

/**
 * An extend or project item whose function returns several columns, such as
 * `(RSquare, Slope) = series_fit_line(y)` or `series_stats(y)`: the names given come first, and
 * the binder's own names (series_stats_y_min, ...) fill the rest, which is how the binder names
 * the operator's result columns.
 */
export interface TupleItem {
  names: string[];
  columns: Evaluator[];
  /** How many of the names the query gives (`x = f(...)` one, `(a, b) = f(...)` two, none unnamed). */
  declared: number;
}

export function compileTupleItem(item: Expr, scope: Scope): TupleItem | undefined {
  const kind = kindName(item);
  const value =
    kind === 'SimpleNamedExpression' || kind === 'CompoundNamedExpression'
      ? (item as Kusto.Language.Syntax.NamedExpression & { Expression: Expr }).Expression
      : item;
  const t = value.ResultType as (Kusto.Language.Symbols.TypeSymbol & { Columns?: unknown }) | null;
  if (!t || t.Kind !== kusto().Symbols.SymbolKind.Tuple) {
    if (kind === 'CompoundNamedExpression')
      throw new UnsupportedError(
        'assigning several columns at once from an expression that returns one value',
      );
    return undefined;
  }
  const call = value as Kusto.Language.Syntax.FunctionCallExpression;
  const fname = kindName(value) === 'FunctionCallExpression' ? (call.Name?.SimpleName ?? '') : '';
  const fn = TUPLE_FUNCTIONS[fname.toLowerCase()];
  if (!fn) throw new UnsupportedError(`the function ${fname || 'of several columns'}()`);
  const defaults = elements<Kusto.Language.Symbols.ColumnSymbol>(t.Columns).map((c) => c.Name!);
  const declared =
    kind === 'SimpleNamedExpression'
      ? [(item as Kusto.Language.Syntax.SimpleNamedExpression).Name!.SimpleName!]
      : kind === 'CompoundNamedExpression'
        ? elements<Kusto.Language.Syntax.NameDeclaration>(
            (item as Kusto.Language.Syntax.CompoundNamedExpression).Names?.Names,
          ).map((n) => n.SimpleName!)
        : [];
  // The tuple functions (series_stats, series_fit_*, series_decompose) read a series' elements as
  // doubles, so a whole real (wholeReals.ts) is given as its number.
  const args = elements(call.ArgumentList?.Expressions).map((a) => {
    const f = compileScalar(a, scope);
    return (r: Row) => plainNumbers(f(r));
  });
  // Each row's call is made once and shared by the item's columns.
  let lastRow: Row | undefined;
  let last: unknown[] = [];
  const values = (r: Row) => {
    if (r !== lastRow) {
      last = fn(args.map((a) => a(r)));
      lastRow = r;
    }
    return last;
  };
  return {
    names: [...declared, ...defaults.slice(declared.length)],
    columns: defaults.map((_, i) => (r: Row) => values(r)[i]),
    declared: declared.length,
  };
}
