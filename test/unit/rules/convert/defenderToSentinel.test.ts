import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import { parseRuleYaml } from '../../../../server/src/documents/ruleYaml';
import {
  defenderToSentinel,
  type ToSentinelOptions,
} from '../../../../server/src/rules/convert/defenderToSentinel';
import { checkRule } from '../../../../server/src/rules/ruleChecks';
import { LEGACY_MAILBOX_DETECTION, MAILBOX_DETECTION } from './ruleFixtures';

function convert(
  detection: unknown,
  options?: ToSentinelOptions,
): { yaml: string; rule: Record<string, unknown>; notConverted: readonly string[] } {
  const result = defenderToSentinel(detection, options);
  assert.ok(result.ok, result.ok ? '' : result.reason);
  return {
    yaml: result.rule,
    rule: parse(result.rule) as Record<string, unknown>,
    notConverted: result.notConverted,
  };
}

const copy = () => structuredClone(MAILBOX_DETECTION) as typeof MAILBOX_DETECTION & Record<string, unknown>;

test('each detectionRule field lands in its Sentinel field, in the repository order', () => {
  const { yaml, rule } = convert(MAILBOX_DETECTION, { tablesRead: ['EmailEvents'] });
  assert.deepEqual(Object.keys(rule), [
    'id',
    'name',
    'description',
    'severity',
    'requiredDataConnectors',
    'queryFrequency',
    'queryPeriod',
    'triggerOperator',
    'triggerThreshold',
    'tactics',
    'relevantTechniques',
    'query',
    'entityMappings',
    'version',
    'kind',
  ]);
  assert.equal(rule.name, 'Attachment from a first-time sender opened');
  assert.equal(
    rule.description,
    'An inbound message with an attachment came from a sender never seen before.\n',
  );
  assert.equal(rule.severity, 'Low');
  assert.deepEqual(rule.requiredDataConnectors, [
    { connectorId: 'MicrosoftThreatProtection', dataTypes: ['EmailEvents'] },
  ]);
  assert.equal(rule.queryFrequency, '12h');
  // The look-back P2D is the query period.
  assert.equal(rule.queryPeriod, '2d');
  assert.equal(rule.triggerOperator, 'gt');
  assert.equal(rule.triggerThreshold, 0);
  assert.deepEqual(rule.tactics, ['InitialAccess']);
  assert.deepEqual(rule.relevantTechniques, ['T1566.001']);
  assert.equal(rule.query, MAILBOX_DETECTION.queryCondition.queryText + '\n');
  assert.deepEqual(rule.entityMappings, [
    {
      entityType: 'Mailbox',
      fieldMappings: [{ identifier: 'MailboxPrimaryAddress', columnName: 'RecipientEmailAddress' }],
    },
    { entityType: 'Account', fieldMappings: [{ identifier: 'AadUserId', columnName: 'RecipientObjectId' }] },
  ]);
  assert.equal(rule.version, '1.0.0');
  assert.equal(rule.kind, 'Scheduled');
  // The query and description are literal blocks, as the rule repository writes them.
  assert.match(yaml, /^query: \|\n  EmailEvents\n  \| where EmailDirection/m);
});

test('an id that is not a GUID gets a GUID derived from it, the same every time', () => {
  const a = convert(MAILBOX_DETECTION).rule.id as string;
  const b = convert(MAILBOX_DETECTION).rule.id as string;
  const other = convert({ ...copy(), id: 'another-rule' }).rule.id as string;
  assert.match(a, /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(a, b);
  assert.notEqual(a, other);
  const guid = '0d3f5a7c-1e2b-4c6d-8e9f-a0b1c2d3e4f5';
  assert.equal(convert({ ...copy(), id: guid }).rule.id, guid);
});

test('the converted rule passes the Sentinel rule checks', () => {
  const { yaml } = convert(MAILBOX_DETECTION, { tablesRead: ['EmailEvents'] });
  const findings = checkRule({ rule: parseRuleYaml(yaml)!, uri: 'file:///rules/Detections/converted.yaml' });
  assert.deepEqual(
    findings.map((f) => f.message),
    [],
  );
});

test('a continuous detection becomes an NRT rule, without frequency, period or trigger', () => {
  const nrt = copy();
  nrt.schedule = { frequency: 'PT0S' } as never;
  const { rule } = convert(nrt);
  assert.equal(rule.kind, 'NRT');
  for (const field of ['queryFrequency', 'queryPeriod', 'triggerOperator', 'triggerThreshold'])
    assert.ok(!(field in rule), field);
});

test("the removed 'period' is still read, with the look-back Defender used for it", () => {
  const older = copy();
  older.schedule = { period: '3H' } as never;
  const { rule } = convert(older);
  assert.equal(rule.queryFrequency, '3h');
  // Defender looked back 12 hours at a 3-hour frequency (custom-detection-rules, rule frequency).
  assert.equal(rule.queryPeriod, '12h');
});

test('a detection in the removed shape converts like the current one', () => {
  const current = convert(MAILBOX_DETECTION, { tablesRead: ['EmailEvents'] }).rule;
  const legacy = convert(LEGACY_MAILBOX_DETECTION, { tablesRead: ['EmailEvents'] }).rule;
  for (const field of ['queryFrequency', 'queryPeriod', 'tactics', 'relevantTechniques', 'entityMappings'])
    assert.deepEqual(legacy[field], current[field], field);
});

test('a 24-hour detection looks back 14 days in Sentinel, and says it looked back 30', () => {
  const daily = copy();
  daily.schedule = { frequency: 'P1D' } as never;
  const { rule, notConverted } = convert(daily);
  assert.equal(rule.queryFrequency, '1d');
  assert.equal(rule.queryPeriod, '14d');
  assert.ok(
    notConverted.some((n) => /looks back 30d .* at most 14d/.test(n)),
    notConverted.join('\n'),
  );
});

test('an unknown schedule runs daily, with a note', () => {
  const odd = copy();
  odd.schedule = { frequency: 'PT2H' } as never;
  const { rule, notConverted } = convert(odd);
  assert.equal(rule.queryFrequency, '1d');
  assert.ok(notConverted.some((n) => n.startsWith("The schedule 'PT2H' is not a Defender frequency")));
});

test('entity mappings Sentinel cannot carry or identify are named; the rest carry over field by field', () => {
  const rich = copy();
  rich.detectionAction.alertTemplate.entityMappings = {
    hosts: [{ nameColumn: 'DeviceName', deviceIdColumn: 'DeviceId' }, { deviceIdColumn: 'DeviceId' }],
    accounts: [{ ntDomainColumn: 'AccountDomain' }],
    ips: [{ addressColumn: 'RemoteIP', scopeColumn: 'Scope' }],
    files: [{ nameColumn: 'FileName', sha256Column: 'SHA256' }],
    processes: [{ sha1Column: 'SHA1' }],
  } as never;
  const { rule, notConverted } = convert(rich);
  assert.deepEqual(rule.entityMappings, [
    { entityType: 'Host', fieldMappings: [{ identifier: 'HostName', columnName: 'DeviceName' }] },
    { entityType: 'IP', fieldMappings: [{ identifier: 'Address', columnName: 'RemoteIP' }] },
    { entityType: 'File', fieldMappings: [{ identifier: 'Name', columnName: 'FileName' }] },
  ]);
  for (const expected of [
    /hosts mapping's deviceIdColumn \(column DeviceId\) has no Sentinel Host identifier for a device id/,
    /Account entity from AccountDomain was left out: Sentinel needs one of FullName, Sid/,
    /ips mapping's scopeColumn \(column Scope\) has no Sentinel IP identifier for an IP scope/,
    /files mapping's sha256Column \(column SHA256\) has no Sentinel File identifier for a SHA-256 hash/,
    /'processes' entity mappings were left out: Sentinel has no entity type with its identifiers/,
  ])
    assert.ok(
      notConverted.some((n) => expected.test(n)),
      `${expected}\n${notConverted.join('\n')}`,
    );
});

test('impacted assets (removed shape) Sentinel cannot identify, response actions and recommended actions are named', () => {
  const rich = structuredClone(LEGACY_MAILBOX_DETECTION) as typeof LEGACY_MAILBOX_DETECTION &
    Record<string, unknown>;
  rich.detectionAction.alertTemplate.impactedAssets = [
    { '@odata.type': '#microsoft.graph.security.impactedDeviceAsset', identifier: 'deviceId' },
    { '@odata.type': '#microsoft.graph.security.impactedDeviceAsset', identifier: 'deviceName' },
    { '@odata.type': '#microsoft.graph.security.impactedUserAsset', identifier: 'accountName' },
    { '@odata.type': '#microsoft.graph.security.impactedUserAsset', identifier: 'noSuchColumn' },
  ];
  rich.detectionAction.responseActions = [
    { '@odata.type': '#microsoft.graph.security.isolateDeviceResponseAction' },
  ] as never[];
  const { rule, notConverted } = convert(rich);
  assert.deepEqual(rule.entityMappings, [
    { entityType: 'Host', fieldMappings: [{ identifier: 'HostName', columnName: 'DeviceName' }] },
  ]);
  for (const expected of [
    /device asset deviceId \(column DeviceId\) has no Sentinel Host identifier/,
    /user asset accountName \(column AccountName\)/,
    /'noSuchColumn' is not an identifier of a Defender user asset/,
    /1 response action\(s\) have no counterpart/,
    /'recommendedActions' has no field in a Sentinel rule/,
  ])
    assert.ok(
      notConverted.some((n) => expected.test(n)),
      `${expected}\n${notConverted.join('\n')}`,
    );
});

test('a detection that is turned off says the rule file cannot carry that', () => {
  assert.ok(!convert(MAILBOX_DETECTION).notConverted.some((n) => n.includes('turned off')));
  const off = { ...copy(), isEnabled: false };
  assert.ok(convert(off).notConverted.some((n) => n.startsWith('The detection is turned off')));
});

test('tables without a known connector are named; unknown tables leave the connectors empty', () => {
  const mixed = convert(MAILBOX_DETECTION, { tablesRead: ['EmailEvents', 'MyCustom_CL'] });
  assert.ok(mixed.notConverted.some((n) => n.startsWith('No data connector is known for MyCustom_CL')));
  const unknown = convert(MAILBOX_DETECTION);
  assert.deepEqual(unknown.rule.requiredDataConnectors, []);
  assert.ok(unknown.notConverted.some((n) => n.includes("'requiredDataConnectors' is empty")));
});

test('JSON that is not a detection is refused with the reason', () => {
  for (const value of [null, [], { displayName: 'x' }, { queryCondition: { queryText: 7 } }]) {
    const result = defenderToSentinel(value);
    assert.equal(result.ok, false);
    assert.match(result.ok ? '' : result.reason, /no queryCondition.queryText string/);
  }
});

test('the query goes through the injected converter, from Defender to Sentinel', () => {
  const { rule } = convert(MAILBOX_DETECTION, {
    convertQuery: (text, from, to) => ({ text: `${from}->${to}\n${text}`, notConverted: [] }),
  });
  assert.match(rule.query as string, /^defender->sentinel\nEmailEvents/);
});
