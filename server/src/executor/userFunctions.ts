import { asDecimalResult, decimalAsReal } from './decimalConversion';
import { ExecutionError, UnsupportedError } from './errors';
import type { Binding, QueryContext } from './queryContext';
import { elements, firstTokenText, kindName, scalarTypeOf, type Expr } from './syntax';
import { toKqlType, type KqlType, type Row } from './values';

/**
 * User-defined functions (`let f = (a:string, b:int = 5) { ... }`). A call binds each parameter to
 * its argument (or its default) for the time the body is compiled or run, then puts back whatever
 * those names meant before, so the body sees its parameters and the caller's names stay intact.
 *
 * - Tabular calls (`union f("SigninLogs"), f("AADNonInteractiveUserSignInLogs")`) run the body's
 *   statements and expression once per call; scalar arguments are evaluated once, and a tabular
 *   parameter (`T:(*)`) is bound to its argument table.
 * - Scalar calls are compiled inline: each parameter becomes the caller's argument evaluator, so a
 *   call per row sees that row's arguments.
 */
export type FunctionBinding = Extract<Binding, { kind: 'function' }>;

export interface ArgumentBindings {
  names: string[];
  bindings: Binding[];
}

/** Binds parameters to arguments: `bind(argument)` for those given, `bind(default)` for the rest. */
export function bindParameters(
  fn: FunctionBinding,
  args: Expr[],
  bind: (e: Expr, parameterIsTable: boolean) => Binding,
): ArgumentBindings {
  const params = elements<Kusto.Language.Syntax.FunctionParameter>(fn.decl.Parameters?.Parameters);
  if (args.length > params.length)
    throw new ExecutionError(`${fn.name}() takes ${params.length} arguments, not ${args.length}`);
  const names: string[] = [];
  const bindings: Binding[] = [];
  params.forEach((p, i) => {
    const name = p.NameAndType?.Name?.SimpleName ?? '';
    const isTable = kindName(p.NameAndType?.Type ?? p) === 'SchemaTypeExpression';
    const given = args[i] ?? p.DefaultValue?.Value ?? undefined;
    if (!given) throw new ExecutionError(`${fn.name}(): no argument for the parameter '${name}'`);
    names.push(name);
    const binding = bind(given, isTable);
    const declared = isTable ? undefined : toKqlType(firstTokenText(p.NameAndType!.Type!));
    bindings.push(
      declared ? decimalParameter(binding, scalarTypeOf(given), declared, `${fn.name}(${name})`) : binding,
    );
  });
  return { names, bindings };
}

/**
 * An argument for a parameter where one of the two is a decimal: the body sees the parameter's
 * type, so a long or an exact real becomes the decimal it is, and a decimal becomes the real it is
 * where that is certain (decimalConversion.ts); other pairings are refused by name.
 */
function decimalParameter(binding: Binding, given: KqlType, declared: KqlType, what: string): Binding {
  if ((given === 'decimal') === (declared === 'decimal')) return binding;
  let convert: (v: unknown) => unknown;
  if (declared === 'decimal') convert = asDecimalResult;
  else if (declared === 'real') convert = (v) => decimalAsReal(v, what);
  else throw new UnsupportedError(`a decimal argument for the ${declared} parameter of ${what}`);
  if (binding.kind === 'scalar') return { kind: 'scalar', value: convert(binding.value), type: declared };
  if (binding.kind === 'row') return { kind: 'row', evaluate: (r) => convert(binding.evaluate(r)) };
  return binding;
}

/** Runs `work` with the names bound, then restores every name the work may have changed. */
export function withBindings<T>(ctx: QueryContext, bound: ArgumentBindings, work: () => T): T {
  const saved = new Map(ctx.vars);
  bound.names.forEach((name, i) => ctx.vars.set(name, bound.bindings[i]));
  try {
    return work();
  } finally {
    ctx.vars.clear();
    for (const [k, v] of saved) ctx.vars.set(k, v);
  }
}

/**
 * The body's statements (lets) and its result expression. The engine binds a body again at each
 * call site with what it knows of the arguments (`table(tableName)` becomes the named table, with
 * its columns); that expansion is used when there is one, since the declaration's own binding may
 * not know the columns.
 */
export function functionBody(
  fn: FunctionBinding,
  call?: Expr,
): { statements: Kusto.Language.Syntax.Statement[]; result: Expr } {
  const expanded = call?.GetCalledFunctionBody() as Kusto.Language.Syntax.FunctionBody | null | undefined;
  const body = expanded && kindName(expanded) === 'FunctionBody' ? expanded : fn.decl.Body!;
  return {
    statements: elements<Kusto.Language.Syntax.Statement>(body.Statements),
    result: body.Expression!,
  };
}

/** A binding for a parameter that holds the caller's per-row argument. */
export function rowArgument(evaluate: (r: Row) => unknown): Binding {
  return { kind: 'row', evaluate };
}
