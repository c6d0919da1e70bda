import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lineDiff } from '../../../server/src/deploy/plan/lineDiff';
import { changedFields, planRules, showValue } from '../../../server/src/deploy/plan/rulePlan';
import { newRuleYaml, ruleFileStem, updatedRuleYaml } from '../../../server/src/deploy/plan/ruleYamlText';

describe('deployment plans', () => {
  const fields = { local: (r: Record<string, unknown>) => r, remote: (r: Record<string, unknown>) => r };

  it('sorts rules into create, change and unchanged, and finds the deployed-only ones', () => {
    const plan = planRules(
      [
        { key: 'A', rule: { severity: 'High', query: 'T' } },
        { key: 'b', rule: { severity: 'Low', query: 'T' } },
        { key: 'c', rule: { severity: 'Low' } },
      ],
      [
        { key: 'a', remote: { severity: 'High', query: 'T' } },
        { key: 'B', remote: { severity: 'Medium', query: 'T' } },
        { key: 'd', remote: { severity: 'Low' } },
      ],
      fields,
      { replaces: true, depth: 0 },
    );
    assert.deepEqual(
      plan.entries.map((e) => [e.key, e.action]),
      [
        ['A', 'unchanged'],
        ['b', 'change'],
        ['c', 'create'],
      ],
    );
    assert.deepEqual(plan.entries[1].changes, [{ field: 'severity', before: 'Medium', after: 'Low' }]);
    assert.deepEqual(
      plan.remoteOnly.map((r) => r.key),
      ['d'],
    );
  });

  it('a replacing deployment counts a field only the service has; a patching one does not', () => {
    const local = { severity: 'Low' };
    const remote = { severity: 'Low', customDetails: { A: 'B' } };
    assert.deepEqual(changedFields(local, remote, { replaces: true, depth: 0 }), [
      { field: 'customDetails', before: { A: 'B' }, after: undefined },
    ]);
    assert.deepEqual(changedFields(local, remote, { replaces: false, depth: 0 }), []);
  });

  it('compares durations by length, objects whatever their key order, and splits nested changes', () => {
    assert.deepEqual(changedFields({ queryPeriod: 'PT24H' }, { queryPeriod: 'P1D' }), []);
    assert.deepEqual(changedFields({ o: { a: 1, b: 2 } }, { o: { b: 2, a: 1 } }), []);
    assert.deepEqual(changedFields({ query: 'T\n| take 1\n' }, { query: 'T\n| take 1' }), []);
    assert.deepEqual(
      changedFields(
        { t: { alert: { severity: 'high', title: 'x' } } },
        { t: { alert: { severity: 'low', title: 'x' } } },
        {
          replaces: false,
          depth: 3,
        },
      ),
      [{ field: 't.alert.severity', before: 'low', after: 'high' }],
    );
  });

  it('shows values shortly and diffs query lines', () => {
    assert.equal(showValue(undefined), '(not set)');
    assert.equal(showValue('x'.repeat(200)).length, 100);
    assert.deepEqual(lineDiff('T\n| where A\n| take 1\n', 'T\n| where B\n| take 1\n'), [
      '  T',
      '- | where A',
      '+ | where B',
      '  | take 1',
    ]);
    assert.deepEqual(lineDiff('a\nb\nc\nd\ne\nf\n', 'a\nb\nc\nd\ne\nF\n'), ['  …', '  e', '- f', '+ F']);
  });
});

describe('rule files written by pull', () => {
  const FILE = `# Reviewed by the SOC.
id: 1
name: Old name
severity: Medium
requiredDataConnectors: []
queryFrequency: 60m
queryPeriod: 1h
query: |
  T
kind: Scheduled
`;

  it('changes only the fields that differ and keeps comments and other keys', () => {
    const updated = updatedRuleYaml(FILE, {
      id: '1',
      name: 'New name',
      severity: 'Medium',
      queryFrequency: '1h',
      queryPeriod: '1h',
      query: 'T',
      kind: 'Scheduled',
    });
    assert.ok(updated);
    assert.match(updated, /^# Reviewed by the SOC\./);
    assert.match(updated, /^name: New name$/m);
    assert.match(updated, /^queryFrequency: 60m$/m, 'an equal duration is left as written');
    assert.match(updated, /^requiredDataConnectors: \[\]$/m);
  });

  it('returns nothing when the file already matches, and removes a field the service dropped', () => {
    const same = {
      id: '1',
      name: 'Old name',
      severity: 'Medium',
      queryFrequency: '1h',
      queryPeriod: '1h',
      query: 'T\n',
      kind: 'Scheduled',
    };
    assert.equal(updatedRuleYaml(FILE, same), undefined);
    const withDetails = FILE.replace('kind:', 'customDetails:\n  A: B\nkind:');
    assert.doesNotMatch(updatedRuleYaml(withDetails, same)!, /customDetails/);
    const longOperator = FILE.replace('kind:', 'triggerOperator: GreaterThan\nkind:');
    assert.equal(updatedRuleYaml(longOperator, { ...same, triggerOperator: 'gt' }), undefined);
  });

  it('writes new files with block queries and names them from the display name', () => {
    assert.match(newRuleYaml({ id: 'x', query: 'T\n| take 1\n' }), /query: \|\n {2}T\n {2}\| take 1\n/);
    assert.equal(ruleFileStem('Café: RDP from "outside" (v2)', 'id'), 'cafe-rdp-from-outside-v2');
    assert.equal(ruleFileStem('***', 'a/b'), 'a-b');
  });
});
