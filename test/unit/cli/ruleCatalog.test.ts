import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { Finding } from '../../../server/src/cli/findings';
import { describeRules } from '../../../server/src/cli/ruleCatalog';
import { LINT_RULES } from '../../../server/src/language/lints/lintRules';
import { RULE_CHECKS } from '../../../server/src/rules/ruleCheckTable';

const finding = (code: string, severity: Finding['severity'] = 'error', message = 'm'): Finding => ({
  file: 'a.kql',
  line: 1,
  column: 1,
  endLine: 1,
  endColumn: 2,
  severity,
  code,
  message,
});

test('rules are described from the lint and rule-check tables, engine codes from their first finding, unknown codes from their message', () => {
  const rules = describeRules([
    finding('KS142', 'error', "The name 'X' does not refer to any known column."),
    finding(LINT_RULES.missingTimeFilter.id, 'warning'),
    finding('rule-severity'),
    finding('KS142'),
    finding('made-up', 'info', 'Something odd.'),
  ]);
  assert.deepEqual(
    rules.map((r) => r.id),
    ['KS142', 'made-up', 'missing-time-filter', 'rule-severity'],
  );
  const [engine, unknown, lint, check] = rules;
  assert.match(engine.summary, /^Kusto\.Language diagnostic KS142, for example: The name 'X'/);
  assert.equal(unknown.summary, 'made-up: Something odd.');
  assert.equal(unknown.defaultSeverity, 'info');
  assert.equal(lint.summary, LINT_RULES.missingTimeFilter.description);
  assert.equal(lint.defaultSeverity, 'warning');
  assert.equal(check.summary, RULE_CHECKS['rule-severity'].description);
  assert.equal(check.defaultSeverity, 'error');
});
