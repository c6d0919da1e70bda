import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import { convertRuleFile, type RuleFileConversion } from '../../../server/src/cli/convertRule';
import type { ConvertQuery } from '../../../server/src/rules/convert/queryConversion';
import { testService } from '../../helpers/languageService';
import { MAILBOX_DETECTION, TIGHTVNC_RULE, TIGHTVNC_SUMMARY_RULE } from '../rules/convert/ruleFixtures';

// convertRuleFile is what `kqlhunt convert` calls for a rule file: conversion plus the target
// platform's checks on the result. The query converter is a stand-in here (identity, or a marker).

function ok(result: RuleFileConversion) {
  assert.ok(result.ok, JSON.stringify(result.problems));
  return result;
}

const service = testService();

test('a Sentinel rule becomes detection JSON named beside it, and the result meets the Defender requirements', () => {
  const result = ok(convertRuleFile('rules/tightvnc.yaml', TIGHTVNC_RULE, 'defender', { service }));
  assert.equal(result.outputPath, 'rules/tightvnc.detection.json');
  const json = JSON.parse(result.text);
  assert.equal(json.displayName, 'TightVNC network connection (per event)');
  assert.deepEqual(json.schedule, { frequency: 'PT3H', lookback: 'PT12H' });
  assert.ok(result.text.endsWith('}\n'));
  assert.deepEqual(result.problems, []);
});

test("the result's Defender requirement failures come back as problems with the check id and line", () => {
  const result = ok(
    convertRuleFile(
      'rules/tightvnc-summary.yml',
      TIGHTVNC_SUMMARY_RULE.replace(
        '  - entityType: URL',
        '  - entityType: Process\n    fieldMappings:\n      - identifier: CommandLine\n        columnName: InitiatingProcessCommandLine\n  - entityType: URL',
      ),
      'defender',
      {
        service,
      },
    ),
  );
  const lines = result.text.split('\n');
  const columns = result.problems.filter((p) => p.code === 'rule-defender-required-column');
  assert.equal(columns.length, 2);
  for (const p of columns) {
    assert.equal(p.severity, 'error');
    assert.match(lines[p.line! - 1], /"queryText":/);
  }
  // What the conversion could not carry is listed too, without a code.
  assert.ok(result.problems.some((p) => p.code === undefined && /Process entity/.test(p.message)));
});

test('the injected query converter is used in both directions, and its notes are problems', () => {
  const seen: string[] = [];
  const convertQuery: ConvertQuery = (text, from, to) => {
    seen.push(`${from}->${to}`);
    return { text, notConverted: [`marker ${from}->${to}`] };
  };
  const toDefender = ok(convertRuleFile('a.yaml', TIGHTVNC_RULE, 'defender', { service, convertQuery }));
  assert.ok(toDefender.problems.some((p) => p.message === 'marker sentinel->defender'));
  const toSentinel = ok(
    convertRuleFile('b.detection.json', JSON.stringify(MAILBOX_DETECTION), 'sentinel', {
      service,
      convertQuery,
    }),
  );
  assert.ok(toSentinel.problems.some((p) => p.message === 'marker defender->sentinel'));
  assert.deepEqual([...new Set(seen)], ['sentinel->defender', 'defender->sentinel']);
});

test('detection JSON becomes a Sentinel rule whose connectors come from the tables the engine binds', () => {
  const result = ok(
    convertRuleFile('d/phish.detection.json', JSON.stringify(MAILBOX_DETECTION, null, 2), 'sentinel', {
      service,
    }),
  );
  assert.equal(result.outputPath, 'd/phish.yaml');
  const rule = parse(result.text) as Record<string, unknown>;
  assert.deepEqual(rule.requiredDataConnectors, [
    { connectorId: 'MicrosoftThreatProtection', dataTypes: ['EmailEvents'] },
  ]);
  // recommendedActions has no Sentinel field; nothing else is lost and the Sentinel checks pass.
  assert.deepEqual(
    result.problems.map((p) => p.message),
    ["'recommendedActions' has no field in a Sentinel rule and was left out."],
  );
});

test("the result's Sentinel check failures come back as problems", () => {
  const detection = structuredClone(MAILBOX_DETECTION);
  // A column Sentinel's EmailEvents lacks: the identity stand-in keeps it, and the engine's error
  // on the converted rule is reported at its line.
  detection.queryCondition.queryText =
    'EmailEvents | where NoSuchColumn > 1 | project Timestamp, ReportId, RecipientEmailAddress';
  const result = ok(convertRuleFile('x.json', JSON.stringify(detection), 'sentinel', { service }));
  const lines = result.text.split('\n');
  const error = result.problems.find((p) => p.severity === 'error' && p.line !== undefined);
  assert.ok(error, JSON.stringify(result.problems));
  assert.match(lines[error.line! - 1], /NoSuchColumn/);
});

test('files of the wrong kind or direction are refused with a reason, not converted', () => {
  const cases: [string, string, 'sentinel' | 'defender', RegExp][] = [
    ['r.yaml', TIGHTVNC_RULE, 'sentinel', /already a Sentinel rule/],
    [
      'r.detection.json',
      JSON.stringify(MAILBOX_DETECTION),
      'defender',
      /already a Defender custom detection/,
    ],
    ['notes.yaml', 'title: nothing\n', 'defender', /is not a Sentinel rule/],
    ['other.json', '{"resources": []}', 'sentinel', /is not a Defender custom detection/],
    [
      'broken.json',
      '{"queryCondition": {"queryText": "DeviceEvents"}, "displayName": ',
      'sentinel',
      /not well-formed JSON/,
    ],
    [
      'hunt.yaml',
      'id: 1\nname: h\ndescription: d\nquery: |\n  DeviceEvents\n',
      'defender',
      /hunting query has no schedule/,
    ],
  ];
  for (const [file, text, to, reason] of cases) {
    const result = convertRuleFile(file, text, to, { service });
    assert.equal(result.ok, false, file);
    assert.equal(result.problems.length, 1);
    assert.equal(result.problems[0].severity, 'error');
    assert.match(result.problems[0].message, reason, file);
  }
});
