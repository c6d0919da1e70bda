import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { chooseWorkers } from '../../../server/src/cli/commands/check';
import { createProgress } from '../../../server/src/cli/progress';
import { capture, runInProcess, tempTree } from '../../helpers/cliHarness';

const TYPO = 'DeviceProcessEvents\n| where Timestamp > ago(1d)\n| where FileNme =~ "x.exe"\n';
const CLEAN = 'DeviceProcessEvents\n| where Timestamp > ago(1d)\n| where FileName =~ "x.exe"\n';
const JOIN_WARNING =
  'DeviceProcessEvents\n| where Timestamp > ago(1d)\n| join (DeviceNetworkEvents | where Timestamp > ago(1d)) on DeviceId\n';

test('exit code 0 for a clean folder, 1 when an error is found, with the summary on stderr', async () => {
  const tree = tempTree({ 'clean.kql': CLEAN, 'bad/typo.kql': TYPO });
  try {
    const clean = await runInProcess(['check', 'clean.kql'], tree.dir);
    assert.equal(clean.code, 0);
    assert.equal(clean.stdout, '');
    assert.equal(clean.stderr, 'kqlhunt: no problems in 1 file\n');

    const bad = await runInProcess(['check'], tree.dir);
    assert.equal(bad.code, 1);
    assert.match(bad.stdout, /^bad\/typo\.kql:3:9 error KS142 The name 'FileNme'/);
    assert.equal(bad.stderr, 'kqlhunt: 1 error, 0 warnings, 0 info in 1 of 2 files\n');

    const quiet = await runInProcess(['check', '--quiet', '--format', 'json'], tree.dir);
    assert.equal(quiet.code, 1);
    assert.equal(quiet.stderr, '');
    assert.equal(JSON.parse(quiet.stdout)[0].file, 'bad/typo.kql');
  } finally {
    tree.dispose();
  }
});

test('--fail-on sets the severity that fails the run; .kqlhunt.json lints change severities and turn codes off', async () => {
  const tree = tempTree({ 'join.kql': JOIN_WARNING });
  try {
    assert.equal((await runInProcess(['check', '-q'], tree.dir)).code, 0);
    const warned = await runInProcess(['check', '-q', '--fail-on', 'warning'], tree.dir);
    assert.equal(warned.code, 1);
    assert.match(warned.stdout, /warning KS508/);
    assert.equal(
      (await runInProcess(['check', '-q', '--fail-on', 'never', '-f', 'github'], tree.dir)).code,
      0,
    );

    tree.dispose();
    const strict = tempTree({ 'join.kql': JOIN_WARNING, '.kqlhunt.json': '{"lints": {"KS508": "error"}}' });
    try {
      const r = await runInProcess(['check', '-q'], strict.dir);
      assert.equal(r.code, 1);
      assert.match(r.stdout, /error KS508/);
    } finally {
      strict.dispose();
    }
    const off = tempTree({
      'join.kql': JOIN_WARNING,
      '.kqlhunt.json': '{"kqlHunting.lints": {"KS508": "off"}}',
    });
    try {
      const r = await runInProcess(['check', '-q', '--fail-on', 'info'], off.dir);
      assert.equal(r.code, 0);
      assert.equal(r.stdout, '');
    } finally {
      off.dispose();
    }
  } finally {
    tree.dispose();
  }
});

test('--env overrides the configuration; a first-line pin overrides both, as in the editor', async () => {
  const sentinelQuery = 'DeviceLogonEvents\n| where TimeGenerated > ago(1d)\n| take 5\n';
  const tree = tempTree({
    'q.kql': sentinelQuery,
    'pinned.kql': `// kql-environment: defender\n${sentinelQuery}`,
    '.kqlhunt.json': '{"environment": "sentinel"}',
  });
  try {
    assert.equal((await runInProcess(['check', '-q', 'q.kql'], tree.dir)).code, 0);
    const asDefender = await runInProcess(['check', '-q', '--env', 'defender', 'q.kql'], tree.dir);
    assert.equal(asDefender.code, 1);
    assert.match(asDefender.stdout, /KS142 'TimeGenerated' is the time column of Microsoft Sentinel/);
    assert.equal((await runInProcess(['check', '-q', 'pinned.kql'], tree.dir)).code, 1);
  } finally {
    tree.dispose();
  }
});

test('usage errors exit with 2 and one line on stderr', async () => {
  const tree = tempTree({ 'a.kql': CLEAN, '.kqlhunt.json': '{"environment": "sentinel"}' });
  try {
    const cases: [string[], RegExp][] = [
      [['frobnicate'], /^kqlhunt: unknown command 'frobnicate'/],
      [['check', '--bogus'], /^kqlhunt check: Unknown option '--bogus'/],
      [['check', '--format', 'xml'], /^kqlhunt check: unknown format 'xml'/],
      [['check', '--fail-on', 'fatal'], /--fail-on must be one of error, warning, info, never/],
      [['check', '--env', 'azure'], /--env must be defender or sentinel/],
      [['check', '--jobs', '0'], /--jobs must be a whole number/],
      [['check', 'missing.kql'], /missing\.kql: no such file or directory/],
      [['check', '--config', 'nope.json'], /cannot read configuration/],
    ];
    for (const [argv, message] of cases) {
      const r = await runInProcess(argv, tree.dir);
      assert.equal(r.code, 2, argv.join(' '));
      assert.match(r.stderr, message);
      assert.equal(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
      assert.equal(r.stdout, '');
    }
    const broken = tempTree({ 'a.kql': CLEAN, '.kqlhunt.json': '{"environment": "sentinel",}' });
    try {
      const r = await runInProcess(['check'], broken.dir);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /\.kqlhunt\.json is not valid JSON/);
    } finally {
      broken.dispose();
    }
  } finally {
    tree.dispose();
  }
});

test('--help and --version answer on stdout with exit code 0; no command prints help with exit code 2', async () => {
  const help = await runInProcess(['--help'], '/');
  assert.equal(help.code, 0);
  assert.match(help.stdout, /check\s+check queries/);
  const checkHelp = await runInProcess(['check', '--help'], '/');
  assert.equal(checkHelp.code, 0);
  assert.match(checkHelp.stdout, /--fail-on/);
  assert.match((await runInProcess(['--version'], '/')).stdout, /^\d+\.\d+\.\d+/);
  const none = await runInProcess([], '/');
  assert.equal(none.code, 2);
  assert.match(none.stderr, /Usage: kqlhunt <command>/);
});

test('--output writes the report to a file', async () => {
  const tree = tempTree({ 'a.kql': TYPO });
  try {
    const r = await runInProcess(['check', '-q', '-f', 'sarif', '-o', 'reports/kql.sarif'], tree.dir);
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    const fs = await import('node:fs');
    const log = JSON.parse(fs.readFileSync(`${tree.dir}/reports/kql.sarif`, 'utf8'));
    assert.equal(log.runs[0].results[0].ruleId, 'KS142');
  } finally {
    tree.dispose();
  }
});

test('worker threads: one thread for small runs, one per free core for large ones, or --jobs', () => {
  assert.equal(chooseWorkers(3, undefined, 2, 0), 1);
  assert.equal(chooseWorkers(40, undefined, 2, 0), 1);
  assert.equal(chooseWorkers(64, undefined, 2, 0.2), 2);
  assert.equal(chooseWorkers(500, undefined, 2, 0.4), 2);
  assert.equal(chooseWorkers(500, undefined, 2, 1), 1);
  assert.equal(chooseWorkers(500, undefined, 2, 12), 1);
  assert.equal(chooseWorkers(500, undefined, 1, 0), 1);
  assert.equal(chooseWorkers(500, '1', 2, 0), 1);
  assert.equal(chooseWorkers(3, '3', 2, 12), 3);
});

test('progress is drawn on a terminal only, after a moment, and cleared at the end', () => {
  let now = 0;
  const tty = capture(true);
  const p = createProgress(tty, true, () => now);
  p.update(1, 10);
  assert.equal(tty.text, '');
  now = 1000;
  p.update(5, 10);
  assert.match(tty.text, /checked 5\/10 files/);
  p.clear();
  assert.ok(tty.text.endsWith('\r\x1b[K'));
  const pipe = capture(false);
  const q = createProgress(pipe, true, () => now);
  now = 5000;
  q.update(9, 10);
  q.clear();
  assert.equal(pipe.text, '');
  const quiet = capture(true);
  createProgress(quiet, false, () => now).update(9, 10);
  assert.equal(quiet.text, '');
});

test('rule ids are compared across every checked file, as the editor compares them across the workspace', async () => {
  const rule = (name: string) =>
    `id: 5b0c6f1e-2d7a-4e8b-b1c3-9f4e2a6d8c20\nname: ${name}\ndescription: A remote access tool started.\nseverity: Medium\nqueryFrequency: 1h\nqueryPeriod: 1h\ntriggerOperator: gt\ntriggerThreshold: 0\ntactics:\n  - CommandAndControl\nquery: |\n  DeviceProcessEvents\n  | project TimeGenerated, DeviceName\nkind: Scheduled\nversion: 1.0.0\n`;
  const tree = tempTree({ 'a/one.yaml': rule('One'), 'b/two.yaml': rule('Two') });
  try {
    for (const jobs of ['1', '2']) {
      const r = await runInProcess(['check', '-q', '-f', 'json', '-j', jobs], tree.dir);
      const duplicates = (JSON.parse(r.stdout) as { file: string; code: string; message: string }[]).filter(
        (f) => f.code === 'rule-id-duplicate',
      );
      assert.deepEqual(
        duplicates.map((f) => f.file),
        ['a/one.yaml', 'b/two.yaml'],
        r.stdout,
      );
      assert.match(duplicates[0].message, /also used by b\/two\.yaml/);
    }
    const single = await runInProcess(['check', '-q', '-f', 'json', 'a/one.yaml'], tree.dir);
    assert.ok(!single.stdout.includes('rule-id-duplicate'));
  } finally {
    tree.dispose();
  }
});

test('custom schema files from .kqlhunt.json or --schema are merged over the catalogue; their problems are findings on them', async () => {
  const query =
    'Contoso_VPN_CL\n| where TimeGenerated > ago(1d)\n| project TimeGenerated, UserName_s, SrcIp_s\n';
  const table =
    '{"Name": "Contoso_VPN_CL", "Properties": [{"Name": "TimeGenerated", "Type": "DateTime"}, {"Name": "UserName_s", "Type": "String"}, {"Name": "SrcIp_s", "Type": "String"}]}';
  const tree = tempTree({
    'q.kql': query,
    'schemas/vpn.json': table,
    'other/broken.json': '{"Name": "Broken_CL", "Properties": [',
    '.kqlhunt.json': '{"environment": "sentinel", "schemaFiles": ["schemas/*.json"]}',
  });
  try {
    const withConfig = await runInProcess(['check', '-q', '-f', 'json', 'q.kql'], tree.dir);
    assert.equal(withConfig.code, 0, withConfig.stdout + withConfig.stderr);
    assert.equal(withConfig.stdout, '[]\n');

    const bare = tempTree({ 'q.kql': query });
    try {
      const unknown = await runInProcess(['check', '-q', '-f', 'json', '--env', 'sentinel'], bare.dir);
      assert.equal(unknown.code, 1);
      assert.match(unknown.stdout, /Contoso_VPN_CL/);
    } finally {
      bare.dispose();
    }

    // --schema replaces the configured files; a broken one is reported on the schema file itself.
    const broken = await runInProcess(
      ['check', '-q', '-f', 'json', '--schema', 'other/broken.json', 'q.kql'],
      tree.dir,
    );
    assert.equal(broken.code, 1);
    const findings = JSON.parse(broken.stdout) as { file: string; code: string; severity: string }[];
    assert.ok(
      findings.some(
        (f) => f.file === 'other/broken.json' && f.severity === 'error' && f.code === 'kql-schema',
      ),
      broken.stdout,
    );
    assert.ok(
      findings.some((f) => f.file === 'q.kql'),
      broken.stdout,
    );

    const missing = await runInProcess(['check', '-q', '--schema', 'nope.json', 'q.kql'], tree.dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read schema file/);
  } finally {
    tree.dispose();
  }
});
