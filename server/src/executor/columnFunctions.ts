import { UnsupportedError } from './errors';
import type { Evaluator, Scope } from './evaluator';
import { isTabular, kindName, resultColumns, scalarTypeOf, type Expr } from './syntax';
import { toDynamic } from './values';

/**
 * The scalar functions that read their arguments' names or schema rather than only their values,
 * so they are compiled from the syntax: bag_pack_columns (bag-pack-columns-function.md),
 * column_names_of (column-names-of-function.md) and estimate_data_size
 * (estimate-data-size-function.md).
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

/**
 * estimate_data_size(columns or *): the bytes the page counts for a row. Its example pins two
 * sizes only, a long as 8 bytes and a string as its length, so those are computed (a string's
 * length only when it is ASCII, where characters and bytes agree) and any other type, a null
 * long or a non-ASCII string is refused by name when a row meets it.
 */
export function compileEstimateDataSize(
  argExprs: Expr[],
  scope: Scope,
  compile: (e: Expr, scope: Scope) => Evaluator,
): Evaluator {
  const parts: { value: Evaluator; type: string }[] = [];
  for (const e of argExprs) {
    if (kindName(e) === 'StarExpression')
      scope.columns.forEach((c, i) => parts.push({ value: (r) => r[i], type: c.type }));
    else parts.push({ value: compile(e, scope), type: scalarTypeOf(e) });
  }
  return (r) => {
    let bytes = 0;
    for (const p of parts) bytes += estimatedSize(p.value(r), p.type);
    return bytes;
  };
}

function estimatedSize(v: unknown, type: string): number {
  const refuse = (what: string): never => {
    throw new UnsupportedError(
      `estimate_data_size() of ${what}`,
      'its page gives the size of a long (8 bytes) and of a string (its length) only',
    );
  };
  if (type === 'long') return v === null || v === undefined ? refuse('a null long') : 8;
  if (type !== 'string') return refuse(`a ${type} value`);
  const s = (v ?? '') as string;
  return /^[\x00-\x7f]*$/.test(s) ? s.length : refuse('a string with characters beyond ASCII');
}
