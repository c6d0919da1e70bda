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

const HUNTING_WITH_KIND = `id: 7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d
name: Hunting query copied from a rule
description: Carries a kind, as some hunting queries do.
kind: Scheduled
tactics:
  - Lateral Movement
query: |
  SecurityEvent
  | take 10
`;

test('a file under Hunting Queries is a hunting query whatever its kind, as the CI treats it', () => {
  const hunting = codes(
    HUNTING_WITH_KIND,
    ['SecurityEvent'],
    'file:///repo/Hunting%20Queries/SecurityEvent/x.yaml',
  );
  // No scheduling fields are required of it, and a malformed tactic is the hunting page's concern.
  assert.deepEqual(
    hunting.map((f) => f.split(':')[0]),
    ['rule-hunting-tactic'],
  );
  const solution = codes(HUNTING_WITH_KIND, [], 'file:///repo/Solutions/S/Hunting%20Queries/x.yaml');
  assert.deepEqual(
    solution.map((f) => f.split(':')[0]),
    ['rule-hunting-tactic'],
  );
  // The same file among the rules is a Scheduled rule that lacks its fields.
  const asRule = codes(HUNTING_WITH_KIND, [], 'file:///repo/Detections/SecurityEvent/x.yaml');
  assert.ok(
    asRule.some((f) => f.startsWith("rule-required-field: 'queryFrequency'")),
    asRule.join('\n'),
  );
  assert.ok(
    asRule.some((f) => f.startsWith('rule-tactic:')),
    asRule.join('\n'),
  );
});

test('a file without kind in an analytic-rule folder needs one, as the CI requires', () => {
  const noKind = HUNTING_WITH_KIND.replace('kind: Scheduled\n', '');
  const inRules = codes(noKind, [], 'file:///repo/Solutions/S/Analytic%20Rules/x.yaml');
  assert.ok(inRules.some((f) => f.startsWith("rule-required-field: 'kind' is required in an analytic rule")));
  const elsewhere = codes(noKind, [], 'file:///repo/mine/x.yaml');
  assert.ok(!elsewhere.some((f) => f.startsWith('rule-required-field')), elsewhere.join('\n'));
});

function duplicates(uri: string, others: string[], text = rule(['SecurityAlert'])): string[] {
  return checkRule({
    rule: parseRuleYaml(text)!,
    uri,
    ids: { otherFilesWithId: () => others },
  })
    .filter((f) => f.check.endsWith('id-duplicate'))
    .map((f) => `${f.check}: ${f.message}`);
}

test('duplicate ids: the CI compares analytic rules only, and leaves out the legacy Cisco Umbrella copies', () => {
  const detection = 'file:///repo/Detections/SecurityAlert/a.yaml';
  const solutionRule = 'file:///repo/Solutions/S/Analytic%20Rules/a.yaml';
  const hunting = 'file:///repo/Hunting%20Queries/SecurityAlert/a.yaml';
  const otherHunting = 'file:///repo/Solutions/S/Hunting%20Queries/b.yaml';
  // Two analytic rules: an error, as in the CI.
  const both = duplicates(detection, [solutionRule]);
  assert.equal(both.length, 1);
  assert.match(both[0], /^rule-id-duplicate: .*also used by Analytic Rules\/a\.yaml/);
  // A rule and a hunting query are different content: no finding either way.
  assert.deepEqual(duplicates(detection, [hunting]), []);
  assert.deepEqual(duplicates(hunting, [detection]), []);
  // Two hunting queries: stricter than the CI, so a warning that says so.
  const huntingPair = duplicates(hunting, [otherHunting]);
  assert.equal(huntingPair.length, 1);
  assert.match(huntingPair[0], /^rule-hunting-id-duplicate: .*CI does not compare hunting query ids/);
  // The legacy copies under Detections/CiscoUmbrella, from either side.
  const legacy = 'file:///repo/Detections/CiscoUmbrella/CiscoUmbrellaHiddenURL.yaml';
  assert.deepEqual(duplicates(legacy, [solutionRule]), []);
  assert.deepEqual(duplicates(solutionRule, [legacy]), []);
  // Outside a repository layout every rule file is compared with every other, as before.
  assert.equal(duplicates('file:///w/a.yaml', ['file:///w/b.yaml']).length, 1);
});

test('connector ids: checked against the dated CI list; a warning in rules, information in hunting queries', () => {
  const withConnector = (id: string) => rule(['SecurityAlert']).replace('AzureSecurityCenter', id);
  assert.deepEqual(codes(withConnector('AzureSecurityCenter'), ['SecurityAlert']), []);
  const ruleFinding = codes(withConnector('AzureMonitor(Query Audit)'), ['SecurityAlert']);
  assert.equal(ruleFinding.length, 1);
  assert.match(ruleFinding[0], /^rule-connector-id: .*'AzureMonitor\(Query Audit\)'.*\(2022-08-10\)/);
  const huntingFinding = codes(
    withConnector('AzureMonitor(Query Audit)'),
    ['SecurityAlert'],
    'file:///repo/Hunting%20Queries/x.yaml',
  );
  assert.deepEqual(
    huntingFinding.map((f) => f.split(':')[0]),
    ['rule-hunting-connector-id'],
  );
  assert.match(huntingFinding[0], /does not check hunting queries' connectors/);
});
