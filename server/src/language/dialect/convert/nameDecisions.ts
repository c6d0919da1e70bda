import type { EnvironmentId } from '../../../schema/types';
import { kusto, toArray } from '../../kustoEngine';
import { defenderOnlyKind, renamedColumn, type DialectFacts, type EnvironmentNames } from '../dialectFacts';
import type { ConvertedNameKind } from './conversionTypes';

/** What becomes of one name: kept, written as another name, or left with a reason. */
export type NameDecision =
  | { readonly rewrite: string; readonly kind: ConvertedNameKind }
  | { readonly reason: string; readonly kind: ConvertedNameKind };

/** Both environments as the conversion sees them: the engine's databases and the shipped facts. */
export interface DialectPair {
  readonly from: EnvironmentId;
  readonly to: EnvironmentId;
  readonly sourceGlobals: Kusto.Language.GlobalState;
  readonly targetDb: Kusto.Language.Symbols.DatabaseSymbol;
  readonly here: EnvironmentNames;
  readonly there: EnvironmentNames;
  readonly facts: DialectFacts;
}

type Table = Kusto.Language.Symbols.TableSymbol;
type Column = Kusto.Language.Symbols.ColumnSymbol;

const DEFENDER_ONLY_REASON = {
  schemaOnly: 'Microsoft Sentinel shows in its schema but never fills, so the query returns no rows there',
  notInLogAnalytics: 'Log Analytics does not hold, so Microsoft Sentinel never receives its rows',
};

/** A name in the other spelling of case, when the target knows it only that way. */
function caseVariant(names: readonly string[], name: string): string | undefined {
  const lower = name.toLowerCase();
  return names.find((n) => n !== name && n.toLowerCase() === lower);
}

function columnNames(table: Table): string[] {
  return toArray(table.Columns).map((c) => c.Name ?? '');
}

/** A database table named in the query (not a let or a datatable). */
export function tableDecision(pair: DialectPair, name: string): NameDecision | undefined {
  const { here, there } = pair;
  if (pair.to === 'sentinel') {
    const only = defenderOnlyKind(name, pair.facts);
    if (only)
      return {
        kind: 'table',
        reason: `'${name}' is a ${here.displayName} table that ${DEFENDER_ONLY_REASON[only]}`,
      };
  }
  if (pair.targetDb.GetTable(name)) return undefined;
  const variant = caseVariant(
    toArray(pair.targetDb.Tables).map((t) => t.Name ?? ''),
    name,
  );
  if (variant) return { kind: 'table', rewrite: variant };
  return {
    kind: 'table',
    reason: `'${name}' is a ${here.displayName} table; ${there.displayName} has no table of that name`,
  };
}

/** A function of the source environment's database (FileProfile, _GetWatchlist, an ASIM parser). */
export function functionDecision(pair: DialectPair, name: string): NameDecision | undefined {
  const { here, there } = pair;
  const targetFunctions = toArray(pair.targetDb.Functions).map((f) => f.Name ?? '');
  if (targetFunctions.includes(name)) return undefined;
  const variant = caseVariant(targetFunctions, name);
  if (variant) return { kind: 'function', rewrite: variant };
  return {
    kind: 'function',
    reason: `'${name}' is a ${here.displayName} function; ${there.displayName} has no function of that name`,
  };
}

/**
 * The target's name for column `column` of source table `table`: the target's time column for
 * the source's, the same name, the other spelling of case, or a known rename. Undefined when
 * the target has no such table (the table itself is reported).
 */
function targetColumn(pair: DialectPair, table: string, column: string): NameDecision | undefined {
  const target = pair.targetDb.GetTable(table);
  if (!target) return undefined;
  const { here, there } = pair;
  const names = columnNames(target);
  const has = (n: string) => names.includes(n);
  if (column === here.timeColumn) {
    if (has(there.timeColumn)) return { kind: 'timeColumn', rewrite: there.timeColumn };
    if (has(column)) return { kind: 'timeColumn', rewrite: column };
    return {
      kind: 'timeColumn',
      reason: `'${column}' is the time column of ${table} in ${here.displayName}; ${table} has no time column in ${there.displayName}`,
    };
  }
  if (has(column)) return { kind: 'column', rewrite: column };
  const renamed = renamedColumn(table, column, pair.from);
  if (renamed && has(renamed)) return { kind: 'column', rewrite: renamed };
  const variant = caseVariant(names, column);
  if (variant) return { kind: 'column', rewrite: variant };
  return {
    kind: 'column',
    reason: `'${column}' is a column of ${table} in ${here.displayName}; ${table} in ${there.displayName} has no such column`,
  };
}

/**
 * The source database's tables a column comes from, with the column's name there: the table
 * itself, or through a join's or union's original columns. Empty for a computed column.
 */
export function columnOrigins(pair: DialectPair, column: Column): { table: string; column: string }[] {
  const db = pair.sourceGlobals.Database!;
  const out: { table: string; column: string }[] = [];
  const visit = (c: Column, depth: number) => {
    const table = pair.sourceGlobals.GetTable(c);
    if (table?.Name && db.GetTable(table.Name) === table) {
      out.push({ table: table.Name, column: c.Name ?? '' });
      return;
    }
    if (depth > 16) return;
    for (const o of toArray(c.OriginalColumns)) visit(o, depth + 1);
  };
  visit(column, 0);
  return out;
}

/**
 * A reference `name` to a column of database tables: what it becomes in the target. A join's
 * right side numbers a clashing name (`Timestamp1`), and the number is kept on the new name.
 */
export function columnDecision(
  pair: DialectPair,
  name: string,
  origins: readonly { table: string; column: string }[],
): NameDecision | undefined {
  const decisions = origins.flatMap((o) => {
    const d = targetColumn(pair, o.table, o.column);
    return d ? [{ origin: o, d }] : [];
  });
  const unconverted = decisions.find((x) => 'reason' in x.d);
  if (unconverted) return unconverted.d;
  const renames = new Set<string>();
  let kind: ConvertedNameKind = 'column';
  for (const { origin, d } of decisions) {
    if (!('rewrite' in d)) continue;
    kind = d.kind;
    if (name === origin.column) renames.add(d.rewrite);
    else if (name.startsWith(origin.column) && /^\d+$/.test(name.slice(origin.column.length)))
      renames.add(d.rewrite + name.slice(origin.column.length));
    else return undefined;
  }
  if (renames.size > 1)
    return {
      kind,
      reason: `'${name}' comes from tables that name it differently in ${pair.there.displayName} (${[...renames].join(', ')})`,
    };
  const [rewrite] = renames;
  return rewrite && rewrite !== name ? { kind, rewrite } : undefined;
}

/** The engine's symbol kinds the conversion reads. */
export function symbolKinds() {
  const K = kusto().Symbols.SymbolKind;
  return { table: K.Table, column: K.Column, function: K.Function };
}
