import { toArray } from '../engineLists';

/**
 * Finding a name in a database: the engine scans every member for each lookup, which with the
 * Sentinel catalogue (1,132 tables and 52 functions) is a thousand comparisons per table or
 * function name in a query, about a tenth of the time spent binding a rule. Members of a database
 * symbol never change, so an index by name, built on first use, gives the same answer.
 */
let shippedGetMembers: ((this: unknown, ...args: unknown[]) => void) | undefined;

export function installDatabaseIndex(engine: typeof Kusto.Language): void {
  if (shippedGetMembers) return;
  const S = engine.Symbols;
  type Lookup = (
    this: Kusto.Language.Symbols.Symbol,
    name: string | null,
    match: number,
    symbols: { add(s: unknown): void },
    ignoreCase?: boolean,
  ) => void;
  const proto = S.DatabaseSymbol.prototype as unknown as { GetMembers$1?: Lookup };
  const shipped = proto.GetMembers$1;
  const matches = (
    S.SymbolMatchExtensions as unknown as {
      Matches$1?: (s: unknown, name: string, match: number, ignoreCase: boolean) => boolean;
    }
  ).Matches$1;
  if (typeof shipped !== 'function' || typeof matches !== 'function') return;
  shippedGetMembers = shipped as never;
  const indexes = new WeakMap<object, Map<string, Kusto.Language.Symbols.Symbol[]>>();
  proto.GetMembers$1 = function (name, match, symbols, ignoreCase) {
    // The engine compares names with a culture-aware comparison; an index of exact strings gives
    // the same answer for plain ASCII names, so anything else takes the engine's own path.
    if (name == null || ignoreCase || !/^[\x20-\x7e]+$/.test(name))
      return shipped.call(this, name, match, symbols, ignoreCase);
    let index = indexes.get(this);
    if (!index) {
      index = new Map();
      for (const member of toArray(this.Members)) {
        const key = member.Name ?? '';
        const list = index.get(key);
        if (list) list.push(member);
        else index.set(key, [member]);
      }
      indexes.set(this, index);
    }
    for (const member of index.get(name) ?? []) if (matches(member, name, match, false)) symbols.add(member);
  };
}

/** Puts the engine's database lookup back as shipped; for tests that compare the two. */
export function uninstallDatabaseIndex(engine: typeof Kusto.Language): void {
  if (!shippedGetMembers) return;
  (engine.Symbols.DatabaseSymbol.prototype as unknown as { GetMembers$1: unknown }).GetMembers$1 =
    shippedGetMembers;
  shippedGetMembers = undefined;
}
