import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import { parseRuleYaml } from '../../../../server/src/documents/ruleYaml';
import { defenderToSentinel } from '../../../../server/src/rules/convert/defenderToSentinel';
import type { DetectionRule } from '../../../../server/src/rules/convert/detectionRuleShape';
import { sentinelToDefender } from '../../../../server/src/rules/convert/sentinelToDefender';
import { MAILBOX_DETECTION, TIGHTVNC_RULE } from './ruleFixtures';

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
  // Every original tactic returns; a technique's other tactics may join it (attackFields.ts).
  for (const tactic of original.tactics as string[])
    assert.ok((back.tactics as string[]).includes(tactic), tactic);
  // A Defender rule does not carry the look-back; it returns as Defender's own for the frequency.
  assert.equal(back.queryPeriod, '12h');
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
  assert.equal(back.schedule.period, original.schedule.period);
  const [a, b] = [back.detectionAction.alertTemplate, original.detectionAction.alertTemplate];
  for (const field of [
    'title',
    'description',
    'severity',
    'category',
    'mitreTechniques',
    'impactedAssets',
  ] as const)
    assert.deepEqual(a[field], b[field], field);
});

test('a continuous detection returns as a continuous detection', () => {
  const nrt = { ...structuredClone(MAILBOX_DETECTION), schedule: { period: '0' } };
  assert.equal(toDefender(toSentinel(nrt)).schedule.period, '0');
});
