import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-types';
import { doc, settings, testService } from '../../helpers/languageService';

// The rule checks no other test names: each one is raised by a rule that breaks it, at the node
// that breaks it, and not by the nearest rule that keeps it.
const RULE = `id: 5d2f3a4b-6c7d-4e8f-9a0b-1c2d3e4f5a6b
name: Remote tool connection
description: |
  Finds remote tool connections.
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
eventGroupingSettings:
  aggregationKind: SingleAlert
alertDetailsOverride:
  alertDisplayNameFormat: Connection from {{DeviceName}} to {{RemoteIP}}
kind: Scheduled
version: 1.0.0
`;

const HUNTING = `id: 0a1b2c3d-1111-2222-3333-444455556666
name: Hunt
description: d
requiredDataConnectors: []
tactics:
  - Discovery
query: |
  SecurityEvent | take 10
`;

function withCode(text: string, code: string): { diagnostic: Diagnostic; at: string }[] {
  const service = testService();
  const s = settings();
  const document = doc(text, 'file:///rules/rule.yaml', 'yaml');
  return service
    .getDiagnostics(service.analyze(document, s), s)
    .filter((d) => d.source === 'kql-rules' && d.code === code)
    .map((diagnostic) => ({ diagnostic, at: document.getText(diagnostic.range) }));
}

function edit(base: string, from: string, to: string): string {
  assert.ok(base.includes(from), `the base rule holds ${JSON.stringify(from)}`);
  return base.replace(from, to);
}

const FOUR_FIELDS = `    fieldMappings:
      - identifier: HostName
        columnName: DeviceName
      - identifier: DnsDomain
        columnName: DeviceName
      - identifier: NTDomain
        columnName: DeviceName
      - identifier: FullName
        columnName: DeviceName
`;
const ONE_FIELD = '    fieldMappings:\n      - identifier: HostName\n        columnName: DeviceName\n';

// [check, the rule that breaks it, where the finding points, a rule that keeps it]
const CASES: [string, string, string, string][] = [
  [
    'rule-aggregation-kind',
    edit(RULE, 'aggregationKind: SingleAlert', 'aggregationKind: PerResult'),
    'PerResult',
    edit(RULE, 'aggregationKind: SingleAlert', 'aggregationKind: AlertPerResult'),
  ],
  [
    'rule-column-name-format',
    edit(RULE, '        columnName: DeviceName', '        columnName: Device Name'),
    'Device Name',
    edit(RULE, '        columnName: DeviceName', '        columnName: _DeviceName2').replace(
      '| project TimeGenerated, DeviceName,',
      '| project TimeGenerated, _DeviceName2 = DeviceName,',
    ),
  ],
  ['rule-field-mappings-count', edit(RULE, ONE_FIELD, FOUR_FIELDS), 'fieldMappings', RULE],
  [
    'rule-field-type',
    edit(
      RULE,
      'entityMappings:\n  - entityType: Host',
      'entityMappings: Host\nunused:\n  - entityType: Host',
    ),
    'Host',
    RULE,
  ],
  [
    'rule-hunting-tactic',
    edit(HUNTING, '  - Discovery', '  - Recon'),
    'Recon',
    edit(HUNTING, '  - Discovery', '  - Reconnaissance'),
  ],
  [
    'rule-legacy-entity-column',
    edit(RULE, 'RemoteUrl, RemoteIP', 'RemoteUrl, RemoteIP, HostCustomEntity = DeviceName'),
    'query',
    edit(
      edit(RULE, 'RemoteUrl, RemoteIP', 'RemoteUrl, RemoteIP, HostCustomEntity = DeviceName'),
      '        columnName: DeviceName',
      '        columnName: HostCustomEntity',
    ),
  ],
  [
    'rule-placeholders',
    edit(
      RULE,
      'Connection from {{DeviceName}} to {{RemoteIP}}',
      'Seen {{DeviceName}} {{RemoteIP}} {{RemoteUrl}} {{TimeGenerated}}',
    ),
    'Seen {{DeviceName}} {{RemoteIP}} {{RemoteUrl}} {{TimeGenerated}}',
    edit(
      RULE,
      'Connection from {{DeviceName}} to {{RemoteIP}}',
      'Seen {{DeviceName}} {{RemoteIP}} {{RemoteUrl}}',
    ),
  ],
];

for (const [code, broken, at, kept] of CASES) {
  test(`${code}: raised by a rule that breaks it, not by one that keeps it`, () => {
    const found = withCode(broken, code);
    assert.equal(found.length, 1, `one ${code} in the broken rule`);
    assert.equal(found[0].at, at);
    assert.deepEqual(withCode(kept, code), [], `no ${code} in the rule that keeps it`);
  });
}

test('the rule the cases start from breaks none of these checks', () => {
  for (const [code] of CASES) assert.deepEqual(withCode(RULE, code), [], code);
  assert.deepEqual(withCode(HUNTING, 'rule-hunting-tactic'), []);
});
