import * as assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { DETECTION_KINDS, kindsOf, rmmToolById, rmmTools } from '../../../server/src/rmm/rmmLibrary';
import { rmmDetectionQuery } from '../../../server/src/rmm/rmmQueries';
import { MAX_RULE_QUERY_LENGTH, rmmRuleYaml } from '../../../server/src/rmm/rmmRule';
import { ruleProblems } from '../../helpers/detectionChecks';

interface Rule {
  id: string;
  name: string;
  kind: string;
  query: string;
  requiredDataConnectors: { connectorId: string; dataTypes: string[] }[];
  entityMappings: { entityType: string; fieldMappings: { identifier: string; columnName: string }[] }[];
  tactics: string[];
  relevantTechniques: string[];
}

describe('RMM rule YAML', () => {
  it('writes a complete scheduled rule for TightVNC network connections', () => {
    const id = randomUUID();
    const rule = parse(rmmRuleYaml([rmmToolById('tightvnc')!], ['network'], { id })) as Rule;
    assert.equal(rule.id, id);
    assert.equal(rule.kind, 'Scheduled');
    assert.equal(rule.name, 'Remote management tool TightVNC - network connection');
    assert.deepEqual(rule.requiredDataConnectors, [
      { connectorId: 'MicrosoftThreatProtection', dataTypes: ['DeviceNetworkEvents'] },
    ]);
    assert.deepEqual(rule.tactics, ['CommandAndControl']);
    assert.deepEqual(rule.relevantTechniques, ['T1219']);
    assert.deepEqual(
      rule.entityMappings.map((m) => [m.entityType, m.fieldMappings[0].columnName]),
      [
        ['Host', 'DeviceName'],
        ['URL', 'RemoteUrl'],
      ],
    );
    assert.match(rule.query, /^DeviceNetworkEvents\n/);
  });

  it('lists every table of an all-kinds rule and maps the account of process events', () => {
    const rule = parse(
      rmmRuleYaml([rmmToolById('anydesk')!, rmmToolById('teamviewer')!], [...DETECTION_KINDS], {
        id: randomUUID(),
      }),
    ) as Rule;
    assert.deepEqual(rule.requiredDataConnectors[0].dataTypes, [
      'DeviceNetworkEvents',
      'DeviceProcessEvents',
      'DeviceFileCertificateInfo',
    ]);
    assert.deepEqual(
      rule.entityMappings.map((m) => m.entityType),
      ['Host', 'URL', 'Account'],
    );
    assert.match(rule.name, /AnyDesk, TeamViewer/);
  });

  it('the checks that pass these rules catch a broken one', () => {
    const text = rmmRuleYaml([rmmToolById('tightvnc')!], ['network'], { id: randomUUID() });
    const problems = ruleProblems(
      text.replace(
        "InitiatingProcessVersionInfoCompanyName has 'GlavSoft'",
        "InitiatingProcessVersionInfoCompanyNme has 'GlavSoft'",
      ),
    );
    assert.ok(
      problems.some((p) => p.includes('InitiatingProcessVersionInfoCompanyNme')),
      problems.join('\n'),
    );
    assert.notDeepEqual(ruleProblems(text.replace('kind: Scheduled', 'kind: [')), []);
  });

  for (const t of rmmTools()) {
    it(`${t.name}: the rule of every kind has no problem`, () => {
      for (const kind of kindsOf(t)) {
        const text = rmmRuleYaml([t], [kind], { id: randomUUID() });
        assert.deepEqual(ruleProblems(text), [], text);
      }
    });
  }

  it("the all-tools rule of each kind that fits Sentinel's query limit has no problem", () => {
    let generated = 0;
    for (const kinds of [...DETECTION_KINDS.map((k) => [k]), [...DETECTION_KINDS]]) {
      const query = rmmDetectionQuery(rmmTools(), kinds, { target: 'rule' }).text;
      if (query.length > MAX_RULE_QUERY_LENGTH) {
        assert.throws(
          () => rmmRuleYaml(rmmTools(), kinds, { id: randomUUID() }),
          /would be \d+ characters; Sentinel accepts at most 10000/,
        );
        continue;
      }
      const text = rmmRuleYaml(rmmTools(), kinds, { id: randomUUID() });
      assert.deepEqual(ruleProblems(text), [], text.slice(0, 3000));
      assert.match((parse(text) as Rule).name, /\d+ tools/);
      generated++;
    }
    assert.ok(generated >= 2, 'the process and file signature rules for all tools fit');
  });
});
