import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import {
  armRuleFromYaml,
  isoDuration,
  isoMinutes,
  yamlFromArmRule,
} from '../../../server/src/deploy/plan/sentinelRuleFields';

const RULE = `id: 3f1c2b4a-5d6e-4f70-8a91-b2c3d4e5f607
name: Rare process launched by the print spooler
description: The spooler started a process it seldom starts.
severity: High
queryFrequency: 30m
queryPeriod: 1d
triggerOperator: gt
triggerThreshold: 2
tactics: [PrivilegeEscalation, Execution]
relevantTechniques: [T1068, T1059.001, T1059.003]
query: |
  SecurityEvent
  | where ParentProcessName endswith "spoolsv.exe"
entityMappings:
  - entityType: Host
    fieldMappings:
      - identifier: HostName
        columnName: Computer
customDetails:
  Parent: ParentProcessName
alertDetailsOverride:
  alertDisplayNameFormat: Spooler started {{NewProcessName}}
eventGroupingSettings:
  aggregationKind: AlertPerResult
incidentConfiguration:
  createIncident: true
  groupingConfiguration:
    enabled: true
    reopenClosedIncident: false
    lookbackDuration: 5h
    matchingMethod: AllEntities
suppressionEnabled: true
suppressionDuration: 2h
version: 1.2.0
kind: Scheduled
`;

describe('Sentinel rule YAML and alertRules properties', () => {
  it('maps every deployed field, with durations in ISO 8601 and the operator spelt out', () => {
    const mapped = armRuleFromYaml(parse(RULE) as Record<string, unknown>);
    assert.ok(mapped.ok);
    const p = mapped.rule.properties;
    assert.equal(mapped.id, '3f1c2b4a-5d6e-4f70-8a91-b2c3d4e5f607');
    assert.equal(mapped.rule.kind, 'Scheduled');
    assert.equal(p.displayName, 'Rare process launched by the print spooler');
    assert.equal(p.queryFrequency, 'PT30M');
    assert.equal(p.queryPeriod, 'P1D');
    assert.equal(p.triggerOperator, 'GreaterThan');
    assert.equal(p.triggerThreshold, 2);
    assert.deepEqual(p.techniques, ['T1068', 'T1059']);
    assert.deepEqual(p.subTechniques, ['T1059.001', 'T1059.003']);
    assert.equal(p.suppressionDuration, 'PT2H');
    assert.equal(p.suppressionEnabled, true);
    assert.equal(p.enabled, true);
    assert.equal(p.templateVersion, '1.2.0');
    assert.deepEqual(p.customDetails, { Parent: 'ParentProcessName' });
    assert.equal(
      (p.incidentConfiguration as { groupingConfiguration: { lookbackDuration: string } })
        .groupingConfiguration.lookbackDuration,
      'PT5H',
    );
  });

  it('round-trips: properties back to YAML fields and again to the same properties', () => {
    const first = armRuleFromYaml(parse(RULE) as Record<string, unknown>);
    assert.ok(first.ok);
    const fields = yamlFromArmRule(first.id, first.rule);
    assert.equal(fields.queryFrequency, '30m');
    assert.equal(fields.triggerOperator, 'gt');
    assert.deepEqual(fields.relevantTechniques, ['T1068', 'T1059.001', 'T1059.003']);
    const second = armRuleFromYaml(fields);
    assert.ok(second.ok);
    assert.deepEqual(second.rule, first.rule);
  });

  it('NRT rules carry no schedule or trigger, and defaults are left out of pulled files', () => {
    const nrt = armRuleFromYaml({ id: 'x', name: 'N', query: 'T', kind: 'NRT', severity: 'Low' });
    assert.ok(nrt.ok);
    assert.equal(nrt.rule.properties.queryFrequency, undefined);
    assert.equal(nrt.rule.properties.triggerOperator, undefined);
    assert.equal(nrt.rule.properties.suppressionDuration, 'PT5H');
    const fields = yamlFromArmRule('x', nrt.rule);
    assert.equal(fields.enabled, undefined);
    assert.equal(fields.suppressionDuration, undefined);
    assert.equal(fields.kind, 'NRT');
  });

  it('says why a file cannot be deployed', () => {
    const noId = armRuleFromYaml({ name: 'N', query: 'T', kind: 'Scheduled' });
    assert.ok(!noId.ok && /no 'id'/.test(noId.reason));
    const hunting = armRuleFromYaml({ id: 'x', name: 'N', query: 'T' });
    assert.ok(!hunting.ok && /only analytic rules/.test(hunting.reason));
    const badPeriod = armRuleFromYaml({
      id: 'x',
      name: 'N',
      query: 'T',
      kind: 'Scheduled',
      queryFrequency: '1h',
      queryPeriod: 'soon',
    });
    assert.ok(!badPeriod.ok && /'queryPeriod'/.test(badPeriod.reason));
  });

  it('reads durations in every spelling rule files and the service use', () => {
    assert.equal(isoDuration('5m'), 'PT5M');
    assert.equal(isoDuration('90m'), 'PT1H30M');
    assert.equal(isoDuration('14d'), 'P14D');
    assert.equal(isoDuration('01:30:00'), 'PT1H30M');
    assert.equal(isoDuration('pt1h'), 'PT1H');
    assert.equal(isoDuration('later'), undefined);
    assert.equal(isoMinutes('P1DT2H'), 1560);
    assert.equal(isoMinutes('P'), undefined);
  });
});
