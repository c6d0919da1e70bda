import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { parseRuleYaml } from '../../../server/src/documents/ruleYaml';
import { checkRule, type RuleIdIndex } from '../../../server/src/rules/ruleChecks';
import { RULE_CHECKS } from '../../../server/src/rules/ruleCheckTable';
import { parseRuleTimeSpan } from '../../../server/src/rules/timeSpan';
import { doc, settings, testService } from '../../helpers/languageService';

const GOOD = `id: 3f1c2a5e-7b8d-4e6f-9a0b-1c2d3e4f5a6b
name: TightVNC connection from an unexpected process
description: |
  Detects network connections made by TightVNC.
severity: Medium
requiredDataConnectors:
  - connectorId: MicrosoftThreatProtection
    dataTypes:
      - DeviceNetworkEvents
queryFrequency: 1h
queryPeriod: 1h
triggerOperator: gt
triggerThreshold: 0
tactics:
  - CommandAndControl
relevantTechniques:
  - T1219
query: |
  DeviceNetworkEvents
  | where InitiatingProcessFileName =~ "tvnserver.exe"
  | project TimeGenerated, DeviceName, RemoteUrl, RemoteIP
entityMappings:
  - entityType: Host
    fieldMappings:
      - identifier: HostName
        columnName: DeviceName
  - entityType: IP
    fieldMappings:
      - identifier: Address
        columnName: RemoteIP
customDetails:
  Url: RemoteUrl
kind: Scheduled
version: 1.0.0
`;

function findings(text: string, uri = 'file:///rules/rule.yaml'): Diagnostic[] {
  const service = testService();
  const s = settings();
  const document = doc(text, uri, 'yaml');
  return service.getDiagnostics(service.analyze(document, s), s).filter((d) => d.source === 'kql-rules');
}

/** The one finding of `code`, and the text of the node it points at. */
function one(text: string, code: string): { diagnostic: Diagnostic; at: string } {
  const all = findings(text);
  const matching = all.filter((d) => d.code === code);
  assert.equal(
    matching.length,
    1,
    `expected one ${code}, got ${JSON.stringify(all.map((d) => [d.code, d.message]))}`,
  );
  const document = doc(text, 'file:///x.yaml', 'yaml');
  return { diagnostic: matching[0], at: document.getText(matching[0].range) };
}

test('a complete, correct Scheduled rule has no findings at all', () => {
  assert.deepEqual(
    findings(GOOD).map((d) => d.message),
    [],
  );
});

test('the check table gives every check a severity, message and description', () => {
  for (const [id, check] of Object.entries(RULE_CHECKS)) {
    assert.match(id, /^(rule|yaml)-[a-z-]+$/);
    assert.ok(['error', 'warning', 'information'].includes(check.severity), id);
    assert.ok(check.message.length > 0 && check.description.endsWith('.'), id);
  }
});

test('each field check points at the exact YAML node', () => {
  const cases: [string, string, string, string][] = [
    ['id: 3f1c2a5e-7b8d-4e6f-9a0b-1c2d3e4f5a6b', 'id: not-a-guid', 'rule-id-format', 'not-a-guid'],
    ['severity: Medium', 'severity: Severe', 'rule-severity', 'Severe'],
    ['kind: Scheduled', 'kind: scheduled', 'rule-kind', 'scheduled'],
    ['  - CommandAndControl', '  - Command and Control', 'rule-tactic', 'Command and Control'],
    ['  - T1219', '  - T12190', 'rule-technique-format', 'T12190'],
    ['  - T1219', '  - T1078.004', 'rule-technique-tactic', 'T1078.004'],
    ['queryFrequency: 1h', 'queryFrequency: 1 hour', 'rule-timespan-format', '1 hour'],
    ['queryPeriod: 1h', 'queryPeriod: 15d', 'rule-timespan-range', '15d'],
    ['queryFrequency: 1h', 'queryFrequency: 2h', 'rule-period-frequency', '1h'],
    ['triggerOperator: gt', 'triggerOperator: ">"', 'rule-trigger-operator', '">"'],
    ['triggerThreshold: 0', 'triggerThreshold: 10001', 'rule-trigger-threshold', '10001'],
    ['      - identifier: HostName', '      - identifier: Hostname', 'rule-entity-identifier', 'Hostname'],
    ['  - entityType: IP', '  - entityType: IPAddress', 'rule-entity-type', 'IPAddress'],
    [
      '        columnName: RemoteIP',
      '        columnName: RemoteAddress',
      'rule-column-not-in-output',
      'RemoteAddress',
    ],
    ['  Url: RemoteUrl', '  Url: Url', 'rule-column-not-in-output', 'Url'],
    ['  Url: RemoteUrl', '  Url-Detail: RemoteUrl', 'rule-custom-details', 'Url-Detail'],
    [
      '  - connectorId: MicrosoftThreatProtection',
      '  - connectorId: MicrosoftThreatProtections',
      'rule-connector-id',
      'MicrosoftThreatProtections',
    ],
    [
      '      - DeviceNetworkEvents',
      '      - DeviceProcessEvents',
      'rule-data-types',
      'requiredDataConnectors',
    ],
    ['version: 1.0.0', 'version: 1.0', 'rule-version-format', '1.0'],
    [
      'queryFrequency: 1h\nqueryPeriod: 1h',
      'queryFrequency: 30m\nqueryPeriod: 2d',
      'rule-long-period-frequency',
      '30m',
    ],
  ];
  for (const [from, to, code, at] of cases) {
    assert.ok(GOOD.includes(from), from);
    const text = GOOD.replace(from, to);
    assert.equal(one(text, code).at, at, code);
  }
});

test('required fields per kind, and scalar lists with their quick-fix data', () => {
  const noTrigger = GOOD.replace('triggerOperator: gt\n', '');
  const missing = one(noTrigger, 'rule-required-field');
  assert.match(
    String(missing.diagnostic.message),
    /'triggerOperator' is required in a Scheduled analytic rule/,
  );
  assert.equal(missing.at, 'kind');
  // NRT rules have no schedule or trigger.
  const nrt = GOOD.replace('kind: Scheduled', 'kind: NRT').replace(
    /^(queryFrequency|queryPeriod|triggerOperator|triggerThreshold):.*\n/gm,
    '',
  );
  assert.deepEqual(
    findings(nrt).map((d) => d.message),
    [],
  );
  const scalar = one(
    GOOD.replace('tactics:\n  - CommandAndControl', 'tactics: CommandAndControl'),
    'rule-expected-list',
  );
  assert.equal(scalar.at, 'CommandAndControl');
  assert.deepEqual(scalar.diagnostic.data, { ruleFix: { kind: 'toList', field: 'tactics' } });
  const longName = one(GOOD.replace(/^name: .*$/m, `name: ${'x'.repeat(257)}`), 'rule-length');
  assert.match(String(longName.diagnostic.message), /257 characters long; the limit is 256/);
  const longQuery = one(
    GOOD.replace('  | project', `  | where A == "${'y'.repeat(10000)}"\n  | project`),
    'rule-length',
  );
  assert.equal(longQuery.at, 'query');
});

test('entity mappings: counts, duplicates and required identifiers', () => {
  const six = GOOD.replace(
    'entityMappings:\n',
    `entityMappings:\n${'  - entityType: IP\n    fieldMappings:\n      - identifier: Address\n        columnName: RemoteIP\n'.repeat(5)}`,
  );
  assert.equal(one(six, 'rule-entity-mappings-count').at, 'entityMappings');
  const fileHash = GOOD.replace(
    '  - entityType: IP\n    fieldMappings:\n      - identifier: Address',
    '  - entityType: FileHash\n    fieldMappings:\n      - identifier: Value',
  );
  assert.equal(one(fileHash, 'rule-entity-required-identifiers').at, 'FileHash');
  const duplicate = GOOD.replace(
    '        columnName: DeviceName\n',
    '        columnName: DeviceName\n      - identifier: HostName\n        columnName: DeviceName\n',
  );
  assert.equal(one(duplicate, 'rule-entity-identifier-duplicate').at, 'HostName');
});

test('hunting queries need only id, name, description and query', () => {
  const hunting = `id: 0a1b2c3d-1111-2222-3333-444455556666\nname: Hunt\ndescription: d\nrequiredDataConnectors: []\ntactics:\n  - Discovery\nquery: |\n  SecurityEvent | take 10\n`;
  assert.deepEqual(
    findings(hunting).map((d) => d.message),
    [],
  );
  assert.match(
    String(one(hunting.replace(/^name: Hunt\n/m, ''), 'rule-required-field').diagnostic.message),
    /'name' is required in a hunting query/,
  );
});

test('an id used by another file in the workspace is reported with that file', () => {
  const rule = parseRuleYaml(GOOD)!;
  const index: RuleIdIndex = {
    otherFilesWithId: (id, uri) =>
      id === '3f1c2a5e-7b8d-4e6f-9a0b-1c2d3e4f5a6b' && uri !== 'file:///w/b.yaml' ? ['file:///w/b.yaml'] : [],
  };
  const found = checkRule({ rule, uri: 'file:///w/a.yaml', ids: index }).filter(
    (f) => f.check === 'rule-id-duplicate',
  );
  assert.equal(found.length, 1);
  assert.match(found[0].message, /also used by w\/b\.yaml/);
  assert.equal(GOOD.slice(found[0].start, found[0].end), '3f1c2a5e-7b8d-4e6f-9a0b-1c2d3e4f5a6b');
});

test('severity overrides and off switch rule checks by id', () => {
  const service = testService();
  const text = GOOD.replace('severity: Medium', 'severity: Severe');
  const document = doc(text, 'file:///r.yaml', 'yaml');
  const warn = settings({ lints: { 'rule-severity': 'warning' } });
  assert.equal(
    service.getDiagnostics(service.analyze(document, warn), warn).find((d) => d.code === 'rule-severity')
      ?.severity,
    DiagnosticSeverity.Warning,
  );
  const off = settings({ lints: { 'rule-severity': 'off' } });
  assert.equal(
    service.getDiagnostics(service.analyze(document, off), off).find((d) => d.code === 'rule-severity'),
    undefined,
  );
});

test('rule YAML is checked in the Sentinel environment and a misspelled column lands on its YAML line', () => {
  const service = testService();
  const text = GOOD.replace('RemoteUrl, RemoteIP', 'RemoteUrl, RemoteIPP');
  const document = doc(text, 'file:///r.yaml', 'yaml');
  const s = settings({ environment: 'defender' });
  assert.equal(service.environmentOf(document, s), 'sentinel');
  const unknown = service.getDiagnostics(service.analyze(document, s), s).filter((d) => d.source === 'kql');
  assert.equal(unknown.length, 1, JSON.stringify(unknown));
  assert.equal(document.getText(unknown[0].range), 'RemoteIPP');
  assert.equal(
    unknown[0].range.start.line,
    text.split('\n').findIndex((l) => l.includes('RemoteIPP')),
  );
});

test('YAML that is not a rule gets no diagnostics at all', () => {
  const service = testService();
  for (const text of [
    'on: push\njobs:\n  build:\n    runs-on: ubuntu\n',
    'query: [unclosed\nkey: : bad\n',
    'apiVersion: v1\nkind: Pod\n',
  ]) {
    const document = doc(text, 'file:///ci.yaml', 'yaml');
    const s = settings();
    assert.deepEqual(service.getDiagnostics(service.analyze(document, s), s), [], text);
  }
});

test('query frequency and period formats', () => {
  assert.equal(parseRuleTimeSpan('5m'), 5);
  assert.equal(parseRuleTimeSpan('1h'), 60);
  assert.equal(parseRuleTimeSpan('14d'), 14 * 1440);
  assert.equal(parseRuleTimeSpan('01:30:00'), 90);
  assert.equal(parseRuleTimeSpan('1.00:00:00'), 1440);
  assert.equal(parseRuleTimeSpan('2'), 2880);
  assert.equal(parseRuleTimeSpan('PT1H'), undefined);
  assert.equal(parseRuleTimeSpan('1 h'), undefined);
});
