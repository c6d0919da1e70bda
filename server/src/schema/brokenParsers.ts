import { kusto, toArray } from '../language/kustoEngine';
import { quoteName } from './symbolBuilder';
import type { EnvironmentSchema, FunctionDef, SchemaWarning } from './types';

/**
 * A repository's parser replaces the CI's declaration of the same name, because its own query
 * says best what it returns. When that query does not bind against the schema at hand (a raw
 * custom log whose declaration lacks columns the parser reads, a construct the engine rejects),
 * every rule that calls it would get the engine's KS512 and be checked against a half-bound
 * result; Azure-Sentinel's CI checks those rules against its declaration. So such a parser gives
 * way to the declaration, and the parser's file is told once why.
 *
 * Finding out costs one binding of each parser that replaced a declaration (about 80 ms each on
 * the 2-core machine, the work the first rule that calls it would do anyway); a run that builds
 * several catalogues from the same sources finds out once and hands the verdict on.
 */

/** Parser name to the first error in its own query, for the parsers that give way. */
export type BrokenParsers = Readonly<Record<string, string>>;

/** The parsers whose own query does not bind against `globals`, built from `schema`. */
export function findBrokenParsers(
  schema: EnvironmentSchema,
  globals: Kusto.Language.GlobalState,
): BrokenParsers {
  const candidates = schema.functions.filter((fn) => fn.replaced && callable(fn));
  const broken: Record<string, string> = {};
  if (candidates.length === 0) return broken;
  // One query calling them all: each call still binds its function's query once, but the fixed
  // cost of a query is paid once.
  const text =
    candidates.map((fn, i) => `let __call${i} = ${quoteName(fn.name)}();`).join('\n') + '\nprint 0';
  const K = kusto();
  let code: Kusto.Language.KustoCode;
  try {
    code = K.KustoCode.ParseAndAnalyze(text, globals)!;
  } catch {
    // A binder that throws tells nothing about the parsers; keep them.
    return broken;
  }
  K.Syntax.SyntaxElement.WalkNodes(code.Syntax, (node) => {
    const call = node as unknown as {
      CalledFunctionHasErrors?: boolean;
      GetCalledFunctionDiagnostics?: () => unknown;
      Name?: { ReferencedSymbol?: { Name?: string } };
    };
    const name = call.Name?.ReferencedSymbol?.Name;
    if (!call.CalledFunctionHasErrors || !call.GetCalledFunctionDiagnostics || !name || name in broken)
      return;
    const errors = toArray(
      call.GetCalledFunctionDiagnostics() as Parameters<typeof toArray<Kusto.Language.Diagnostic>>[0],
    ).filter((d) => d.Severity === 'Error');
    broken[name] = errors[0]?.Message ?? 'errors';
  });
  return broken;
}

/**
 * The schema with each broken parser replaced by the declaration it had replaced, and a warning
 * for the parser's file; undefined when there is nothing to replace.
 */
export function withBrokenParsersReplaced(
  schema: EnvironmentSchema,
  broken: BrokenParsers,
): { schema: EnvironmentSchema; warnings: SchemaWarning[] } | undefined {
  const gone = schema.functions.filter((fn) => fn.replaced && Object.hasOwn(broken, fn.name));
  if (gone.length === 0) return undefined;
  const functions = schema.functions.filter((fn) => !gone.includes(fn));
  const warnings: SchemaWarning[] = [];
  for (const fn of gone) {
    const { declaration, declaredIn, definedIn } = fn.replaced!;
    // A declared table stays a function of the parser's parameters, returning the declared
    // columns: calls with arguments still bind, and the name is still read as a parser's.
    functions.push(
      'columns' in declaration
        ? {
            name: fn.name,
            parameters: fn.parameters,
            resultColumns: declaration.columns,
            description: declaration.description ?? fn.description,
          }
        : declaration,
    );
    warnings.push({
      source: definedIn,
      message: `parser ${fn.name}: its query does not bind against this schema (${broken[fn.name]}), so the rules that call it are checked against the declaration in ${declaredIn}, as the repository's CI checks them`,
    });
  }
  return { schema: { ...schema, functions }, warnings };
}

/** A call with no arguments binds it: every parameter has a default and no table is piped in. */
function callable(fn: FunctionDef): boolean {
  return !fn.tabularInput && fn.parameters.every((p) => p.defaultValue !== undefined);
}
