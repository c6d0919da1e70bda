import { UnsupportedError } from './errors';
import type { Evaluator, Scope } from './evaluator';
import { isTabular, kindName, resultColumns, scalarTypeOf, type Expr } from './syntax';
import { toDynamic } from './values';

/**
 * The scalar functions that read their arguments' names or schema rather than only their values,
 * so they are compiled from the syntax: bag_pack_columns (bag-pack-columns-function.md) and
 * column_names_of (column-names-of-function.md).
 */

/**
 * bag_pack_columns(c1, c2, ...): a bag of each column's name to its value. The page speaks only of
 * columns, so an argument that is not a column reference is refused.
 */
export function compileBagPackColumns(
  argExprs: Expr[],
  scope: Scope,
  compile: (e: Expr, scope: Scope) => Evaluator,
): Evaluator {
  const parts = argExprs.map((e) => {
    if (kindName(e) !== 'NameReference')
      throw new UnsupportedError('bag_pack_columns() of an expression that is not a column');
    const name = (e as Kusto.Language.Syntax.NameReference).SimpleName ?? '';
    return { name, value: compile(e, scope), type: scalarTypeOf(e) };
  });
  return (r) => {
    const bag: Record<string, unknown> = {};
    for (const p of parts) bag[p.name] = toDynamic(p.value(r), p.type);
    return bag;
  };
}

/** column_names_of(tabular expression): the names of its columns, from the binder's schema. */
export function compileColumnNamesOf(argExprs: Expr[]): Evaluator {
  const arg = argExprs[0];
  if (!arg || !isTabular(arg))
    throw new UnsupportedError('column_names_of() of an expression that is not a table');
  const names = resultColumns(arg).map((c) => c.name);
  return () => [...names];
}
