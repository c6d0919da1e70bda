import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-types';
import { parseRuleYaml } from '../../../server/src/documents/ruleYaml';
import { sentinelToDefender } from '../../../server/src/rules/convert/sentinelToDefender';
import { doc, settings, testService } from '../../helpers/languageService';
import { MAILBOX_DETECTION, TIGHTVNC_RULE, TIGHTVNC_SUMMARY_RULE } from './convert/ruleFixtures';

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

function withQuery(queryText: string, period = '12H') {
  const d = good();
  d.queryCondition.queryText = queryText;
  d.schedule = { period };
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
      "'schedule.period' is required in a Defender custom detection.",
    ],
  );
  const noTitle = good();
  noTitle.detectionAction.alertTemplate.title = '  ';
  const found = withCode(noTitle, 'rule-defender-required-field');
  assert.equal(found.length, 1);
  assert.equal(found[0].at, '"  "');
  assert.deepEqual(withCode(good(), 'rule-defender-required-field'), []);
});

test('rule-defender-frequency: only 0, 1H, 3H, 12H and 24H (or the same as ISO durations) are accepted', () => {
  for (const period of ['0', '1H', '3H', '12H', '24H', 'PT1H', 'P1D'])
    assert.deepEqual(
      withCode(withQuery(MAILBOX_DETECTION.queryCondition.queryText, period), 'rule-defender-frequency'),
      [],
      period,
    );
  for (const period of ['2H', '5m', 'PT30M']) {
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
  info.detectionAction.alertTemplate.impactedAssets = [];
  assert.deepEqual(
    withCode(info, 'rule-defender-required-column').map((f) => f.diagnostic.message.split(' for ')[0]),
    ["The query must return 'ReportId'"],
  );
  // A table of state has no ReportId to return.
  const state = withQuery(
    'DeviceTvmSoftwareInventory | extend Timestamp = now() | project Timestamp, DeviceId',
  );
  state.detectionAction.alertTemplate.impactedAssets = [];
  assert.deepEqual(withCode(state, 'rule-defender-required-column'), []);
});

test('rule-defender-entity-column: one device, user or mailbox column must be returned', () => {
  const d = withQuery('EmailEvents | project Timestamp, ReportId, NetworkMessageId');
  d.detectionAction.alertTemplate.impactedAssets = [];
  const found = withCode(d, 'rule-defender-entity-column');
  assert.equal(found.length, 1);
  assert.match(
    found[0].diagnostic.message,
    /DeviceId, DeviceName, .*; it returns Timestamp, ReportId, NetworkMessageId\.$/,
  );
  const ok = withQuery('EmailEvents | project Timestamp, ReportId, SenderFromAddress');
  ok.detectionAction.alertTemplate.impactedAssets = [];
  assert.deepEqual(withCode(ok, 'rule-defender-entity-column'), []);
});

test('rule-defender-impacted-asset: identifiers of the kind, columns the query returns, one per kind', () => {
  const messages = (assets: unknown[]) => {
    const d = good();
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

test('rule-defender-continuous-query: a continuous detection reads one supported table, without joins or comments', () => {
  const messages = (query: string) =>
    withCode(withQuery(query, '0'), 'rule-defender-continuous-query').map((f) => f.diagnostic.message);
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
