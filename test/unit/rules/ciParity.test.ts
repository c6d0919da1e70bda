import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseRuleYaml } from '../../../server/src/documents/ruleYaml';
import { checkRule } from '../../../server/src/rules/ruleChecks';

/**
 * Rule checks against Azure-Sentinel's own validation (issue 17, item 3): each case where the
 * CI accepts a rule that an earlier version of these checks held against it, and each case the
 * checks must still report.
 */
const rule = (dataTypes: string[], extra = '') => `id: 5d2e4f6a-8b0c-4d1e-9f2a-3b4c5d6e7f80
name: Parity case
description: A rule written for these tests.
severity: Low
kind: Scheduled
requiredDataConnectors:
  - connectorId: AzureSecurityCenter
    dataTypes:
${dataTypes.map((d) => `      - ${d}`).join('\n')}
queryFrequency: 1h
queryPeriod: 1h
triggerOperator: gt
triggerThreshold: 0
tactics:
  - Persistence
relevantTechniques:
  - T1098
${extra}query: |
  SecurityAlert
  | project TimeGenerated
`;

function codes(text: string, tablesRead: string[], uri = 'file:///repo/Detections/x.yaml'): string[] {
  return checkRule({
    rule: parseRuleYaml(text)!,
    uri,
    facts: { outputColumns: ['TimeGenerated'], tablesRead },
  }).map((f) => `${f.check}: ${f.message}`);
}

test('dataTypes: the `Table (Variant)` form covers the table it names', () => {
  assert.deepEqual(codes(rule(['SecurityAlert (ASC for IoT)']), ['SecurityAlert']), []);
  assert.deepEqual(codes(rule(['OfficeActivity (Teams)']), ['OfficeActivity']), []);
  // The variant of another table still leaves the table read uncovered.
  const found = codes(rule(['OfficeActivity (Teams)']), ['SecurityAlert']);
  assert.equal(found.length, 1);
  assert.match(found[0], /^rule-data-types: The query reads SecurityAlert,.*CI does not check this/);
});

test('dataTypes: a name the CI declares as a table in place of a parser is not compared', () => {
  // BoxEvents is a parser over BoxEvents_CL; the CI's schema declares it as a table.
  assert.deepEqual(codes(rule(['BoxEvents_CL']), ['BoxEvents']), []);
  assert.deepEqual(codes(rule(['ProofpointPOD_message_CL']), ['ProofpointPOD']), []);
  // Other tables are still compared, and a table is not covered by an unrelated custom log.
  assert.equal(codes(rule(['BoxEvents_CL']), ['Other_CL']).length, 1);
  assert.equal(codes(rule(['Boxes_CL']), ['Box']).length, 1);
  assert.equal(codes(rule(['SecurityEvent']), ['Event']).length, 1);
  // The misspelt `SecurityEvents` (a connector id, not a table) is a real gap.
  assert.equal(codes(rule(['SecurityEvents']), ['SecurityEvent']).length, 1);
});
