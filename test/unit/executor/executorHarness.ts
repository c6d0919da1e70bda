import { UnsupportedError } from '../../../server/src/executor/errors';
import { executeQuery, type QueryResult } from '../../../server/src/executor/executor';
import { createWorkspace, type LocalWorkspace } from '../../../server/src/executor/workspace';

/** A fixed now() so that every engine test is reproducible. */
export const TEST_NOW = '2024-05-10T12:00:00Z';

/** Runs a query over inline tables (column types inferred unless given) and returns the first table's rows. */
export function rows(
  query: string,
  tables: Record<string, Record<string, unknown>[]> = {},
  columnTypes?: Record<string, Record<string, string>>,
): unknown[][] {
  return run(query, tables, columnTypes).tables[0].rows;
}

export function run(
  query: string,
  tables: Record<string, Record<string, unknown>[]> = {},
  columnTypes?: Record<string, Record<string, string>>,
): QueryResult {
  return executeQuery(query, { workspace: workspaceOf(tables, columnTypes), now: TEST_NOW });
}

export function workspaceOf(
  tables: Record<string, Record<string, unknown>[]>,
  columnTypes?: Record<string, Record<string, string>>,
): LocalWorkspace {
  return createWorkspace({ name: 'test', tables, columnTypes });
}

/** The single value of a one-row, one-column result (`print x = ...`). */
export function scalar(expression: string): unknown {
  const r = rows(`print x = ${expression}`);
  return r[0][0];
}

/**
 * A dynamic result read back as plain JSON numbers: the executor gives a dynamic value holding a
 * whole real (2.0) as its JSON text, which a numeric check reads through this.
 */
export function asJson(v: unknown): unknown {
  return typeof v === 'string' ? (JSON.parse(v) as unknown) : v;
}

/** For assert.throws: a refusal by name whose message matches `pattern`. */
export const refusedWith = (pattern: RegExp) => (e: unknown) =>
  e instanceof UnsupportedError && pattern.test(e.message);
