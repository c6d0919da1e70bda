import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-types';
import { parseRuleYaml } from '../../../server/src/documents/ruleYaml';
import { sentinelToDefender } from '../../../server/src/rules/convert/sentinelToDefender';
import { doc, settings, testService } from '../../helpers/languageService';
import {
  LEGACY_MAILBOX_DETECTION,
  MAILBOX_DETECTION,
  TIGHTVNC_RULE,
  TIGHTVNC_SUMMARY_RULE,
} from './convert/ruleFixtures';

// The Defender custom detection requirements, on Graph detectionRule JSON files checked as the
// editor and the command line check them: the query bound in Defender XDR, the rule's fields read.

function analysed(value: unknown, uri = 'file:///detections/rule.detection.json') {
  const text = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
  const service = testService();
  const s = settings();
  const document = doc(text, uri, 'json');
  const analysis = service.analyze(document, s);
  const diagnostics = service.getDiagnostics(analysis, s);
  return { document, analysis, diagnostics, rules: diagnostics.filter((d) => d.source === 'kql-rules') };
}

function withCode(
  value: unknown,
  code: string,
): { diagnostic: Diagnostic & { message: string }; at: string }[] {
  const { document, rules } = analysed(value);
  return rules
    .filter((d) => d.code === code)
    .map((d) => ({ diagnostic: { ...d, message: String(d.message) }, at: document.getText(d.range) }));
}

const good = () => structuredClone(MAILBOX_DETECTION) as typeof MAILBOX_DETECTION & Record<string, unknown>;

function withQuery(queryText: string, frequency = 'PT12H') {
  const d = good();
  d.queryCondition.queryText = queryText;
  d.schedule = { frequency } as never;
  return d;
}

test('a detection that meets every requirement gets no finding, and its query binds in Defender XDR', () => {
  const { analysis, diagnostics } = analysed(MAILBOX_DETECTION);
  assert.equal(analysis.environment, 'defender');
  assert.deepEqual(
    diagnostics.map((d) => [d.code, d.message]),
    [],
  );
});

test('JSON that is not a detection gets no rule finding and no query', () => {
  const { analysis, rules } = analysed({ displayName: 'x', query: 'DeviceEvents' }, 'file:///x.json');
  assert.deepEqual(rules, []);
  assert.equal(analysis.queries.length, 0);
});

test('rule-defender-required-field: a missing name, schedule or alert title is named', () => {
  const d = good() as Record<string, unknown>;
  delete d.displayName;
  delete d.schedule;
  assert.deepEqual(
    withCode(d, 'rule-defender-required-field')
      .map((f) => f.diagnostic.message)
      .sort(),
    [
      "'displayName' is required in a Defender custom detection.",
      "'schedule.frequency' is required in a Defender custom detection.",
    ],
  );
  const noTitle = good();
  noTitle.detectionAction.alertTemplate.title = '  ';
  const found = withCode(noTitle, 'rule-defender-required-field');
  assert.equal(found.length, 1);
  assert.equal(found[0].at, '"  "');
  assert.deepEqual(withCode(good(), 'rule-defender-required-field'), []);
});

test('rule-defender-frequency: only PT0S, PT1H, PT3H, PT12H and P1D (or the same durations) are accepted', () => {
  for (const period of ['PT0S', 'PT1H', 'PT3H', 'PT12H', 'P1D', 'PT24H', 'PT60M'])
    assert.deepEqual(
      withCode(withQuery(MAILBOX_DETECTION.queryCondition.queryText, period), 'rule-defender-frequency'),
      [],
      period,
    );
  for (const period of ['2H', '5m', 'PT30M', '1H', '0']) {
    const found = withCode(
      withQuery(MAILBOX_DETECTION.queryCondition.queryText, period),
      'rule-defender-frequency',
    );
    assert.equal(found.length, 1, period);
    assert.equal(found[0].at, JSON.stringify(period));
  }
});

test('rule-defender-severity: the alert severity must be one Graph knows', () => {
  const d = good();
  d.detectionAction.alertTemplate.severity = 'critical';
  const found = withCode(d, 'rule-defender-severity');
  assert.equal(found.length, 1);
  assert.equal(found[0].at, '"critical"');
});

test('rule-defender-required-column: Timestamp always, ReportId when an event table is read', () => {
  const noTime = withCode(
    withQuery('EmailEvents | project ReportId, RecipientEmailAddress, RecipientObjectId'),
    'rule-defender-required-column',
  );
  assert.deepEqual(
    noTime.map((f) => f.diagnostic.message.split(' for ')[0]),
    ["The query must return 'Timestamp'"],
  );
  // The finding points at the query string.
  assert.match(noTime[0].at, /^"EmailEvents \| project/);
  const noReport = withCode(
    withQuery('EmailEvents | project Timestamp, RecipientEmailAddress'),
    'rule-defender-required-column',
  );
  assert.deepEqual(
    noReport.map((f) => f.diagnostic.message.split(' for ')[0]),
    ["The query must return 'ReportId'"],
  );
  // DeviceInfo is not named like an event table but has ReportId, so it must return it.
  const info = withQuery('DeviceInfo | project Timestamp, DeviceId, DeviceName');
  info.detectionAction.alertTemplate.entityMappings = {} as never;
  assert.deepEqual(
    withCode(info, 'rule-defender-required-column').map((f) => f.diagnostic.message.split(' for ')[0]),
    ["The query must return 'ReportId'"],
  );
  // A table of state has no ReportId to return.
  const state = withQuery(
    'DeviceTvmSoftwareInventory | extend Timestamp = now() | project Timestamp, DeviceId',
  );
  state.detectionAction.alertTemplate.entityMappings = {} as never;
  assert.deepEqual(withCode(state, 'rule-defender-required-column'), []);
});

test('rule-defender-entity-column: one device, user or mailbox column must be returned', () => {
  const d = withQuery('EmailEvents | project Timestamp, ReportId, NetworkMessageId');
  d.detectionAction.alertTemplate.entityMappings = {} as never;
  const found = withCode(d, 'rule-defender-entity-column');
  assert.equal(found.length, 1);
  assert.match(
    found[0].diagnostic.message,
    /DeviceId, DeviceName, .*; it returns Timestamp, ReportId, NetworkMessageId\.$/,
  );
  const ok = withQuery('EmailEvents | project Timestamp, ReportId, SenderFromAddress');
  ok.detectionAction.alertTemplate.entityMappings = {} as never;
  assert.deepEqual(withCode(ok, 'rule-defender-entity-column'), []);
});

test('rule-defender-impacted-asset: identifiers of the kind, columns the query returns, one per kind', () => {
  const messages = (assets: unknown[]) => {
    const d = structuredClone(LEGACY_MAILBOX_DETECTION);
    d.detectionAction.alertTemplate.impactedAssets = assets as never;
    return withCode(d, 'rule-defender-impacted-asset').map((f) => f.diagnostic.message);
  };
  const mailbox = (identifier: string) => ({
    '@odata.type': '#microsoft.graph.security.impactedMailboxAsset',
    identifier,
  });
  assert.deepEqual(messages([mailbox('recipientEmailAddress')]), []);
  assert.match(messages([mailbox('deviceId')])[0], /'deviceId' is not an identifier of a mailbox asset/);
  assert.match(
    messages([mailbox('senderMailFromAddress')])[0],
    /needs the column SenderMailFromAddress, which the query does not return/,
  );
  assert.match(
    messages([mailbox('recipientEmailAddress'), mailbox('senderFromAddress')])[0],
    /one mailbox column; 'recipientEmailAddress' is already chosen/,
  );
  assert.match(
    messages([{ '@odata.type': '#microsoft.graph.security.impactedIpAsset', identifier: 'x' }])[0],
    /'@odata.type' must be/,
  );
});

test('rule-defender-removed-field: each property Graph removed on 2026-10-01 is named with what replaces it', () => {
  const found = withCode(LEGACY_MAILBOX_DETECTION, 'rule-defender-removed-field');
  assert.deepEqual(
    found
      .map((f) => [
        f.at,
        f.diagnostic.message.split(';')[1].replace(' (deploy sends the current shape)', '').trim(),
      ])
      .sort(),
    [
      ['"period"', "use 'frequency' (PT0S, PT1H, PT3H, PT12H or P1D)."],
      ['"impactedAssets"', "use 'entityMappings' (accounts, hosts, mailboxes, ...)."],
      ['"category"', "use 'tactics'."],
      ['"mitreTechniques"', "list the techniques under 'tactics'."],
    ].sort(),
  );
  assert.deepEqual(withCode(MAILBOX_DETECTION, 'rule-defender-removed-field'), []);
});

test('rule-defender-lookback: at least the frequency, and none on a continuous detection', () => {
  const withSchedule = (schedule: unknown) => {
    const d = good();
    d.schedule = schedule as never;
    return withCode(d, 'rule-defender-lookback').map((f) => f.diagnostic.message);
  };
  assert.deepEqual(withSchedule({ frequency: 'PT12H', lookback: 'PT12H' }), []);
  assert.match(
    withSchedule({ frequency: 'PT12H', lookback: 'PT4H' })[0],
    /at least as long as the frequency PT12H/,
  );
  assert.match(withSchedule({ frequency: 'PT1H', lookback: 'four hours' })[0], /not 'four hours'/);
  assert.match(
    withSchedule({ frequency: 'PT0S', lookback: 'PT1H' })[0],
    /continuous \(PT0S\) custom detection takes no 'lookback'/,
  );
});

test('rule-defender-entity-mapping: the columns an entity mapping names must be returned', () => {
  const d = good();
  d.detectionAction.alertTemplate.entityMappings = {
    mailboxes: [{ primaryAddressColumn: 'RecipientEmailAddress' }],
    hosts: [{ nameColumn: 'DeviceName' }],
  } as never;
  const found = withCode(d, 'rule-defender-entity-mapping');
  assert.deepEqual(
    found.map((f) => [f.at, f.diagnostic.message]),
    [['"DeviceName"', "The hosts mapping's nameColumn names 'DeviceName', which the query does not return."]],
  );
});

test('rule-defender-continuous-query: a continuous detection reads one supported table, without joins or comments', () => {
  const messages = (query: string) =>
    withCode(withQuery(query, 'PT0S'), 'rule-defender-continuous-query').map((f) => f.diagnostic.message);
  assert.deepEqual(messages(MAILBOX_DETECTION.queryCondition.queryText), []);
  assert.match(
    messages(`// inbound\n${MAILBOX_DETECTION.queryCondition.queryText}`)[0],
    /cannot hold comments/,
  );
  const joined = messages(
    'EmailEvents | join kind=inner (EmailAttachmentInfo) on NetworkMessageId | project Timestamp, ReportId, RecipientEmailAddress, RecipientObjectId',
  );
  assert.ok(
    joined.some((m) => /reads one table; this query reads EmailEvents, EmailAttachmentInfo/.test(m)),
    joined.join('\n'),
  );
  assert.ok(joined.some((m) => /cannot use join/.test(m)));
  const unsupported = messages(
    'IdentityInfo | project Timestamp, ReportId, AccountObjectId, RecipientEmailAddress, RecipientObjectId',
  );
  assert.ok(
    unsupported.some((m) => /cannot read IdentityInfo/.test(m)),
    unsupported.join('\n'),
  );
  const base = MAILBOX_DETECTION.queryCondition.queryText;
  assert.match(messages(base.replace('> 0', '> 0 // with files'))[0], /cannot hold comments/);
  // Text in strings is not a comment or an operator.
  assert.deepEqual(messages(base.replace('"Inbound"', '"https://x/join"')), []);
  // The same queries on a schedule are fine.
  assert.deepEqual(
    withCode(
      withQuery(`// inbound\n${MAILBOX_DETECTION.queryCondition.queryText}`),
      'rule-defender-continuous-query',
    ),
    [],
  );
});

function converted(yaml: string): unknown {
  const result = sentinelToDefender(parseRuleYaml(yaml)!);
  assert.ok(result.ok);
  return result.rule;
}

test('TightVNC summarised per device: converted, it fails the Timestamp and ReportId requirements', () => {
  const found = withCode(converted(TIGHTVNC_SUMMARY_RULE), 'rule-defender-required-column').map(
    (f) => f.diagnostic.message.split(' for ')[0],
  );
  assert.deepEqual(found, ["The query must return 'Timestamp'", "The query must return 'ReportId'"]);
});

test('TightVNC returning the latest event per device: converted, it meets every requirement', () => {
  const { diagnostics } = analysed(converted(TIGHTVNC_RULE));
  assert.deepEqual(
    diagnostics.map((d) => [d.code, d.message]),
    [],
  );
});
