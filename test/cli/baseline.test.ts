import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as Sarif from 'sarif';
import { runBin, tempTree, type CapturedRun } from '../helpers/cliHarness';
import { sarifSchemaErrors } from '../helpers/sarifSchema';

/**
 * `kqlhunt check --write-baseline` and `--baseline`, run as CI runs them (the built bin, as a
 * child process) on files each test writes: a recorded finding still matches after lines move and
 * unrelated edits, only new findings fail the run, fixed ones are reported for pruning, and SARIF
 * marks each result new, unchanged or absent.
 */
interface JsonFinding {
  file: string;
  line: number;
  code: string;
  message: string;
}

/** A Sentinel rule with a bad severity (a rule check) and an unknown column in its query. */
function rule(name: string): string {
  return [
    'id: 5b0c6f1e-2d7a-4e8b-b1c3-9f4e2a6d8c20',
    `name: ${name}`,
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
    '  DeviceProcessEvents',
    '  | where Timestamp > ago(1h)',
    '  | where NoSuchColumn == 1',
    'kind: Scheduled',
    'version: 1.0.0',
    '',
  ].join('\n');
}

const HUNT = 'DeviceProcessEvents\n| where FileNme == "x"\n| where FileNme == "y"\n';

const findings = (run: CapturedRun) =>
  (JSON.parse(run.stdout) as JsonFinding[]).map((f) => `${f.file}:${f.line} ${f.code}`);
const sarifResults = (run: CapturedRun) => (JSON.parse(run.stdout) as Sarif.Log).runs[0].results ?? [];

test('a baseline is written sorted and without lines, and still matches after lines move and unrelated edits', async () => {
  const tree = tempTree({
    'hunts/q.kql': HUNT,
    'rules/rule.yaml': rule('Remote access tool'),
    'clean.kql': 'print 1\n',
  });
  const baselineFile = path.join(tree.dir, 'ci', 'kqlhunt-baseline.json');
  try {
    const before = await runBin(['check', '-f', 'json', 'hunts', 'rules'], tree.dir);
    assert.equal(before.code, 1, before.stderr);
    assert.deepEqual(findings(before).sort(), [
      'hunts/q.kql:1 missing-time-filter',
      'hunts/q.kql:2 KS142',
      'hunts/q.kql:3 KS142',
      'rules/rule.yaml:19 KS142',
      'rules/rule.yaml:5 rule-severity',
    ]);

    const write = await runBin(
      ['check', '--write-baseline', 'ci/kqlhunt-baseline.json', 'hunts', 'rules'],
      tree.dir,
    );
    assert.equal(write.code, 0, write.stderr);
    assert.equal(write.stdout, '');
    assert.match(write.stderr, /no problems in 2 files; 5 in the baseline\n/);
    assert.match(write.stderr, /wrote 5 baseline entries to ci\/kqlhunt-baseline\.json\n/);
    const written = fs.readFileSync(baselineFile, 'utf8');
    assert.deepEqual(JSON.parse(written), {
      kqlhuntBaseline: 1,
      entries: [
        { file: 'hunts/q.kql', code: 'KS142', text: 'FileNme', occurrence: 0 },
        { file: 'hunts/q.kql', code: 'KS142', text: 'FileNme', occurrence: 1 },
        { file: 'hunts/q.kql', code: 'missing-time-filter', text: 'DeviceProcessEvents', occurrence: 0 },
        { file: 'rules/rule.yaml', code: 'KS142', text: 'NoSuchColumn', occurrence: 0 },
        { file: 'rules/rule.yaml', code: 'rule-severity', text: 'Severe', occurrence: 0 },
      ],
    });
    assert.equal(written.split('\n').length, 11, 'one entry a line');

    // Lines added above, the query re-indented, and the rule's name changed: nothing is new.
    fs.writeFileSync(
      path.join(tree.dir, 'hunts/q.kql'),
      `// Hunt for typos\n\n\n${HUNT.replace(/\n\|/g, '\n    |  ')}`,
    );
    fs.writeFileSync(
      path.join(tree.dir, 'rules/rule.yaml'),
      `# owned by the SOC\n${rule('Remote tool started')}`,
    );
    const again = await runBin(['check', '--baseline', 'ci/kqlhunt-baseline.json', '.'], tree.dir);
    assert.equal(again.code, 0, again.stderr + again.stdout);
    assert.equal(again.stdout, '', 'baselined findings are not printed');
    // The baseline itself (ci/kqlhunt-baseline.json) is not one of the files checked.
    assert.match(again.stderr, /no problems in 3 files; 5 in the baseline\n$/);

    // Written again from the edited files, the baseline is the same byte for byte.
    const rewrite = await runBin(
      ['check', '-q', '--write-baseline', 'ci/kqlhunt-baseline.json', 'hunts', 'rules'],
      tree.dir,
    );
    assert.equal(rewrite.code, 0, rewrite.stderr);
    assert.equal(fs.readFileSync(baselineFile, 'utf8'), written);
  } finally {
    tree.dispose();
  }
});

test('with a baseline, a new finding fails and is the only one shown; a fixed one is reported for pruning; SARIF has baselineState', async () => {
  const tree = tempTree({ 'hunts/q.kql': HUNT, 'rules/rule.yaml': rule('Remote access tool') });
  try {
    const write = await runBin(
      ['check', '-q', '--write-baseline', 'baseline.json', 'hunts', 'rules'],
      tree.dir,
    );
    assert.equal(write.code, 0, write.stderr);
    // One of the two FileNme findings fixed, and a new unknown column.
    fs.writeFileSync(
      path.join(tree.dir, 'hunts/q.kql'),
      'DeviceProcessEvents\n| where ProcessId == 1\n| where FileNme == "y"\n| where Another == 1\n',
    );

    const json = await runBin(
      ['check', '-f', 'json', '--baseline', 'baseline.json', 'hunts', 'rules'],
      tree.dir,
    );
    assert.equal(json.code, 1, json.stderr);
    assert.deepEqual(findings(json), ['hunts/q.kql:4 KS142']);
    assert.match(json.stderr, /1 error, 0 warnings, 0 info in 1 of 2 files; 4 in the baseline\n/);
    assert.match(
      json.stderr,
      /kqlhunt: 1 baseline entry no longer occurs; rerun with --write-baseline to prune\n$/,
    );

    const verbose = await runBin(['check', '-v', '--baseline', 'baseline.json', 'hunts', 'rules'], tree.dir);
    assert.equal(verbose.code, 1);
    assert.match(verbose.stdout, /^hunts\/q\.kql:4:9 error KS142 The name 'Another'/);
    assert.doesNotMatch(verbose.stdout, /FileNme|NoSuchColumn|rule-severity/);
    // The second FileNme is now the first: the occurrence that went is the last one.
    assert.match(verbose.stderr, /kqlhunt: no longer occurs: hunts\/q\.kql KS142 "FileNme" \(#2\)\n/);

    const github = await runBin(['check', '-f', 'github', '--baseline', 'baseline.json', 'hunts'], tree.dir);
    assert.deepEqual(github.stdout.trimEnd().split('\n').length, 1);
    assert.match(github.stdout, /^::error file=hunts\/q\.kql,line=4,/);

    const sarif = await runBin(
      ['check', '-f', 'sarif', '--baseline', 'baseline.json', 'hunts', 'rules'],
      tree.dir,
    );
    assert.equal(sarif.code, 1);
    const log = JSON.parse(sarif.stdout) as Sarif.Log;
    assert.deepEqual(sarifSchemaErrors(log), []);
    const states = sarifResults(sarif).map(
      (r) =>
        `${r.baselineState} ${r.ruleId} ${r.locations![0].physicalLocation!.artifactLocation!.uri}:${r.locations![0].physicalLocation!.region?.startLine ?? '-'}`,
    );
    assert.deepEqual(states.sort(), [
      'absent KS142 hunts/q.kql:-',
      'new KS142 hunts/q.kql:4',
      'unchanged KS142 hunts/q.kql:3',
      'unchanged KS142 rules/rule.yaml:19',
      'unchanged missing-time-filter hunts/q.kql:1',
      'unchanged rule-severity rules/rule.yaml:5',
    ]);
    const absent = sarifResults(sarif).find((r) => r.baselineState === 'absent')!;
    assert.equal(log.runs[0].tool.driver.rules![absent.ruleIndex!].id, 'KS142');
    assert.match(absent.message.text!, /FileNme.*no longer occurs/);

    // Without --baseline, SARIF results carry no baselineState at all.
    const plain = await runBin(['check', '-f', 'sarif', 'hunts'], tree.dir);
    assert.ok(sarifResults(plain).every((r) => r.baselineState === undefined));
  } finally {
    tree.dispose();
  }
});

test("a run over part of the tree does not call the other files' entries gone; a deleted file's are", async () => {
  const tree = tempTree({ 'a.kql': HUNT, 'b.kql': HUNT });
  try {
    assert.equal(
      (await runBin(['check', '-q', '--write-baseline', 'baseline.json', 'a.kql', 'b.kql'], tree.dir)).code,
      0,
    );
    const part = await runBin(['check', '--baseline', 'baseline.json', 'a.kql'], tree.dir);
    assert.equal(part.code, 0, part.stderr);
    assert.doesNotMatch(part.stderr, /no longer occur/);
    fs.rmSync(path.join(tree.dir, 'b.kql'));
    const deleted = await runBin(['check', '--baseline', 'baseline.json', 'a.kql'], tree.dir);
    assert.equal(deleted.code, 0, deleted.stderr);
    assert.match(deleted.stderr, /3 baseline entries no longer occur; rerun with --write-baseline to prune/);
  } finally {
    tree.dispose();
  }
});

test('a missing or malformed baseline, or both baseline options, is a usage error with one clear line', async () => {
  const tree = tempTree({
    'q.kql': HUNT,
    'broken.json': '{"kqlhuntBaseline": 1, "entries": [',
    'wrong.json': '{"kqlhuntBaseline": 1, "entries": [{"file": 3}]}',
    'future.json': '{"kqlhuntBaseline": 7, "entries": []}',
  });
  try {
    const cases: [string[], RegExp][] = [
      [
        ['--baseline', 'none.json'],
        /^kqlhunt check: cannot read the baseline none\.json: no such file \(write one with --write-baseline none\.json\)\n$/,
      ],
      [
        ['--baseline', 'broken.json'],
        /^kqlhunt check: the baseline broken\.json is not usable: it is not valid JSON \(.+\)\n$/,
      ],
      [
        ['--baseline', 'wrong.json'],
        /^kqlhunt check: the baseline wrong\.json is not usable: entry 1 has no "file" string\n$/,
      ],
      [
        ['--baseline', 'future.json'],
        /written by a newer kqlhunt \(baseline version 7; this one reads version 1\)\n$/,
      ],
      [
        ['--baseline', '.'],
        /^kqlhunt check: cannot read the baseline \.: it is a folder, not a regular file/,
      ],
      [['--baseline', 'broken.json', '--write-baseline', 'x.json'], /cannot be used together/],
    ];
    for (const [args, message] of cases) {
      const run = await runBin(['check', ...args, 'q.kql'], tree.dir);
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, message);
      assert.equal(run.stdout, '');
    }
    assert.ok(!fs.existsSync(path.join(tree.dir, 'x.json')));
  } finally {
    tree.dispose();
  }
});
