/**
 * Memoises two pure steps of the engine's completer that it repeats for every request.
 *
 * The engine builds a completion item for each of its ~370 built-in functions on every request,
 * reading each function's signatures through LINQ, and then copies most items once more to add a
 * trailing space. Both results depend only on the (immutable) function symbol, a few facts about
 * the position's context and the completer's options, so they can be built once and shared: the
 * items themselves are immutable (their `With…` methods return copies).
 *
 * This reaches into the engine's internals, so it is defensive: when a method it expects is not
 * there (a future engine version), nothing is changed and the engine runs as shipped. Tests compare
 * completion lists with and without it.
 */
type Completer = {
  _code: { Globals: Kusto.Language.GlobalState; Dialect: number };
  _options: object;
};
type ItemsForSymbol = (
  this: Completer,
  symbol: Kusto.Language.Symbols.Symbol,
  contextNode: unknown,
  nameOnly: boolean,
  items: { add(item: unknown): void },
) => void;
type AddSpace = (this: Completer, item: object) => object;

interface CompleterStatics {
  IsStartOfQuery(contextNode: unknown): boolean;
  IsInvokeFunctionContext(contextNode: unknown): boolean;
  prototype: { GetCompletionItemsForSymbol?: ItemsForSymbol; AddSpaceToCompletionItem?: AddSpace };
}

interface Original {
  prototype: CompleterStatics['prototype'];
  itemsForSymbol: ItemsForSymbol;
  addSpace: AddSpace;
}

let original: Original | undefined;

export function installCompletionMemo(engine: typeof Kusto.Language): void {
  if (original) return;
  const completer = (engine.Editor as unknown as { KustoCompleter?: CompleterStatics }).KustoCompleter;
  const proto = completer?.prototype;
  const itemsForSymbol = proto?.GetCompletionItemsForSymbol;
  const addSpace = proto?.AddSpaceToCompletionItem;
  if (
    !completer ||
    !proto ||
    typeof itemsForSymbol !== 'function' ||
    typeof addSpace !== 'function' ||
    typeof completer.IsStartOfQuery !== 'function' ||
    typeof completer.IsInvokeFunctionContext !== 'function'
  )
    return;
  original = { prototype: proto, itemsForSymbol, addSpace };

  const FunctionSymbol = engine.Symbols.FunctionSymbol;
  const byOptions = new WeakMap<object, WeakMap<object, Map<string, unknown[]>>>();
  const contextFacts = new WeakMap<object, string>();
  proto.GetCompletionItemsForSymbol = function (symbol, contextNode, nameOnly, items) {
    if (!(symbol instanceof FunctionSymbol) || !this._code.Globals.IsBuiltInFunction(symbol)) {
      itemsForSymbol.call(this, symbol, contextNode, nameOnly, items);
      return;
    }
    let bySymbol = byOptions.get(this._options);
    if (!bySymbol) byOptions.set(this._options, (bySymbol = new WeakMap()));
    let byContext = bySymbol.get(symbol);
    if (!byContext) bySymbol.set(symbol, (byContext = new Map()));
    // Everything else the engine reads to build a built-in function's items. The two facts about
    // the context node are the same for every symbol of a request, so they are asked once per node.
    let facts = contextFacts.get(contextNode as object);
    if (facts === undefined) {
      facts = `${completer.IsStartOfQuery(contextNode)}|${completer.IsInvokeFunctionContext(contextNode)}`;
      if (contextNode && typeof contextNode === 'object') contextFacts.set(contextNode, facts);
    }
    const key = `${facts}|${nameOnly}|${this._code.Dialect}`;
    let built = byContext.get(key);
    if (!built) {
      built = [];
      const collected = built;
      itemsForSymbol.call(this, symbol, contextNode, nameOnly, { add: (item) => collected.push(item) });
      byContext.set(key, built);
    }
    for (const item of built) items.add(item);
  };

  const spaced = new WeakMap<object, object>();
  proto.AddSpaceToCompletionItem = function (item) {
    let copy = spaced.get(item);
    if (!copy) spaced.set(item, (copy = addSpace.call(this, item)));
    return copy;
  };
}

/** Puts the engine back as shipped; for tests that compare the two. */
export function uninstallCompletionMemo(): void {
  if (!original) return;
  original.prototype.GetCompletionItemsForSymbol = original.itemsForSymbol;
  original.prototype.AddSpaceToCompletionItem = original.addSpace;
  original = undefined;
}
