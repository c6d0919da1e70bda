import { kusto, toArray } from '../language/kustoEngine';
import { quoteName } from './symbolBuilder';
import type { EnvironmentSchema, FunctionDef, SchemaWarning, TableDef } from './types';

/**
 * A repository's parser replaces the CI's declaration of the same name, because its own query
 * says best what it returns. When that query does not bind against the schema at hand (a raw
 * custom log whose declaration lacks columns the parser reads, a construct the engine rejects),
 * every rule that calls it would get the engine's KS512 and be checked against a half-bound
 * result; Azure-Sentinel's CI checks those rules against its declaration. So such a parser gives
 * way to the declaration, and the parser's file is told once why.
 *
 * Finding out costs one binding of each such parser's query, the same work the first rule that
 * calls it would do; only parsers that replaced a declaration are bound.
 */
export function withBrokenParsersReplaced(
  schema: EnvironmentSchema,
  globals: Kusto.Language.GlobalState,
): { schema: EnvironmentSchema; warnings: SchemaWarning[] } | undefined {
  const errors = new Map<FunctionDef, string>();
  for (const fn of schema.functions) {
    const error = fn.replaced && callable(fn) ? bodyError(fn, globals) : undefined;
    if (error !== undefined) errors.set(fn, error);
  }
  const broken = [...errors.keys()];
  if (broken.length === 0) return undefined;
  const gone = new Set(broken.map((fn) => fn.name));
  const tables: TableDef[] = [...schema.tables];
  const functions: FunctionDef[] = schema.functions.filter((fn) => !gone.has(fn.name));
  const warnings: SchemaWarning[] = [];
  for (const fn of broken) {
    const { declaration, declaredIn, definedIn } = fn.replaced!;
    if ('columns' in declaration) tables.push(declaration);
    else functions.push(declaration);
    warnings.push({
      source: definedIn,
      message: `parser ${fn.name}: its query does not bind against this schema (${errors.get(fn)}), so the rules that call it are checked against the declaration in ${declaredIn}, as the repository's CI checks them`,
    });
  }
  return { schema: { ...schema, tables, functions }, warnings };
}

/** A call with no arguments binds it: every parameter has a default and no table is piped in. */
function callable(fn: FunctionDef): boolean {
  return !fn.tabularInput && fn.parameters.every((p) => p.defaultValue !== undefined);
}

/**
 * The first error in the function's own query when a call of it does not bind cleanly (what the
 * engine's KS512 analyzer looks at), else undefined.
 */
function bodyError(fn: FunctionDef, globals: Kusto.Language.GlobalState): string | undefined {
  const K = kusto();
  try {
    const code = K.KustoCode.ParseAndAnalyze(`${quoteName(fn.name)}()`, globals)!;
    let found: string | undefined;
    K.Syntax.SyntaxElement.WalkNodes(code.Syntax, (node) => {
      const call = node as unknown as {
        CalledFunctionHasErrors?: boolean;
        GetCalledFunctionDiagnostics?: () => unknown;
      };
      if (found !== undefined || !call.CalledFunctionHasErrors || !call.GetCalledFunctionDiagnostics) return;
      const errors = toArray(
        call.GetCalledFunctionDiagnostics() as Parameters<typeof toArray<Kusto.Language.Diagnostic>>[0],
      ).filter((d) => d.Severity === 'Error');
      found = errors[0]?.Message ?? 'errors';
    });
    return found;
  } catch {
    // A binder that throws tells nothing about the parser; keep it.
    return undefined;
  }
}
