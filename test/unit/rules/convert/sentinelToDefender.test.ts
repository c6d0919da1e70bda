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
  assert.equal(rule.schedule.period, '3H');
  const alert = rule.detectionAction.alertTemplate;
  assert.equal(alert.title, rule.displayName);
  assert.equal(alert.description, 'A TightVNC process made a network connection.');
  assert.equal(alert.severity, 'high');
  assert.equal(alert.category, 'CommandAndControl');
  assert.deepEqual(alert.mitreTechniques, ['T1219', 'T1133']);
  assert.deepEqual(alert.impactedAssets, [
    { '@odata.type': '#microsoft.graph.security.impactedDeviceAsset', identifier: 'deviceName' },
    { '@odata.type': '#microsoft.graph.security.impactedUserAsset', identifier: 'initiatingAccountSid' },
  ]);
  assert.deepEqual(rule.detectionAction.responseActions, []);
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

test('a second tactic that no technique implies is named as not converted; one a technique implies is not', () => {
  // T1133 is filed under Persistence (and InitialAccess), so Persistence survives through it.
  assert.ok(!convert(TIGHTVNC_RULE).notConverted.some((n) => n.includes('Persistence')));
  const { notConverted } = convert(TIGHTVNC_RULE.replace('  - Persistence', '  - Discovery'));
  assert.ok(
    notConverted.some((n) => /Tactic Discovery has no place/.test(n)),
    notConverted.join('\n'),
  );
});

for (const [frequency, period, noted] of [
  ['1h', '1H', false],
  ['5m', '1H', true],
  ['2h', '3H', true],
  ['12h', '12H', false],
  ['1d', '24H', false],
  ['14d', '24H', true],
] as const) {
  test(`queryFrequency ${frequency} becomes period ${period}${noted ? ', with a note' : ''}`, () => {
    const { rule, notConverted } = convert(
      TIGHTVNC_RULE.replace('queryFrequency: 3h', `queryFrequency: ${frequency}`),
    );
    assert.equal(rule.schedule.period, period);
    assert.equal(
      notConverted.some((n) => n.startsWith(`queryFrequency ${frequency}`)),
      noted,
    );
  });
}

test('an NRT rule becomes a continuous detection (period 0)', () => {
  const nrt = TIGHTVNC_RULE.replace('kind: Scheduled', 'kind: NRT');
  assert.equal(convert(nrt).rule.schedule.period, '0');
});

test('entities without an impacted-asset counterpart are listed by name; a second device column is left out', () => {
  const { rule, notConverted } = convert(TIGHTVNC_SUMMARY_RULE);
  assert.deepEqual(rule.detectionAction.alertTemplate.impactedAssets, [
    { '@odata.type': '#microsoft.graph.security.impactedDeviceAsset', identifier: 'deviceName' },
  ]);
  assert.ok(notConverted.some((n) => /URL entity \(RemoteUrl\) has no impacted-asset counterpart/.test(n)));

  const twoHosts = TIGHTVNC_RULE.replace(
    '  - entityType: Account',
    '  - entityType: Host\n    fieldMappings:\n      - identifier: HostName\n        columnName: DeviceId\n  - entityType: Account',
  );
  const second = convert(twoHosts);
  assert.equal(second.rule.detectionAction.alertTemplate.impactedAssets.length, 2);
  assert.ok(
    second.notConverted.some((n) => /DeviceId was left out: .* one device column and DeviceName/.test(n)),
  );
});

test('a Host mapped from a column Defender does not accept is named with the columns it does', () => {
  const { rule, notConverted } = convert(
    TIGHTVNC_RULE.replace('columnName: DeviceName', 'columnName: Computer'),
  );
  assert.equal(rule.detectionAction.alertTemplate.impactedAssets.length, 1);
  assert.ok(
    notConverted.some((n) =>
      /Host entity maps Computer; a Defender device asset takes one of the columns DeviceId, DeviceName/.test(
        n,
      ),
    ),
  );
});

test('a mailbox entity maps to a mailbox asset by its column', () => {
  const mailbox = TIGHTVNC_RULE.replace(
    '  - entityType: Account',
    '  - entityType: Mailbox\n    fieldMappings:\n      - identifier: MailboxPrimaryAddress\n        columnName: RecipientEmailAddress\n  - entityType: Account',
  );
  assert.ok(
    convert(mailbox).rule.detectionAction.alertTemplate.impactedAssets.some(
      (a) => a['@odata.type'].endsWith('impactedMailboxAsset') && a.identifier === 'recipientEmailAddress',
    ),
  );
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
