import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import { parseRuleYaml } from '../../../../server/src/documents/ruleYaml';
import { defenderToSentinel } from '../../../../server/src/rules/convert/defenderToSentinel';
import type { DetectionRule } from '../../../../server/src/rules/convert/detectionRuleShape';
import { sentinelToDefender } from '../../../../server/src/rules/convert/sentinelToDefender';
import { LEGACY_MAILBOX_DETECTION, MAILBOX_DETECTION, TIGHTVNC_RULE } from './ruleFixtures';

function toDefender(yaml: string): DetectionRule {
  const result = sentinelToDefender(parseRuleYaml(yaml)!);
  assert.ok(result.ok);
  // Through JSON text, as a file would carry it.
  return JSON.parse(JSON.stringify(result.rule)) as DetectionRule;
}

function toSentinel(detection: unknown): string {
  const result = defenderToSentinel(detection, { tablesRead: ['DeviceNetworkEvents'] });
  assert.ok(result.ok);
  return result.rule;
}

test('Sentinel -> Defender -> Sentinel keeps every field both platforms carry', () => {
  const original = parse(TIGHTVNC_RULE) as Record<string, unknown>;
  const back = parse(toSentinel(toDefender(TIGHTVNC_RULE))) as Record<string, unknown>;
  for (const field of [
    'id',
    'name',
    'severity',
    'queryFrequency',
    'queryPeriod',
    'tactics',
    'relevantTechniques',
    'entityMappings',
    'kind',
    'version',
    'requiredDataConnectors',
  ])
    assert.deepEqual(back[field], original[field], field);
  assert.equal((back.description as string).trim(), (original.description as string).trim());
  // The query text returns exactly, line for line.
  assert.equal(back.query, original.query);
});

test('an NRT rule and a rule with several Host and Account fields round-trip exactly', () => {
  const rich = TIGHTVNC_RULE.replace(
    '      - identifier: Sid\n        columnName: InitiatingProcessAccountSid\n',
    '      - identifier: Sid\n        columnName: InitiatingProcessAccountSid\n      - identifier: Name\n        columnName: RemoteUrl\n',
  )
    .replace('kind: Scheduled', 'kind: NRT')
    .replace('queryFrequency: 3h\nqueryPeriod: 12h\ntriggerOperator: gt\ntriggerThreshold: 0\n', '');
  const original = parse(rich) as Record<string, unknown>;
  const back = parse(toSentinel(toDefender(rich))) as Record<string, unknown>;
  for (const field of ['entityMappings', 'tactics', 'relevantTechniques', 'kind'])
    assert.deepEqual(back[field], original[field], field);
  assert.equal(back.queryFrequency, undefined);
});

test('the round trip of the query text is exact, comments and layout included', () => {
  const withComments = TIGHTVNC_RULE.replace(
    '  DeviceNetworkEvents\n',
    '  // TightVNC server and viewer\n  DeviceNetworkEvents\n\n',
  );
  const back = parse(toSentinel(toDefender(withComments))) as Record<string, unknown>;
  assert.equal(back.query, (parse(withComments) as Record<string, unknown>).query);
});

test('trailing spaces on the last line of the query survive the round trip', () => {
  const trailing = TIGHTVNC_RULE.replace(
    'by DeviceId, DeviceName, InitiatingProcessAccountSid, RemoteUrl\n',
    'by DeviceId, DeviceName, InitiatingProcessAccountSid, RemoteUrl  \n',
  );
  assert.notEqual(trailing, TIGHTVNC_RULE);
  const back = parse(toSentinel(toDefender(trailing))) as Record<string, unknown>;
  assert.equal(back.query, (parse(trailing) as Record<string, unknown>).query);
});

test('Defender -> Sentinel -> Defender keeps every field both platforms carry', () => {
  const back = toDefender(toSentinel(MAILBOX_DETECTION));
  const original = MAILBOX_DETECTION;
  assert.equal(back.displayName, original.displayName);
  assert.equal(back.queryCondition.queryText, original.queryCondition.queryText);
  assert.deepEqual(back.schedule, original.schedule);
  const [a, b] = [back.detectionAction.alertTemplate, original.detectionAction.alertTemplate];
  for (const field of ['title', 'description', 'severity', 'tactics', 'entityMappings'] as const)
    assert.deepEqual(a[field], b[field], field);
});

test('a continuous detection returns as a continuous detection', () => {
  const nrt = { ...structuredClone(MAILBOX_DETECTION), schedule: { frequency: 'PT0S' } };
  assert.deepEqual(toDefender(toSentinel(nrt)).schedule, { frequency: 'PT0S' });
});

test('a detection in the removed shape comes back in the current one with the same meaning', () => {
  const back = toDefender(toSentinel(LEGACY_MAILBOX_DETECTION));
  assert.equal(back.schedule.frequency, 'PT12H');
  const template = back.detectionAction.alertTemplate;
  assert.deepEqual(template.tactics, [
    { tactic: 'InitialAccess', techniques: [{ technique: 'T1566', subTechniques: ['T1566.001'] }] },
  ]);
  assert.deepEqual(template.entityMappings, {
    mailboxes: [{ primaryAddressColumn: 'RecipientEmailAddress' }],
    accounts: [{ aadUserIdColumn: 'RecipientObjectId' }],
  });
});

test('every entity type with a Graph mapping goes to Defender by its property names and comes back the same', () => {
  const entities = [
    ['IP', 'Address', 'RemoteIP'],
    ['URL', 'Url', 'RemoteUrl'],
    ['File', 'Name', 'FileName'],
    ['DNS', 'DomainName', 'QueryName'],
    ['SecurityGroup', 'ObjectGuid', 'GroupId'],
    ['RegistryValue', 'Name', 'RegistryValueName'],
    ['AzureResource', 'ResourceId', 'ResourceId'],
    ['CloudApplication', 'AppId', 'ApplicationId'],
  ];
  const yaml = TIGHTVNC_RULE.replace(
    /entityMappings:\n(?: {2}.*\n)+/,
    'entityMappings:\n' +
      entities
        .map(
          ([type, id, column]) =>
            `  - entityType: ${type}\n    fieldMappings:\n      - identifier: ${id}\n        columnName: ${column}\n`,
        )
        .join(''),
  );
  assert.notEqual(yaml, TIGHTVNC_RULE);
  const detection = toDefender(yaml);
  assert.deepEqual(detection.detectionAction.alertTemplate.entityMappings, {
    ips: [{ addressColumn: 'RemoteIP' }],
    urls: [{ addressColumn: 'RemoteUrl' }],
    files: [{ nameColumn: 'FileName' }],
    dns: [{ domainNameColumn: 'QueryName' }],
    securityGroups: [{ objectIdColumn: 'GroupId' }],
    registryValues: [{ valueNameColumn: 'RegistryValueName' }],
    azureResources: [{ resourceIdColumn: 'ResourceId' }],
    cloudApplications: [{ appIdColumn: 'ApplicationId' }],
  });
  const back = parse(toSentinel(detection)) as { entityMappings: unknown };
  assert.deepEqual(back.entityMappings, (parse(yaml) as { entityMappings: unknown }).entityMappings);
});
