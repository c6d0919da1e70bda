import { kusto, toArray } from '../language/kustoEngine';
import type { LocalWorkspace } from './workspace';

/**
 * The engine's GlobalState for running against a workspace: the workspace's own tables (so a
 * query binds to exactly the columns the data has), plus the functions of the caller's
 * environment, so that a query calling them still binds and is then refused by name.
 */
const byShape = new Map<string, Kusto.Language.GlobalState>();
const baseIds = new WeakMap<Kusto.Language.GlobalState, number>();
let nextBaseId = 1;
const MAX_CACHED = 8;

/**
 * Building symbols for some sixty tables takes a noticeable moment, and detection tests make a
 * fresh workspace per case with the same tables, so states are shared by table shape, not identity.
 */
function shapeKey(workspace: LocalWorkspace, base?: Kusto.Language.GlobalState): string {
  let baseId = 0;
  if (base) {
    baseId = baseIds.get(base) ?? nextBaseId++;
    baseIds.set(base, baseId);
  }
  const parts = [String(baseId)];
  for (const [name, t] of workspace.tables)
    parts.push(`${name}(${t.columns.map((c) => `${c.name}:${c.type}`).join(',')})`);
  return parts.join(';');
}

export function globalsForWorkspace(
  workspace: LocalWorkspace,
  base?: Kusto.Language.GlobalState,
): Kusto.Language.GlobalState {
  const key = shapeKey(workspace, base);
  const hit = byShape.get(key);
  if (hit) return hit;
  const K = kusto();
  const S = K.Symbols;
  const members: Kusto.Language.Symbols.Symbol[] = [];
  for (const [name, table] of workspace.tables) {
    const columns = table.columns.map(
      (c) =>
        new S.ColumnSymbol(
          c.name,
          S.ScalarTypes.GetSymbol(c.type) ?? S.ScalarTypes.Dynamic!,
          null,
          null,
          null,
          null,
        ),
    );
    members.push(new S.TableSymbol.$ctor6(name, columns as never, null));
  }
  const baseDb = base?.Database;
  if (baseDb) {
    for (const m of toArray(baseDb.Members))
      if (m.Kind === S.SymbolKind.Function && !workspace.tables.has(m.Name!)) members.push(m);
  }
  const db = new S.DatabaseSymbol.$ctor1(baseDb?.Name ?? 'local', members as never, false);
  const globals = (base ?? K.GlobalState.Default!).WithDatabase(db)!;
  if (byShape.size >= MAX_CACHED) byShape.delete(byShape.keys().next().value!);
  byShape.set(key, globals);
  return globals;
}
