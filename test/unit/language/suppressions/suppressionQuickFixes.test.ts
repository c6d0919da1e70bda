import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { doc, settings, testService } from '../../../helpers/languageService';

/** Each "Suppress" quick fix for the document's findings: its title, the text after it, and what is still shown. */
function fixes(text: string, uri = 'file:///t.kql', languageId = 'kql') {
  const service = testService();
  const s = settings();
  const document = doc(text, uri, languageId);
  const analysis = service.analyze(document, s);
  const diagnostics = service.getDiagnostics(analysis, s);
  const whole = { start: { line: 0, character: 0 }, end: document.positionAt(text.length) };
  return service
    .getCodeActions(analysis, whole, diagnostics)
    .filter((a) => a.title.startsWith('Suppress'))
    .map((a) => {
      const after = TextDocument.applyEdits(document, a.edit!.changes![uri]);
      const fixed = doc(after, uri, languageId);
      const shown = service.getDiagnostics(service.analyze(fixed, s), s).map((d) => String(d.code));
      return { title: a.title, after, shown };
    });
}

test('a query finding gets a next-line comment above its line, indented like it, which suppresses it', () => {
  const [ks142, time] = fixes('DeviceProcessEvents\n    | where NoSuchColumn == 1');
  assert.equal(ks142.title, 'Suppress KS142 on this line');
  assert.equal(
    ks142.after,
    'DeviceProcessEvents\n    // kqlhunt-disable-next-line KS142\n    | where NoSuchColumn == 1',
  );
  // The comment gives no reason, so only the hint asking for one is left.
  assert.deepEqual(ks142.shown.sort(), ['missing-time-filter', 'suppression-without-reason']);
  assert.equal(time.title, 'Suppress missing-time-filter on this line');
  assert.ok(!time.shown.includes('missing-time-filter'));
});

test('in a rule YAML with CRLF: the comment stays in the query block, a rule check gets a # header line', () => {
  const rule = [
    'id: 5b0c6f1e-2d7a-4e8b-b1c3-9f4e2a6d8c20',
    'name: Remote access tool',
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
    '  DeviceProcessEvents',
    '  | where NoSuchColumn == 1',
    'kind: Scheduled',
    'version: 1.0.0',
    '',
  ].join('\r\n');
  const found = fixes(rule, 'file:///r.yaml', 'yaml');
  assert.deepEqual(
    found.map((f) => f.title),
    ['Suppress KS142 on this line', 'Suppress rule-severity in this rule file'],
  );
  const [ks142, severity] = found;
  assert.ok(severity.after.startsWith('# kqlhunt-disable rule-severity\r\nid:'));
  assert.ok(
    ks142.after.includes('  DeviceProcessEvents\r\n  // kqlhunt-disable-next-line KS142\r\n  | where'),
  );
  // Each fix hides its own finding only.
  assert.deepEqual(ks142.shown.sort(), ['rule-severity', 'suppression-without-reason']);
  assert.deepEqual(severity.shown.sort(), ['KS142', 'suppression-without-reason']);
});

test('no fix where a comment line cannot go: a JSON string, or a line inside a multi-line string', () => {
  const arm = JSON.stringify({
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    resources: [
      {
        type: 'Microsoft.SecurityInsights/alertRules',
        name: 'r',
        kind: 'Scheduled',
        properties: { query: 'SecurityEvent\n| where NoSuchColumn == 1' },
      },
    ],
  });
  assert.deepEqual(fixes(arm, 'file:///t.json', 'json'), []);
  const multiLine = 'print x = ```first\n``` , y = Nope';
  assert.deepEqual(
    fixes(multiLine).map((f) => f.title),
    [],
  );
  // The same finding on a line of its own is offered a fix, so the refusal above is the string's doing.
  assert.deepEqual(
    fixes('print x = ```first```\n, y = Nope').map((f) => f.title),
    ['Suppress KS142 on this line'],
  );
});
