/**
 * `column_ifexists(name, default)` returns the column `name` when the operator's input has it,
 * and the default otherwise (the function's documentation). The engine always types the call
 * as its default, so `column_ifexists("Details", "")` on a table whose `Details` is dynamic is a
 * string to the engine, and a path into it (`.displayName`) is reported as an unknown name: a
 * false error on rules that run in the service. Here the call takes the column's type when the
 * name is a literal and the input has that column; every other call is typed as the engine
 * types it.
 *
 * This reaches into the engine's internals, so it is defensive: when a method it expects is not
 * there (a future engine version), nothing is changed.
 */

type CallResult = (this: BinderLike, signature: unknown, ...rest: unknown[]) => unknown;

interface BinderLike {
  RowScopeOrEmpty?: { TryGetColumn?(name: string, column: { v?: { Type?: unknown } }): boolean };
}

let installed = false;

export function installColumnIfExistsTyping(engine: typeof Kusto.Language): void {
  if (installed) return;
  const binding = engine.Binding as unknown as {
    Binder?: {
      prototype: { GetFunctionCallResult$1?: CallResult };
      TryGetLiteralStringValue?: (expression: unknown, value: { v?: string | null }) => boolean;
    };
    FunctionCallResult?: { op_Implicit?: (type: unknown) => unknown };
  };
  const functions = engine.Functions as unknown as Record<string, { Signatures?: unknown } | undefined>;
  const binder = binding.Binder?.prototype;
  const result = binder?.GetFunctionCallResult$1;
  const literal = binding.Binder?.TryGetLiteralStringValue;
  const wrap = binding.FunctionCallResult?.op_Implicit;
  const symbols = [functions.ColumnIfExists, functions.ColumnIfExists_Deprecated].filter(
    (s): s is { Signatures?: unknown } => s !== undefined && s !== null,
  );
  if (!binder || typeof result !== 'function' || !literal || !wrap || symbols.length !== 2) return;
  installed = true;
  const ours = new Set<unknown>(symbols);

  binder.GetFunctionCallResult$1 = function (signature, args, ...rest) {
    const symbol = (signature as { Symbol?: unknown } | null)?.Symbol;
    if (ours.has(symbol)) {
      const first = (args as { Count?: number; getItem?(i: number): unknown } | null)?.getItem?.(0);
      const name: { v?: string | null } = {};
      const column: { v?: { Type?: unknown } } = {};
      if (
        first &&
        literal(first, name) &&
        name.v &&
        this.RowScopeOrEmpty?.TryGetColumn?.(name.v, column) &&
        column.v?.Type
      )
        return wrap(column.v.Type);
    }
    return result.call(this, signature, args, ...rest);
  };
}
