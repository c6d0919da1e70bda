import type { EnvironmentId } from '../../schema/types';
import { defenderOnlyKind, otherEnvironment, type DialectFacts, type EnvironmentNames } from './dialectFacts';

/** A name the engine could not bind, with what the query around it reads. */
export interface UnknownName {
  readonly name: string;
  /** The environment the document is checked in. */
  readonly environment: EnvironmentId;
  /** The tables the query reads, bound in that environment, in the order they appear. */
  readonly tables: readonly string[];
}

/** What to say instead of "unknown name", and the name to write instead when there is one. */
export interface DialectExplanation {
  readonly message: string;
  readonly replacement?: string;
}

function quoteList(names: readonly string[]): string {
  return names.join(', ');
}

/**
 * The other environment's time column: say which column this one has instead, and offer it
 * when a table the query reads has it.
 */
function timeColumn(u: UnknownName, here: EnvironmentNames, there: EnvironmentNames): DialectExplanation {
  const withTime = u.tables.filter((t) => here.tables.get(t)?.has(here.timeColumn));
  const head = `'${u.name}' is the time column of ${there.displayName}; `;
  if (withTime.length > 0)
    return {
      message: `${head}in ${here.displayName}, ${quoteList(withTime)} ${withTime.length > 1 ? 'have' : 'has'} ${here.timeColumn} instead.`,
      replacement: here.timeColumn,
    };
  if (u.tables.some((t) => here.tables.has(t)))
    return {
      message: `${head}in ${here.displayName}, ${quoteList(u.tables)} ${u.tables.length > 1 ? 'have' : 'has'} no ${here.timeColumn} either.`,
    };
  return {
    message: `${head}${here.displayName} tables have ${here.timeColumn} instead.`,
    replacement: here.timeColumn,
  };
}

/** A column of the other environment's version of a table the query reads. */
function columnOfTable(
  u: UnknownName,
  here: EnvironmentNames,
  there: EnvironmentNames,
): DialectExplanation | undefined {
  for (const table of u.tables) {
    const ours = here.tables.get(table);
    if (!ours || ours.has(u.name) || !there.tables.get(table)?.has(u.name)) continue;
    const lower = u.name.toLowerCase();
    const spelling = [...ours].find((c) => c.toLowerCase() === lower);
    if (spelling)
      return {
        message: `'${u.name}' is how ${there.displayName} spells this column of ${table}; ${here.displayName} spells it '${spelling}'.`,
        replacement: spelling,
      };
    return {
      message: `'${u.name}' is a column of ${table} in ${there.displayName}; ${table} in ${here.displayName} has no such column.`,
    };
  }
  return undefined;
}

/**
 * Explains a name that does not bind in the document's environment but belongs to the other
 * one: its time column, one of its tables or functions, or a column its version of a table the
 * query reads has. Undefined when the name belongs to neither (a plain typo), so the engine's
 * own message stands.
 */
export function explainUnknownName(u: UnknownName, facts: DialectFacts): DialectExplanation | undefined {
  const here = facts[u.environment];
  const there = facts[otherEnvironment(u.environment)];
  if (u.name === there.timeColumn && u.name !== here.timeColumn) return timeColumn(u, here, there);
  // A Defender table that the built-in Sentinel schema lists but Log Analytics lacks is unknown
  // to a live workspace's schema: it is still the other environment's.
  const hereHasTable =
    here.tables.has(u.name) && !(here.id === 'sentinel' && defenderOnlyKind(u.name, facts));
  if (there.tables.has(u.name) && !hereHasTable)
    return {
      message: `'${u.name}' is a ${there.displayName} table; ${here.displayName} has no table of that name.`,
    };
  if (there.functions.has(u.name) && !here.functions.has(u.name))
    return {
      message: `'${u.name}' is a ${there.displayName} function; ${here.displayName} has no function of that name.`,
    };
  return columnOfTable(u, here, there);
}
