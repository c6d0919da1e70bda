/**
 * One documented example: a query, the answer Kusto's reference gives for it (re-expressed by
 * us), and the reference page it comes from (a file name under Kusto's query docs).
 */
export interface ConformanceCase {
  doc: string;
  query: string;
  /** The rows of the first result table, values as Kusto prints them (datetimes as ISO strings). */
  expected: unknown[][];
  /** Optional inline tables the query reads. */
  tables?: Record<string, Record<string, unknown>[]>;
}

/** A `print x = <expr>` case whose answer is one value. */
export function value(doc: string, expression: string, expected: unknown): ConformanceCase {
  return { doc, query: `print x = ${expression}`, expected: [[expected]] };
}

/** A tabular case. */
export function table(doc: string, query: string, expected: unknown[][]): ConformanceCase {
  return { doc, query, expected };
}
