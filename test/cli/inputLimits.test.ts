import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { runBin, tempTree, type CapturedRun } from '../helpers/cliHarness';
import { sarifSchemaErrors } from '../helpers/sarifSchema';

/**
 * The gate fails closed on its own input limits: a query the limits refuse is an error finding,
 * the rest of the file is still checked, and only the KQL counts towards a limit (not a rule's
 * comments, prose around a Markdown fence or an ARM template's other strings). Every file here
 * is built by the test; the real `kqlhunt` runs on it as a child process.
 */
interface JsonFinding {
  file: string;
  line: number;
  severity: string;
  code: string;
  message: string;
}

const UNKNOWN_COLUMN = 'DeviceProcessEvents | where NoSuchColumn == 1';

/** A Sentinel rule with a bad severity (an error of the rule itself) around the given query lines. */
function rule(queryLines: string[], extra = ''): string {
  return [
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
    ...queryLines.map((l) => (l === '' ? '' : `  ${l}`)),
    'kind: Scheduled',
    'version: 1.0.0',
    extra,
  ].join('\n');
}

function armTemplate(queries: string[], description = 'Rules'): string {
  return JSON.stringify({
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    resources: queries.map((query, i) => ({
      type: 'Microsoft.SecurityInsights/alertRules',
      name: `rule-${i}`,
      kind: 'Scheduled',
      properties: { description, query },
    })),
  });
}

const markdown = (fences: string[], prose = 'Notes') =>
  `# ${prose}\n\n` + fences.map((f) => '```kql\n' + f + '\n```\n').join('\n');

/**
 * One over-limit query for each limit, as KQL text; the configuration used with them lowers the
 * size and count limits so that the files stay small.
 */
const CONFIG = JSON.stringify({ limits: { maxDocumentSize: 1000, maxQueries: 3 } });
const OVER_LIMIT: Record<string, { code: string; query: string }> = {
  nul: { code: 'KQLH-LIMIT-BINARY', query: 'print x = "a\u0000b"' },
  controls: { code: 'KQLH-LIMIT-BINARY', query: `print x = "${'\u0001'.repeat(10)}"` },
  size: { code: 'KQLH-LIMIT-SIZE', query: `print x = "${'a'.repeat(1500)}"` },
  blocks: { code: 'KQLH-LIMIT-QUERIES', query: 'print a = 1\n\nprint b = 2\n\nprint c = 3\n\nprint d = 4' },
  nesting: { code: 'KQLH-LIMIT-NESTING', query: `print x = ${'('.repeat(201)}1${')'.repeat(201)}` },
};

/**
 * Each kind of file with the over-limit query and, beside it, a problem that must still be
 * found: an unknown column in another query, or for a rule its bad severity.
 */
const KINDS: Record<string, { file: string; make: (query: string) => string; stillFound: string }> = {
  kql: { file: 'q.kql', make: (q) => `${UNKNOWN_COLUMN}\n\n${q}\n`, stillFound: 'KS142' },
  rule: { file: 'rule.yaml', make: (q) => rule(q.split('\n')), stillFound: 'rule-severity' },
  markdown: {
    file: 'notes.md',
    make: (q) => markdown([UNKNOWN_COLUMN, ...q.split('\n\n')]),
    stillFound: 'KS142',
  },
  arm: {
    file: 'template.json',
    make: (q) => armTemplate(['SecurityEvent | where NoSuchColumn == 1', ...q.split('\n\n')]),
    stillFound: 'KS142',
  },
};

function findingsOf(run: CapturedRun): JsonFinding[] {
  return JSON.parse(run.stdout) as JsonFinding[];
}

test('every limit in every kind of file fails the gate, and the rest of the file is still checked', async () => {
  const files: Record<string, string> = { '.kqlhunt.json': CONFIG };
  for (const [limit, { query }] of Object.entries(OVER_LIMIT)) {
    for (const [kind, { file, make }] of Object.entries(KINDS))
      files[`${limit}-${kind}/${file}`] = make(query);
  }
  const tree = tempTree(files);
  try {
    for (const [limit, { code }] of Object.entries(OVER_LIMIT)) {
      for (const [kind, { file, stillFound }] of Object.entries(KINDS)) {
        // One run per file, so that each exit code stands for that file alone.
        const run = await runBin(['check', '-f', 'json', '-j', '1', `${limit}-${kind}/${file}`], tree.dir);
        const what = `${limit} in ${kind}: ${run.stderr}${run.stdout.slice(0, 2000)}`;
        assert.equal(run.code, 1, what);
        const found = findingsOf(run);
        assert.ok(
          found.some((f) => f.code === code && f.severity === 'error' && /not analysed/.test(f.message)),
          what,
        );
        assert.ok(
          found.some((f) => f.code === stillFound && f.severity === 'error'),
          what,
        );
        assert.match(run.stderr, /; 1 file not fully checked \(over an input limit/, what);
      }
    }
  } finally {
    tree.dispose();
  }
});

test("the audit's case: a comment line of 201 brackets neither silences a rule's errors nor trips a limit", async () => {
  const query = [
    'DeviceProcessEvents',
    '| where NoSuchColumn == 1',
    '| project TimeGenerated, DeviceName, FileName',
  ];
  const tree = tempTree({
    'plain/rule.yaml': rule(query),
    'commented/rule.yaml': rule(query, `# ${'('.repeat(201)}\n`),
    'md/notes.md': markdown([UNKNOWN_COLUMN], '('.repeat(300)),
    'arm/template.json': armTemplate(
      ['SecurityEvent | where NoSuchColumn == 1'],
      '('.repeat(300) + '\u0001'.repeat(50),
    ),
  });
  try {
    const plain = await runBin(['check', '-f', 'json', 'plain'], tree.dir);
    const commented = await runBin(['check', '-f', 'json', 'commented'], tree.dir);
    assert.equal(plain.code, 1, plain.stderr);
    assert.equal(commented.code, 1, commented.stderr);
    const codes = (run: CapturedRun) => findingsOf(run).map((f) => `${f.line}:${f.code}`);
    assert.deepEqual(codes(plain), ['5:rule-severity', '18:KS142']);
    assert.deepEqual(codes(commented), codes(plain));
    for (const folder of ['md', 'arm']) {
      const run = await runBin(['check', '-f', 'json', folder], tree.dir);
      assert.equal(run.code, 1, run.stderr);
      assert.deepEqual(
        findingsOf(run)
          .map((f) => f.code)
          .filter((c) => c !== 'missing-time-filter'),
        ['KS142'],
        run.stdout,
      );
    }
  } finally {
    tree.dispose();
  }
});

test('a large .kql file with one over-limit query is checked query by query under the default limits', async () => {
  const huge = `print x = "${'a'.repeat(600_000)}"`;
  const tree = tempTree({ 'big.kql': `print ok = 1\n\n${huge}\n\n${UNKNOWN_COLUMN}\n` });
  try {
    const run = await runBin(['check', '-f', 'json', 'big.kql'], tree.dir);
    assert.equal(run.code, 1, run.stderr);
    const found = findingsOf(run);
    assert.deepEqual(found.map((f) => `${f.line}:${f.code}:${f.severity}`).sort(), [
      '3:KQLH-LIMIT-SIZE:error',
      '5:KS142:error',
      '5:missing-time-filter:warning',
    ]);
    assert.match(
      found[0].message,
      /600,012 characters, more than kqlHunting\.limits\.maxDocumentSize \(500,000\)/,
    );
  } finally {
    tree.dispose();
  }
});

test('lints set the severity of a KQLH-LIMIT code like any other, and SARIF records the unchecked file', async () => {
  const deep = `print x = ${'('.repeat(201)}1${')'.repeat(201)}\n`;
  const tree = tempTree({
    'gate/deep.kql': deep,
    'lowered/deep.kql': deep,
    'lowered/.kqlhunt.json': JSON.stringify({ lints: { 'KQLH-LIMIT-NESTING': 'warning' } }),
  });
  try {
    const strict = await runBin(['check', '-f', 'sarif', '.'], `${tree.dir}/gate`);
    assert.equal(strict.code, 1, strict.stderr);
    const sarif = JSON.parse(strict.stdout) as {
      runs: {
        results: { ruleId: string; level: string }[];
        invocations?: { toolExecutionNotifications: { level: string; message: { text: string } }[] }[];
      }[];
    };
    assert.deepEqual(
      sarif.runs[0].results.map((r) => [r.ruleId, r.level]),
      [['KQLH-LIMIT-NESTING', 'error']],
    );
    assert.deepEqual(sarifSchemaErrors(sarif), []);
    const notes = sarif.runs[0].invocations?.[0].toolExecutionNotifications ?? [];
    assert.deepEqual(
      notes.map((n) => [n.level, n.message.text.split(' ')[0]]),
      [['error', 'deep.kql']],
    );

    const lowered = await runBin(['check', '-f', 'json', '--fail-on', 'error', '.'], `${tree.dir}/lowered`);
    assert.equal(lowered.code, 0, lowered.stderr);
    assert.deepEqual(
      findingsOf(lowered).map((f) => [f.code, f.severity]),
      [['KQLH-LIMIT-NESTING', 'warning']],
    );
    assert.match(lowered.stderr, /1 file not fully checked/);
  } finally {
    tree.dispose();
  }
});

test('.kqlhunt.json: unknown lint ids, limits above their maxima and absurd nesting exit 2 with one clear line', async () => {
  const depth = 100_000;
  const tree = tempTree({
    'q.kql': `${UNKNOWN_COLUMN}\n`,
    'constructor.json': JSON.stringify({ lints: { constructor: 'off' } }),
    'typo.json': JSON.stringify({ lints: { KS999: 'off' } }),
    'known.json': JSON.stringify({ lints: { KS142: 'off', KS503: 'warning', 'KQLH-LIMIT-SIZE': 'warning' } }),
    'raised.json': JSON.stringify({ limits: { maxDocumentSize: 1e9 } }),
    'deep.json': `{"format": ${'{"a": '.repeat(depth)}1${'}'.repeat(depth)}}`,
  });
  try {
    const run = (config: string, command = 'check') =>
      runBin(
        [
          command,
          '--config',
          config,
          ...(command === 'check' ? ['q.kql'] : ['--workspace', 'nowhere', 'q.kql']),
        ],
        tree.dir,
      );
    const oneLine = (r: CapturedRun, pattern: RegExp) => {
      assert.equal(r.code, 2, r.stderr);
      assert.equal(r.stderr.split('\n').length, 2, r.stderr.slice(0, 500));
      assert.match(r.stderr, pattern);
      assert.doesNotMatch(r.stderr, /internal error|call stack/);
    };
    oneLine(await run('constructor.json'), /"lints" names "constructor", which is not a diagnostic code/);
    oneLine(await run('typo.json'), /"lints" names "KS999", which is not a diagnostic code/);
    oneLine(await run('raised.json'), /invalid value for "limits".*maxDocumentSize from 1 to 2000000/);
    oneLine(await run('deep.json'), /configuration .*deep\.json is too deeply nested/);
    oneLine(await run('deep.json', 'run'), /configuration .*deep\.json is too deeply nested/);
    // Known ids of every kind pass, and KS142 turned off leaves the file clean.
    const known = await run('known.json');
    assert.equal(known.code, 0, known.stderr);
  } finally {
    tree.dispose();
  }
});
