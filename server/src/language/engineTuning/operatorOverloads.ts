/**
 * Choosing the overload of an operator (`==`, `has`, `between`, `and`...) is among the engine's
 * costliest binding steps: for each operator in a query it rates every signature against every
 * operand through several layers of runtime helpers, about a tenth of the time spent binding
 * the TightVNC query or the Sentinel rules. For operands of the built-in scalar types the choice
 * depends only on the operator's signature list and those types, so it is made once per
 * combination and remembered.
 *
 * What else the engine's choice can read is kept out: a parameter with a default-value marker,
 * a named or `*` operand, and operand types that are not the built-in scalar types (tables,
 * tuples, dynamic shapes) all take the engine's own path. The remembered combinations are
 * bounded by the operators and scalar types there are.
 *
 * This reaches into the engine's internals, so it is defensive: when a method it expects is not
 * there (a future engine version), nothing is changed. Tests compare every diagnostic of a
 * sample of real rules with and without it.
 */

import { toArray } from '../engineLists';

type List = { Count: number; getItem(i: number): unknown; add(item: unknown): void };
type Choose = (
  this: unknown,
  signatures: unknown,
  args: unknown,
  argumentTypes: unknown,
  result: List,
  requireAll?: boolean,
) => void;

interface Shipped {
  binder: { GetBestMatchingSignatures: Choose };
  choose: Choose;
}

let shipped: Shipped | undefined;

export function installOperatorOverloadMemo(engine: typeof Kusto.Language): void {
  if (shipped) return;
  const S = engine.Symbols;
  const syntax = engine.Syntax as unknown as Record<string, unknown>;
  const binder = (
    engine.Binding as unknown as { Binder?: { prototype: { GetBestMatchingSignatures?: Choose } } }
  ).Binder?.prototype;
  const choose = binder?.GetBestMatchingSignatures;
  const bridge = (globalThis as unknown as { Bridge?: { is(value: unknown, type: unknown): boolean } })
    .Bridge;
  const named = syntax.SimpleNamedExpression;
  const star = syntax.StarExpression;
  if (
    !binder ||
    typeof choose !== 'function' ||
    !bridge ||
    !named ||
    !star ||
    !S.OperatorSymbol ||
    !S.ScalarTypes
  )
    return;
  shipped = { binder: binder as Shipped['binder'], choose };

  // Each built-in scalar type is one shared instance; their positions make the memo's keys.
  const scalarIndex = new Map<unknown, number>();
  for (const value of Object.values(S.ScalarTypes as unknown as Record<string, unknown>)) {
    if (value instanceof S.TypeSymbol && !scalarIndex.has(value)) scalarIndex.set(value, scalarIndex.size);
  }
  // Per signature list: whether it is an operator's and can be remembered, and what was chosen.
  const memos = new WeakMap<object, Map<string, unknown[]> | null>();

  const memoFor = (signatures: List): Map<string, unknown[]> | null => {
    let memo = memos.get(signatures);
    if (memo === undefined) {
      memo = isPlainOperatorList(signatures, S.OperatorSymbol) ? new Map() : null;
      memos.set(signatures, memo);
    }
    return memo;
  };

  binder.GetBestMatchingSignatures = function (signatures, args, argumentTypes, result, requireAll) {
    const memo = signatures && typeof signatures === 'object' ? memoFor(signatures as List) : null;
    const key = memo ? keyOf(args as List, argumentTypes as List, requireAll === true) : undefined;
    if (!memo || key === undefined || result.Count !== 0)
      return choose.call(this, signatures, args, argumentTypes, result, requireAll);
    const chosen = memo.get(key);
    if (chosen) {
      for (const signature of chosen) result.add(signature);
      return;
    }
    choose.call(this, signatures, args, argumentTypes, result, requireAll);
    memo.set(key, toArray(result as unknown as System.Collections.Generic.IReadOnlyList$1<unknown>));
  };

  /** The operands' types as the memo's key, or undefined when the choice may read more than types. */
  function keyOf(args: List | null, types: List | null, requireAll: boolean): string | undefined {
    if (!args || !types) return undefined;
    let key = `${requireAll ? 1 : 0}:${args.Count}:${types.Count}`;
    for (let i = 0; i < types.Count; i++) {
      const type = scalarIndex.get(types.getItem(i));
      if (type === undefined) return undefined;
      key += `:${type}`;
    }
    for (let i = 0; i < args.Count; i++) {
      const arg = args.getItem(i) as { ResultType?: unknown } | null;
      if (!arg || bridge!.is(arg, named) || bridge!.is(arg, star)) return undefined;
      // One of the engine's layouts reads the operands' own types rather than the ones passed in.
      const own = scalarIndex.get(arg.ResultType);
      if (own === undefined) return undefined;
      key += `/${own}`;
    }
    return key;
  }
}

/** Puts the engine's overload choice back as shipped; for tests that compare the two. */
export function uninstallOperatorOverloadMemo(): void {
  if (!shipped) return;
  shipped.binder.GetBestMatchingSignatures = shipped.choose;
  shipped = undefined;
}

/** An operator's signatures with no parameter that reacts to a literal default-value marker. */
function isPlainOperatorList(signatures: List, operatorSymbol: unknown): boolean {
  if (typeof signatures.Count !== 'number' || signatures.Count < 2) return false;
  for (let i = 0; i < signatures.Count; i++) {
    const signature = signatures.getItem(i) as { Symbol?: unknown; Parameters?: List } | null;
    if (
      !signature ||
      !(signature.Symbol instanceof (operatorSymbol as new () => unknown)) ||
      !signature.Parameters
    )
      return false;
    for (let p = 0; p < signature.Parameters.Count; p++) {
      if (
        (signature.Parameters.getItem(p) as { DefaultValueIndicator?: unknown }).DefaultValueIndicator != null
      )
        return false;
    }
  }
  return true;
}
