import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { KqlHuntingSettings } from '../../../../server/src/protocol/settings';
import { doc, settings, testService } from '../../../helpers/languageService';

const UNKNOWN = 'DeviceProcessEvents | where Timestamp > ago(1d) | where NoSuchColumn == 1';

/** The report of a document: shown findings as `line:code`, suppressed ones as `line:code:reason`. */
function report(text: string, s: KqlHuntingSettings = settings(), uri = 'file:///t.kql', languageId = 'kql') {
  const service = testService();
  const r = service.getDiagnosticReport(service.analyze(doc(text, uri, languageId), s), s);
  return {
    shown: r.diagnostics.map((d) => `${d.range.start.line}:${d.code}`).sort(),
    suppressed: r.suppressed.map((x) => `${x.diagnostic.range.start.line}:${x.diagnostic.code}:${x.reason}`),
    messages: r.diagnostics.map((d) => String(d.message)),
  };
}

test('without directives the report is the findings, nothing suppressed', () => {
  assert.deepEqual(report(UNKNOWN), {
    shown: ['0:KS142'],
    suppressed: [],
    messages: [report(UNKNOWN).messages[0]],
  });
});

test('next-line suppresses only the named code on the next line, and records the reason', () => {
  const text = `// kqlhunt-disable-next-line KS142 -- added by the parser\n${UNKNOWN}\n| where Other == 2`;
  const r = report(text);
  assert.deepEqual(r.suppressed, ['1:KS142:added by the parser']);
  // The same code on the line after is still shown.
  assert.deepEqual(r.shown, ['2:KS142']);
});

test('kqlhunt-disable suppresses the rest of its query and no other query', () => {
  const text = `${UNKNOWN}\n\nDeviceProcessEvents\n// kqlhunt-disable KS142 -- r\n${UNKNOWN.slice(20)}\n| where Again == 1\n\n${UNKNOWN}`;
  const r = report(text);
  assert.deepEqual(r.suppressed, ['4:KS142:r', '5:KS142:r']);
  assert.deepEqual(r.shown, ['0:KS142', '7:KS142']);
});

test('codes match ignoring case, and getDiagnostics shows what the report shows', () => {
  const text = `// kqlhunt-disable-next-line ks142 -- lower case\n${UNKNOWN}`;
  assert.deepEqual(report(text).suppressed, ['1:KS142:lower case']);
  const service = testService();
  const s = settings();
  assert.deepEqual(service.getDiagnostics(service.analyze(doc(text), s), s), []);
});

test('a code that matches nothing is an unused-suppression warning at that code', () => {
  const text = `// kqlhunt-disable-next-line KS142, unused-let, NOPE -- r\n${UNKNOWN}`;
  const r = report(text);
  assert.deepEqual(r.suppressed, ['1:KS142:r']);
  assert.deepEqual(r.shown, ['0:unused-suppression', '0:unused-suppression']);
  assert.ok(r.messages.some((m) => /No 'unused-let' finding is on the next line/.test(m)));
  assert.ok(r.messages.some((m) => /'NOPE' is not a diagnostic code/.test(m)));
});

test('a code turned off in lints is not reported unused: its findings were never made', () => {
  const text = `// kqlhunt-disable-next-line missing-time-filter -- r\nDeviceProcessEvents | take 1`;
  assert.deepEqual(report(text, settings({ lints: { 'missing-time-filter': 'off' } })).shown, []);
  assert.deepEqual(report(text).suppressed, ['1:missing-time-filter:r']);
});

test('a missing reason is a hint by default and takes the severity lints give it', () => {
  const text = `// kqlhunt-disable-next-line KS142\n${UNKNOWN}`;
  const service = testService();
  for (const [severity, expected] of [
    [undefined, 4],
    ['error', 1],
  ] as const) {
    const s = settings(severity ? { lints: { 'suppression-without-reason': severity } } : {});
    const r = service.getDiagnosticReport(service.analyze(doc(text), s), s);
    assert.deepEqual(
      r.diagnostics.map((d) => [d.code, d.severity]),
      [['suppression-without-reason', expected]],
    );
    assert.equal(r.suppressed[0].reason, undefined);
  }
});

test('a directive cannot suppress the reports about directives', () => {
  const text = `// kqlhunt-disable-next-line unused-suppression, suppression-without-reason\n// kqlhunt-disable-next-line NOPE\n${UNKNOWN}`;
  const r = report(text);
  assert.ok(r.shown.includes('1:unused-suppression'), r.shown.join());
  assert.ok(r.shown.includes('0:unused-suppression'), r.shown.join());
});

test('a YAML header directive suppresses rule checks and no query finding; a // one the reverse', () => {
  const rule = (header: string, queryComment: string) =>
    [
      header,
      'id: 5b0c6f1e-2d7a-4e8b-b1c3-9f4e2a6d8c20',
      'name: Remote access tool started',
      'description: |',
      '  A remote tool.',
      'severity: Severe',
      'requiredDataConnectors:',
      '  - connectorId: MicrosoftThreatProtection',
      '    dataTypes:',
      '      - DeviceProcessEvents',
      'queryFrequency: 1h',
      'queryPeriod: 1h',
      'triggerOperator: gt',
      'triggerThreshold: 0',
      'tactics:',
      '  - CommandAndControl',
      'query: |',
      `  ${queryComment}`,
      `  ${UNKNOWN}`,
      'kind: Scheduled',
      'version: 1.0.0',
      '',
    ].join('\n');
  const yaml = (text: string) => report(text, settings(), 'file:///r.yaml', 'yaml');
  const right = yaml(
    rule('# kqlhunt-disable rule-severity -- legacy', '// kqlhunt-disable-next-line KS142 -- later'),
  );
  assert.deepEqual(right.shown, []);
  assert.deepEqual(right.suppressed.sort(), ['18:KS142:later', '5:rule-severity:legacy']);
  const crossed = yaml(
    rule('# kqlhunt-disable KS142 -- x', '// kqlhunt-disable-next-line rule-severity -- y'),
  );
  assert.deepEqual(crossed.suppressed, []);
  assert.deepEqual(crossed.shown, [
    '0:unused-suppression',
    '17:unused-suppression',
    '18:KS142',
    '5:rule-severity',
  ]);
});
