import { kusto, toArray } from '../language/kustoEngine';
import type { LocalWorkspace } from './workspace';

/**
 * The engine's GlobalState for running against a workspace: the workspace's own tables (so a
 * query binds to exactly the columns the data has), plus the functions of the caller's
 * environment, so that a query calling them still binds and is then refused by name.
 */
const cache = new WeakMap<LocalWorkspace, Map<Kusto.Language.GlobalState | null, Kusto.Language.GlobalState>>();

export function globalsForWorkspace(workspace: LocalWorkspace, base?: Kusto.Language.GlobalState): Kusto.Language.GlobalState {
  let perBase = cache.get(workspace);
  if (!perBase) {
    perBase = new Map();
    cache.set(workspace, perBase);
  }
  const hit = perBase.get(base ?? null);
  if (hit) return hit;
  const K = kusto();
  const S = K.Symbols;
  const members: Kusto.Language.Symbols.Symbol[] = [];
  for (const [name, table] of workspace.tables) {
    const columns = table.columns.map((c) => new S.ColumnSymbol(c.name, S.ScalarTypes.GetSymbol(c.type) ?? S.ScalarTypes.Dynamic!, null, null, null, null));
    members.push(new S.TableSymbol.$ctor6(name, columns as never, null));
  }
  const baseDb = base?.Database;
  if (baseDb) {
    for (const m of toArray(baseDb.Members)) if (m.Kind === S.SymbolKind.Function && !workspace.tables.has(m.Name!)) members.push(m);
  }
  const db = new S.DatabaseSymbol.$ctor1(baseDb?.Name ?? 'local', members as never, false);
  const globals = (base ?? K.GlobalState.Default!).WithDatabase(db)!;
  perBase.set(base ?? null, globals);
  return globals;
}
