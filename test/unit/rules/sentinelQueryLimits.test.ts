import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { doc, settings, testService } from '../../helpers/languageService';

// Sentinel refuses an analytic rule whose query holds `search *` or `union *`
// (scheduled-rules-overview, "Rule query"); hunting queries may.
const rule = (query: string, kind = 'kind: Scheduled\n') => `id: 4e6a8c0d-2f4b-4d6e-8a0c-2e4a6c8e0a2c
name: Wildcard reads
description: d
severity: Low
requiredDataConnectors: []
queryFrequency: 1h
queryPeriod: 1h
triggerOperator: gt
triggerThreshold: 0
query: |
${query
  .split('\n')
  .map((l) => `  ${l}`)
  .join('\n')}
${kind}`;

function wildcards(text: string): string[] {
  const service = testService();
  const s = settings();
  const document = doc(text, 'file:///rules/r.yaml', 'yaml');
  return service
    .getDiagnostics(service.analyze(document, s), s)
    .filter((d) => d.code === 'rule-query-wildcard')
    .map((d) => document.getText(d.range));
}

test('union * and search * in an analytic rule are errors at the operator', () => {
  assert.deepEqual(wildcards(rule('union * | where TimeGenerated > ago(1h)')), ['union *']);
  assert.deepEqual(wildcards(rule('union kind=outer withsource=T *\n| take 1')), [
    'union kind=outer withsource=T *',
  ]);
  assert.deepEqual(wildcards(rule('search * | where TimeGenerated > ago(1h)', 'kind: NRT\n')), ['search *']);
});

test('named tables, scoped search, and the text in strings or comments are not', () => {
  assert.deepEqual(wildcards(rule('union SecurityEvent, Syslog | take 1')), []);
  assert.deepEqual(wildcards(rule('search in (SecurityEvent) "mimikatz" | take 1')), []);
  assert.deepEqual(
    wildcards(rule('// union * was too slow\nSecurityEvent | where Activity == "union *"')),
    [],
  );
  assert.deepEqual(wildcards(rule('SecurityEvent | extend x = 2 * 3')), []);
});

test('a hunting query may use union *', () => {
  assert.deepEqual(wildcards(rule('union * | take 1', '')), []);
});
