import { UnsupportedError } from './errors';
import type { QueryContext } from './queryContext';
import { compileScalar } from './scalarCompiler';
import { scopeOf } from './scope';
import { elements, firstTokenText, kindName } from './syntax';
import { toKqlType } from './values';

/**
 * `declare query_parameters(name:type = default, ...)` (query-parameters-statement.md): a client
 * may send a value for each parameter, and one it does not send takes its default. A local run
 * sends none, so each parameter is its default value, of its declared type; one declared without
 * a default has no value here and is refused by name, as is a tabular parameter.
 */
export function declareQueryParameters(
  s: Kusto.Language.Syntax.QueryParametersStatement,
  ctx: QueryContext,
): void {
  for (const p of elements<Kusto.Language.Syntax.FunctionParameter>(s.Parameters)) {
    const name = p.NameAndType?.Name?.SimpleName ?? '';
    const typeNode = p.NameAndType?.Type;
    if (!typeNode || kindName(typeNode) === 'SchemaTypeExpression')
      throw new UnsupportedError(`the tabular query parameter '${name}'`);
    const given = p.DefaultValue?.Value;
    if (!given)
      throw new UnsupportedError(
        `the query parameter '${name}' declared without a default value`,
        'a local run sends no query parameters, so only a default can give it a value',
      );
    const value = compileScalar(given, scopeOf({ columns: [], rows: [] }, ctx))([]);
    ctx.vars.set(name, { kind: 'scalar', value, type: toKqlType(firstTokenText(typeNode)) });
  }
}
