import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { runBin, tempTree } from '../helpers/cliHarness';

/**
 * The built `kqlhunt check` reports names of the other environment in the same words as the
 * editor (both go through the language service): a Sentinel rule written with Defender's names,
 * and a Defender query written with Sentinel's.
 */
interface JsonFinding {
  file: string;
  line: number;
  column: number;
  severity: string;
  code: string;
  message: string;
}

const RULE = [
  'id: 0f4d2c1a-7b3e-4a59-9c8d-2e6f1a0b3c4d',
  'name: Sign-in from a new country',
  'description: |',
  '  Written for Defender XDR and copied into a Sentinel rule.',
  'severity: Medium',
  'queryFrequency: 1h',
  'queryPeriod: 1h',
  'triggerOperator: gt',
  'triggerThreshold: 0',
  'tactics:',
  '  - InitialAccess',
  'query: |',
  '  SecurityEvent',
  '  | where Timestamp > ago(1h)',
  '  | join kind=inner (AADSignInEventsBeta | project AccountUpn) on $left.Account == $right.AccountUpn',
  'kind: Scheduled',
  'version: 1.0.0',
  '',
].join('\n');

const DEFENDER = [
  '// kql-environment: defender',
  'let vip = _GetWatchlist("vip");',
  'SigninLogs',
  '| where TimeGenerated > ago(1d)',
  '',
].join('\n');

test('kqlhunt check names the other environment: Defender names in a Sentinel rule, Sentinel names in a Defender query', async () => {
  const tree = tempTree({ 'rules/signin.yaml': RULE, 'hunting/signin.kql': DEFENDER });
  try {
    const run = await runBin(['check', '--format', 'json', '-q'], tree.dir);
    assert.equal(run.code, 1, run.stderr);
    const findings = (JSON.parse(run.stdout) as JsonFinding[]).map(
      (f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.code} ${f.message}`,
    );
    const expected = [
      "hunting/signin.kql:2:11 error KS211 '_GetWatchlist' is a Microsoft Sentinel function; Defender XDR has no function of that name.",
      "hunting/signin.kql:3:1 error KS204 'SigninLogs' is a Microsoft Sentinel table; Defender XDR has no table of that name.",
      "rules/signin.yaml:14:11 error KS142 'Timestamp' is the time column of Defender XDR; in Microsoft Sentinel, SecurityEvent has TimeGenerated instead.",
      "rules/signin.yaml:15:22 warning defender-only-table 'AADSignInEventsBeta' is a Defender XDR table that Log Analytics does not hold: Microsoft Sentinel never receives its rows. Run the query in Defender XDR advanced hunting.",
    ];
    for (const line of expected) assert.ok(findings.includes(line), `${line}\nin\n${findings.join('\n')}`);

    const text = await runBin(['check', 'rules/signin.yaml'], tree.dir);
    assert.match(text.stdout, /KS142 'Timestamp' is the time column of Defender XDR/);
    assert.equal(text.code, 1);
  } finally {
    tree.dispose();
  }
});

test('the same query checked in its own environment has no dialect findings', async () => {
  const tree = tempTree({
    'hunting/signin.kql': DEFENDER.replace('defender', 'sentinel'),
  });
  try {
    const run = await runBin(['check', '--format', 'json', '-q'], tree.dir);
    const findings = JSON.parse(run.stdout) as JsonFinding[];
    assert.deepEqual(
      findings.filter((f) => f.severity === 'error' || f.code === 'defender-only-table'),
      [],
    );
  } finally {
    tree.dispose();
  }
});
