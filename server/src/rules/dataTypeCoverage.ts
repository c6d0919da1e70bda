import { isSeq } from 'yaml';
import type { ParsedRuleYaml } from '../documents/ruleYaml';
import type { QueryFacts } from './queryFacts';
import { itemsOf, pairOf, scalarText, valueOf, type FindingList } from './ruleFindings';

/**
 * The table a `dataTypes` entry names. Sentinel writes a connector's share of a shared table as
 * `Table (Variant)`, such as `SecurityAlert (ASC for IoT)` or `OfficeActivity (Teams)`: the rule
 * reads `Table`.
 */
function tableOfDataType(entry: string): string {
  return entry.replace(/\s*\([^()]*\)\s*$/, '').trim();
}

/**
 * Whether the listed entries cover a table the query reads: it is listed, or it is a name the
 * repository's CI declares as a table in place of a parser (`BoxEvents`, `ProofpointPOD`,
 * `Cisco_Umbrella`) and the rule lists the custom logs under that parser, named after it
 * (`BoxEvents_CL`, `ProofpointPOD_message_CL`, `Cisco_Umbrella_proxy_CL`).
 */
function covered(table: string, listed: ReadonlySet<string>): boolean {
  const name = table.toLowerCase();
  if (listed.has(name)) return true;
  return [...listed].some(
    (entry) => entry.endsWith('_cl') && (entry === `${name}_cl` || entry.startsWith(`${name}_`)),
  );
}

/**
 * Every table the query reads should appear under some connector's `dataTypes`. Sentinel's CI
 * does not check this (the message says so); it is a warning, since a missing entry only hides
 * the rule's dependency from the data connectors page.
 */
export function dataTypeCoverage(rule: ParsedRuleYaml, facts: QueryFacts, out: FindingList): void {
  const connectors = pairOf(rule.root, 'requiredDataConnectors');
  if (!connectors || !isSeq(connectors.value)) return;
  const listed = new Set<string>();
  for (const connector of connectors.value.items) {
    for (const dataType of itemsOf(valueOf(connector, 'dataTypes')) ?? [])
      listed.add(tableOfDataType(scalarText(dataType) ?? '').toLowerCase());
  }
  // An empty list is the hunting queries' way of saying "any connector"; nothing to compare.
  if (listed.size === 0) return;
  const missing = facts.tablesRead.filter((t) => !covered(t, listed));
  if (missing.length > 0) out.add('rule-data-types', connectors.key, { value: missing.join(', ') });
}
