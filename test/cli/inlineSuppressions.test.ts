import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type * as Sarif from 'sarif';
import { runBin, tempTree, type CapturedRun } from '../helpers/cliHarness';
import { sarifSchemaErrors } from '../helpers/sarifSchema';

/**
 * `kqlhunt check` honours the inline suppressions (language/suppressions) in each kind of file
 * that holds KQL: suppressed findings do not fail the gate, SARIF keeps them marked suppressed
 * with their reason, and a suppression that hides nothing is itself reported. Every file here is
 * built by the test; the real `kqlhunt` runs on it as a child process.
 */
interface JsonFinding {
  file: string;
  line: number;
  column: number;
  severity: string;
  code: string;
  message: string;
}

const UNKNOWN = 'DeviceProcessEvents | where NoSuchColumn == 1';

/** A Sentinel rule with a bad severity (a rule check) around `queryLines`, after `header` lines. */
function rule(header: string[], queryLines: string[]): string {
  return [
    ...header,
    'id: 5b0c6f1e-2d7a-4e8b-b1c3-9f4e2a6d8c20',
    'name: Remote access tool process started',
    'description: |',
    '  A remote access tool started on a device.',
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
    ...queryLines.map((l) => `  ${l}`),
    'kind: Scheduled',
    'version: 1.0.0',
    '',
  ].join('\n');
}

/** Each kind of file, with its findings suppressed (`quiet`) and without the comments (`loud`). */
const KINDS = {
  'q.kql': {
    quiet: `// kqlhunt-disable-next-line KS142, missing-time-filter -- the column comes from a parser\n${UNKNOWN}\n`,
    loud: `${UNKNOWN}\n`,
  },
  'rule.yaml': {
    quiet: rule(
      ['# Owned by the detection team', '# kqlhunt-disable rule-severity -- kept for the SIEM import'],
      [
        'DeviceProcessEvents',
        '// kqlhunt-disable KS142 -- added by the enrichment',
        '| where NoSuchColumn == 1',
      ],
    ),
    loud: rule([], ['DeviceProcessEvents', '| where NoSuchColumn == 1']),
  },
  'notes.md': {
    quiet: `# Hunt\n\n\`\`\`kql\n// kqlhunt-disable-next-line KS142 -- a lab-only column\n${UNKNOWN.replace('|', '| where Timestamp > ago(1d) |')}\n\`\`\`\n`,
    loud: `# Hunt\n\n\`\`\`kql\n${UNKNOWN.replace('|', '| where Timestamp > ago(1d) |')}\n\`\`\`\n`,
  },
};

function kindsTree(which: 'quiet' | 'loud'): Record<string, string> {
  return Object.fromEntries(Object.entries(KINDS).map(([file, texts]) => [file, texts[which]]));
}

const json = (run: CapturedRun) => JSON.parse(run.stdout) as JsonFinding[];
const sarifResults = (run: CapturedRun) => (JSON.parse(run.stdout) as Sarif.Log).runs[0].results ?? [];
const key = (file: string, code: string, message: string) => `${file} ${code} ${message}`;

test('in .kql, a rule YAML (its query and its # header) and Markdown, suppressed findings do not fail the gate and SARIF keeps them', async () => {
  const quiet = tempTree(kindsTree('quiet'));
  const loud = tempTree(kindsTree('loud'));
  try {
    const before = await runBin(['check', '-f', 'json', '.'], loud.dir);
    assert.equal(before.code, 1, before.stderr);
    const expected = json(before).map((f) => key(f.file, f.code, f.message));
    // Every kind of file has its findings, and the rule both a query finding and a rule check.
    assert.deepEqual([...new Set(json(before).map((f) => `${f.file}:${f.code}`))].sort(), [
      'notes.md:KS142',
      'q.kql:KS142',
      'q.kql:missing-time-filter',
      'rule.yaml:KS142',
      'rule.yaml:rule-severity',
    ]);

    for (const format of ['json', 'text']) {
      const run = await runBin(['check', '-f', format, '.'], quiet.dir);
      assert.equal(run.code, 0, run.stderr + run.stdout);
      assert.equal(run.stdout, format === 'json' ? '[]\n' : '');
      assert.match(run.stderr, /no problems in 3 files; 5 suppressed in source/);
    }

    const sarif = await runBin(['check', '-f', 'sarif', '.'], quiet.dir);
    assert.equal(sarif.code, 0, sarif.stderr);
    assert.deepEqual(sarifSchemaErrors(JSON.parse(sarif.stdout)), []);
    const results = sarifResults(sarif);
    // Exactly the findings of the files without the comments, each marked suppressed in source.
    assert.deepEqual(
      results
        .map((r) => key(r.locations![0].physicalLocation!.artifactLocation!.uri!, r.ruleId!, r.message.text!))
        .sort(),
      expected.sort(),
    );
    const reasons = results.map((r) => `${r.ruleId}: ${JSON.stringify(r.suppressions)}`).sort();
    assert.deepEqual(reasons, [
      'KS142: [{"kind":"inSource","justification":"a lab-only column"}]',
      'KS142: [{"kind":"inSource","justification":"added by the enrichment"}]',
      'KS142: [{"kind":"inSource","justification":"the column comes from a parser"}]',
      'missing-time-filter: [{"kind":"inSource","justification":"the column comes from a parser"}]',
      'rule-severity: [{"kind":"inSource","justification":"kept for the SIEM import"}]',
    ]);
  } finally {
    quiet.dispose();
    loud.dispose();
  }
});

test('a suppression that hides nothing is an unused-suppression warning, in KQL and in a rule header', async () => {
  const tree = tempTree({
    'q.kql':
      '// kqlhunt-disable-next-line missing-time-filter, KS999 -- old\nDeviceProcessEvents | where Timestamp > ago(1d)\n',
    'rule.yaml': rule(
      ['# kqlhunt-disable rule-kind -- the kind is right now'],
      ['DeviceProcessEvents'],
    ).replace('severity: Severe', 'severity: High'),
  });
  try {
    const run = await runBin(['check', '-f', 'json', '.'], tree.dir);
    assert.equal(run.code, 0, 'a warning does not fail the default gate');
    assert.deepEqual(
      json(run).map((f) => `${f.file}:${f.line}:${f.severity}:${f.code}`),
      [
        'q.kql:1:warning:unused-suppression',
        'q.kql:1:warning:unused-suppression',
        'rule.yaml:1:warning:unused-suppression',
      ],
    );
    assert.match(json(run)[0].message, /No 'missing-time-filter' finding is on the next line/);
    assert.match(json(run)[1].message, /'KS999' is not a diagnostic code/);
    assert.match(json(run)[2].message, /No 'rule-kind' rule check is reported on this file/);
    const strict = await runBin(['check', '-f', 'json', '--fail-on', 'warning', '.'], tree.dir);
    assert.equal(strict.code, 1);
  } finally {
    tree.dispose();
  }
});

test('--require-suppression-reason makes a suppression without a reason an error; the finding stays suppressed', async () => {
  const tree = tempTree({
    'q.kql': `// kqlhunt-disable-next-line KS142, missing-time-filter\n${UNKNOWN}\n`,
    'ok.kql': `// kqlhunt-disable-next-line KS142, missing-time-filter -- with a reason\n${UNKNOWN}\n`,
  });
  try {
    const lenient = await runBin(['check', '-f', 'json', '.'], tree.dir);
    assert.equal(lenient.code, 0, lenient.stdout);
    assert.equal(lenient.stdout, '[]\n', 'without the flag a missing reason is only a hint in the editor');

    const strict = await runBin(['check', '-f', 'json', '--require-suppression-reason', '.'], tree.dir);
    assert.equal(strict.code, 1);
    assert.deepEqual(
      json(strict).map((f) => `${f.file}:${f.line}:${f.column}:${f.severity}:${f.code}`),
      ['q.kql:1:4:error:suppression-without-reason'],
    );

    const sarif = await runBin(['check', '-f', 'sarif', '--require-suppression-reason', 'q.kql'], tree.dir);
    assert.equal(sarif.code, 1);
    const suppressed = sarifResults(sarif).filter((r) => r.suppressions);
    // No reason given: the suppression is recorded without a justification.
    assert.deepEqual(
      suppressed.map((r) => [r.ruleId, r.suppressions]),
      [
        ['missing-time-filter', [{ kind: 'inSource' }]],
        ['KS142', [{ kind: 'inSource' }]],
      ],
    );
  } finally {
    tree.dispose();
  }
});

test('--cache gives back the suppressed findings too, so SARIF is the same from the cache', async () => {
  const tree = tempTree(kindsTree('quiet'));
  const env = { KQLHUNT_CACHE_KEY: 'a'.repeat(64) };
  try {
    const args = ['check', '-f', 'sarif', '-j', '1', '--cache', '.'];
    const first = await runBin(args, tree.dir, env);
    const second = await runBin(args, tree.dir, env);
    assert.match(second.stderr, /\(3 from the cache\)/);
    assert.equal(second.stdout, first.stdout);
    assert.equal(sarifResults(second).filter((r) => r.suppressions).length, 5);
  } finally {
    tree.dispose();
  }
});

test('the help documents the suppressions and --require-suppression-reason', async () => {
  const run = await runBin(['check', '--help'], process.cwd());
  assert.equal(run.code, 0);
  assert.match(run.stdout, /--require-suppression-reason/);
  assert.match(run.stdout, /kqlhunt-disable-next-line CODE/);
});
