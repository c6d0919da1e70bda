import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import type { EnvironmentId } from '../../../server/src/schema/types';
import { KQL_SNIPPETS, RULE_SNIPPETS } from '../../../server/src/rmm/snippetCompletions';
import { kqlProblems, ruleProblems } from '../../helpers/detectionChecks';
import { REPO_ROOT } from '../../helpers/paths';
import { expandSnippet } from '../../helpers/snippetExpander';

/**
 * How each KQL snippet is checked: the environment it is written for, and the query around it
 * when it is a fragment. Every snippet must be listed, so a new one cannot go unchecked.
 */
const KQL_HARNESS: Record<string, { env: EnvironmentId; before?: string }> = {
  'TightVNC network connections': { env: 'defender' },
  'TightVNC process creation': { env: 'defender' },
  'TightVNC file signature': { env: 'defender' },
  'TightVNC network connections with exclusions': { env: 'defender' },
  'Time window': { env: 'defender' },
  'First seen, last seen and count': {
    env: 'defender',
    before: 'DeviceNetworkEvents\n| where Timestamp > ago(1d)\n',
  },
  'Join process to network events': { env: 'defender' },
  'Match any of a list': { env: 'defender' },
  'Watchlist allow-list': { env: 'sentinel' },
  'Exclude known admin IPs': { env: 'defender' },
  'Exclude accounts': { env: 'defender' },
  'Exclude maintenance windows': { env: 'defender' },
};

describe('KQL snippets', () => {
  it('each has a prefix, a description and a harness entry', () => {
    assert.deepEqual(Object.keys(KQL_SNIPPETS).sort(), Object.keys(KQL_HARNESS).sort());
    const prefixes = new Set<string>();
    for (const [name, s] of Object.entries(KQL_SNIPPETS)) {
      assert.match(s.prefix, /^(rmm|kql)-[a-z-]+$/, name);
      assert.ok(!prefixes.has(s.prefix), `duplicate prefix ${s.prefix}`);
      prefixes.add(s.prefix);
      assert.ok(s.description.length > 40, `${name} explains itself`);
    }
  });

  for (const [name, snippet] of Object.entries(KQL_SNIPPETS)) {
    it(`"${name}" with its defaults is valid KQL`, () => {
      const harness = KQL_HARNESS[name];
      const text = (harness.before ?? '') + expandSnippet(snippet.body);
      assert.deepEqual(kqlProblems(text, harness.env), [], text);
    });
  }

  it('the TightVNC network snippet is the seed query with tab stops for window, vendor and product', () => {
    const body = KQL_SNIPPETS['TightVNC network connections'].body.join('\n');
    assert.match(body, /ago\(\$\{1:5d\}\)/);
    assert.match(body, /InitiatingProcessVersionInfoCompanyName has '\$\{2:GlavSoft\}'/);
    assert.match(body, /InitiatingProcessVersionInfoProductName has '\$\{3:TightVNC\}'/);
    assert.match(
      body,
      /FirstSeen = min\(Timestamp\), LastSeen = max\(Timestamp\),\s+Report = make_set\(ReportId\), Count = count\(\) by DeviceId, DeviceName, RemoteUrl/,
    );
  });

  it('exclusions are real filters: negative operators, never an OR of inequalities', () => {
    for (const [name, s] of Object.entries(KQL_SNIPPETS)) {
      const text = expandSnippet(s.body);
      assert.doesNotMatch(text, /!=[^\n]*\bor\b[^\n]*!=/i, `${name} has no always-true OR of inequalities`);
    }
    const exclusions = expandSnippet(KQL_SNIPPETS['TightVNC network connections with exclusions'].body);
    for (const filter of [
      'RemoteIP !in (KnownAdminIps)',
      'InitiatingProcessAccountName !in~ (ItAdminAccounts)',
      'InitiatingProcessAccountName !in~ (HelpDeskAccounts)',
      'InitiatingProcessParentFileName !in~ (DeploymentTools)',
      'where not((dayofweek(Timestamp)',
    ]) {
      assert.ok(exclusions.includes(filter), `exclusions include ${filter}`);
    }
  });
});

describe('rule YAML snippets', () => {
  for (const [name, snippet] of Object.entries(RULE_SNIPPETS)) {
    it(`"${name}" with its defaults parses and has no problem`, () => {
      const text = expandSnippet(snippet.body);
      assert.deepEqual(ruleProblems(text), [], text);
    });
  }

  it('the TightVNC rule has a fresh id each time and the fields the issue names', () => {
    const body = RULE_SNIPPETS['Sentinel rule: TightVNC network connection'].body;
    const first = parse(expandSnippet(body)) as Record<string, unknown>;
    const second = parse(expandSnippet(body)) as Record<string, unknown>;
    assert.notEqual(first.id, second.id);
    assert.equal(first.kind, 'Scheduled');
    assert.equal(first.severity, 'Medium');
    assert.deepEqual(first.tactics, ['CommandAndControl']);
    assert.deepEqual(first.relevantTechniques, ['T1219']);
    assert.deepEqual(first.requiredDataConnectors, [
      { connectorId: 'MicrosoftThreatProtection', dataTypes: ['DeviceNetworkEvents'] },
    ]);
    assert.deepEqual(
      (first.entityMappings as { entityType: string }[]).map((m) => m.entityType),
      ['Host', 'URL'],
    );
    for (const key of ['queryFrequency', 'queryPeriod', 'triggerOperator', 'triggerThreshold'])
      assert.ok(key in first, key);
  });
});

describe('package.json snippet contributions', () => {
  it('contributes the KQL snippets for kql and its alias kusto only; rule snippets come from the server', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
      contributes: { snippets?: { language: string; path: string }[] };
    };
    const contributed = manifest.contributes.snippets ?? [];
    assert.deepEqual(contributed, [
      { language: 'kql', path: './snippets/kql.json' },
      { language: 'kusto', path: './snippets/kql.json' },
    ]);
  });
});
