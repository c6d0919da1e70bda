/** Small helpers that write KQL source text safely. */

/** A KQL single-quoted string literal; backslashes and quotes are escaped so any value round-trips. */
export function kqlString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\r/g, '\\r').replace(/\n/g, '\\n')}'`;
}

/**
 * A string comparison against one or more terms: `Column has 'a'` for one term, a
 * `has_any` list laid out one term per line for several, as hunters write them by hand.
 */
export function hasAnyCondition(column: string, terms: readonly string[], indent: string): string {
  if (terms.length === 0) throw new Error(`no terms to compare ${column} with`);
  if (terms.length === 1) return `${column} has ${kqlString(terms[0])}`;
  const items = terms.map((t) => `${indent}    ${kqlString(t)}`).join(',\n');
  return `${column} has_any (\n${items}\n${indent})`;
}
