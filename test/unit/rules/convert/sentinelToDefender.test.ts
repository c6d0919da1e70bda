import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseRuleYaml } from '../../../../server/src/documents/ruleYaml';
import type { DetectionRule } from '../../../../server/src/rules/convert/detectionRuleShape';
import type { ConvertQuery } from '../../../../server/src/rules/convert/queryConversion';
import { sentinelToDefender } from '../../../../server/src/rules/convert/sentinelToDefender';
import { TIGHTVNC_RULE, TIGHTVNC_SUMMARY_RULE } from './ruleFixtures';

function convert(
  yaml: string,
  convertQuery?: ConvertQuery,
): { rule: DetectionRule; notConverted: readonly string[] } {
  const parsed = parseRuleYaml(yaml);
  assert.ok(parsed, 'the fixture is a rule');
  const result = sentinelToDefender(parsed, convertQuery);
  assert.ok(result.ok, result.ok ? '' : result.reason);
  return result;
}

test('each Sentinel field lands in its detectionRule field', () => {
  const { rule } = convert(TIGHTVNC_RULE);
  assert.equal(rule.id, '2b8f4d6a-9c1e-4a7b-b3d5-6e0f8a2c4d91');
  assert.equal(rule.displayName, 'TightVNC network connection (per event)');
  assert.equal(rule.isEnabled, true);
  assert.match(
    rule.queryCondition.queryText,
    /^DeviceNetworkEvents\n\| where InitiatingProcessVersionInfoProductName/,
  );
  assert.deepEqual(rule.schedule, { frequency: 'PT3H', lookback: 'PT12H' });
  const alert = rule.detectionAction.alertTemplate;
  assert.equal(alert.title, rule.displayName);
  assert.equal(alert.description, 'A TightVNC process made a network connection.');
  assert.equal(alert.severity, 'high');
  // T1219 is a CommandAndControl technique; T1133 belongs to Persistence (and InitialAccess).
  assert.deepEqual(alert.tactics, [
    { tactic: 'CommandAndControl', techniques: [{ technique: 'T1219', subTechniques: [] }] },
    { tactic: 'Persistence', techniques: [{ technique: 'T1133', subTechniques: [] }] },
  ]);
  assert.deepEqual(alert.entityMappings, {
    hosts: [{ nameColumn: 'DeviceName' }],
    accounts: [{ sidColumn: 'InitiatingProcessAccountSid' }],
  });
  assert.deepEqual(rule.detectionAction.responseActions, []);
});

test('none of the properties Graph removed on 2026-10-01 is written', () => {
  const { rule } = convert(TIGHTVNC_RULE);
  assert.ok(!('period' in rule.schedule));
  for (const removed of ['impactedAssets', 'category', 'mitreTechniques'])
    assert.ok(!(removed in rule.detectionAction.alertTemplate), removed);
});

test('a sub-technique is listed under its technique, and a tactic without techniques is kept', () => {
  const { rule, notConverted } = convert(
    TIGHTVNC_RULE.replace('  - T1133\n', '  - T1059.001\n').replace('  - Persistence', '  - Discovery'),
  );
  assert.deepEqual(rule.detectionAction.alertTemplate.tactics, [
    {
      tactic: 'CommandAndControl',
      techniques: [
        { technique: 'T1219', subTechniques: [] },
        { technique: 'T1059', subTechniques: ['T1059.001'] },
      ],
    },
    { tactic: 'Discovery', techniques: [] },
  ]);
  assert.deepEqual(notConverted, []);
});

test('the query goes through the injected converter, from Sentinel to Defender, and its notes are kept', () => {
  const calls: string[] = [];
  const { rule, notConverted } = convert(TIGHTVNC_RULE, (text, from, to) => {
    calls.push(`${from}->${to}`);
    return { text: `// converted\n${text}`, notConverted: ['_GetWatchlist has no Defender counterpart.'] };
  });
  assert.deepEqual(calls, ['sentinel->defender']);
  assert.match(rule.queryCondition.queryText, /^\/\/ converted\nDeviceNetworkEvents/);
  assert.ok(notConverted.includes('_GetWatchlist has no Defender counterpart.'));
});

test('a tactic or technique that is not ATT&CK is named as not converted', () => {
  const { rule, notConverted } = convert(
    TIGHTVNC_RULE.replace('  - Persistence', '  - Sneaking').replace('  - T1133', '  - X1133'),
  );
  assert.deepEqual(
    rule.detectionAction.alertTemplate.tactics.map((t) => t.tactic),
    ['CommandAndControl'],
  );
  assert.ok(notConverted.some((n) => n.startsWith("Tactic 'Sneaking' is not an ATT&CK tactic")));
  assert.ok(notConverted.some((n) => n.startsWith("Technique 'X1133' is not an ATT&CK technique id")));
});

for (const [frequency, iso, noted] of [
  ['1h', 'PT1H', false],
  ['5m', 'PT1H', true],
  ['2h', 'PT3H', true],
  ['12h', 'PT12H', false],
  ['1d', 'P1D', false],
  ['14d', 'P1D', true],
] as const) {
  test(`queryFrequency ${frequency} becomes frequency ${iso}${noted ? ', with a note' : ''}`, () => {
    const { rule, notConverted } = convert(
      TIGHTVNC_RULE.replace('queryFrequency: 3h', `queryFrequency: ${frequency}`),
    );
    assert.equal(rule.schedule.frequency, iso);
    assert.equal(
      notConverted.some((n) => n.startsWith(`queryFrequency ${frequency}`)),
      noted,
    );
  });
}

test('an NRT rule becomes a continuous detection (frequency PT0S) without a look-back', () => {
  const nrt = TIGHTVNC_RULE.replace('kind: Scheduled', 'kind: NRT');
  assert.deepEqual(convert(nrt).rule.schedule, { frequency: 'PT0S' });
});

test('queryPeriod becomes the look-back, lengthened to the frequency when shorter', () => {
  const week = convert(TIGHTVNC_RULE.replace('queryPeriod: 12h', 'queryPeriod: 7d'));
  assert.equal(week.rule.schedule.lookback, 'P7D');
  assert.ok(!week.notConverted.some((n) => n.startsWith('queryPeriod')));
  const short = convert(
    TIGHTVNC_RULE.replace('queryFrequency: 3h', 'queryFrequency: 15m').replace(
      'queryPeriod: 12h',
      'queryPeriod: 30m',
    ),
  );
  assert.deepEqual(short.rule.schedule, { frequency: 'PT1H', lookback: 'PT1H' });
  assert.ok(short.notConverted.some((n) => /^queryPeriod 30m is shorter than the frequency PT1H/.test(n)));
});

test('entity types without a counterpart are listed by name; every Host field and a second Host carry over', () => {
  const { rule, notConverted } = convert(
    TIGHTVNC_SUMMARY_RULE.replace(
      '  - entityType: URL',
      '  - entityType: Process\n    fieldMappings:\n      - identifier: CommandLine\n        columnName: InitiatingProcessCommandLine\n  - entityType: URL',
    ),
  );
  assert.deepEqual(rule.detectionAction.alertTemplate.entityMappings, {
    hosts: [{ nameColumn: 'DeviceName' }],
    urls: [{ addressColumn: 'RemoteUrl' }],
  });
  assert.ok(
    notConverted.some((n) =>
      /Process entity \(InitiatingProcessCommandLine\) was left out: a custom detection's entity mappings have no Process kind/.test(
        n,
      ),
    ),
  );

  const twoHosts = TIGHTVNC_RULE.replace(
    '  - entityType: Account',
    '  - entityType: Host\n    fieldMappings:\n      - identifier: NetBiosName\n        columnName: DeviceId\n      - identifier: NTDomain\n        columnName: RemoteUrl\n  - entityType: Account',
  );
  const second = convert(twoHosts);
  assert.deepEqual(second.rule.detectionAction.alertTemplate.entityMappings.hosts, [
    { nameColumn: 'DeviceName' },
    { netBiosNameColumn: 'DeviceId', ntDomainColumn: 'RemoteUrl' },
  ]);
  assert.deepEqual(second.notConverted, []);
});

test('a Host identifier without a Graph property is named; the entity keeps its other fields', () => {
  const { rule, notConverted } = convert(
    TIGHTVNC_RULE.replace(
      '      - identifier: HostName\n        columnName: DeviceName\n',
      '      - identifier: HostName\n        columnName: DeviceName\n      - identifier: AzureID\n        columnName: DeviceId\n',
    ),
  );
  assert.deepEqual(rule.detectionAction.alertTemplate.entityMappings.hosts, [{ nameColumn: 'DeviceName' }]);
  assert.ok(
    notConverted.some((n) => /Host identifier AzureID \(column DeviceId\) has no counterpart/.test(n)),
  );
});

test('a mailbox entity maps to a mailbox entity mapping by its column', () => {
  const mailbox = TIGHTVNC_RULE.replace(
    '  - entityType: Account',
    '  - entityType: Mailbox\n    fieldMappings:\n      - identifier: MailboxPrimaryAddress\n        columnName: RecipientEmailAddress\n  - entityType: Account',
  );
  assert.deepEqual(convert(mailbox).rule.detectionAction.alertTemplate.entityMappings.mailboxes, [
    { primaryAddressColumn: 'RecipientEmailAddress' },
  ]);
});

test('Sentinel-only fields and a trigger other than "gt 0" are named as not converted', () => {
  const rich = TIGHTVNC_RULE.replace('triggerThreshold: 0', 'triggerThreshold: 5').replace(
    'version: 1.0.0',
    'customDetails:\n  Url: RemoteUrl\nversion: 1.0.0',
  );
  const { notConverted } = convert(rich);
  assert.ok(notConverted.some((n) => n.startsWith("The trigger 'gt 5' has no counterpart")));
  assert.ok(notConverted.some((n) => n.startsWith("'customDetails' has no counterpart")));
  assert.ok(!convert(TIGHTVNC_RULE).notConverted.some((n) => n.startsWith('The trigger')));
});

test('a hunting query is refused with the reason', () => {
  const hunting = parseRuleYaml('id: 1\nname: h\ndescription: d\nquery: |\n  DeviceEvents | take 1\n')!;
  const result = sentinelToDefender(hunting);
  assert.equal(result.ok, false);
  assert.match(result.ok ? '' : result.reason, /hunting query has no schedule/);
});

test('a severity Defender does not know becomes medium, with a note', () => {
  const { rule, notConverted } = convert(TIGHTVNC_RULE.replace('severity: High', 'severity: Critical'));
  assert.equal(rule.detectionAction.alertTemplate.severity, 'medium');
  assert.ok(notConverted.some((n) => n.startsWith("Severity 'Critical'")));
});
