import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runBin, tempTree } from '../helpers/cliHarness';
import { FIXTURES } from '../helpers/paths';

/** The built `kqlhunt convert`, as a reviewer or a CI step runs it, on files of our own. */

const VNC = fs.readFileSync(path.join(FIXTURES, 'convert', 'tightvnc-remote-access.kql'), 'utf8');
const RULE = fs.readFileSync(path.join(FIXTURES, 'convert', 'tightvnc-rule.yaml'), 'utf8');

test('kqlhunt convert prints the converted query and exits 0 when everything converts', async () => {
  const tree = tempTree({ 'vnc.kql': VNC });
  try {
    const run = await runBin(['convert', 'vnc.kql', '--to', 'sentinel'], tree.dir);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(
      run.stdout,
      VNC.replace('kql-environment: defender', 'kql-environment: sentinel').replace(
        /\b(Timestamp)(1?)\b(?! in this comment)/g,
        'TimeGenerated$2',
      ),
    );
    assert.match(run.stderr, /Defender XDR to Microsoft Sentinel: 8 names rewritten\n$/);
    // The file itself is left alone without --write.
    assert.equal(fs.readFileSync(path.join(tree.dir, 'vnc.kql'), 'utf8'), VNC);
  } finally {
    tree.dispose();
  }
});

test('kqlhunt convert --write rewrites only the query of a rule YAML, and back again', async () => {
  const tree = tempTree({ 'rule.yaml': RULE });
  try {
    const file = path.join(tree.dir, 'rule.yaml');
    const toDefender = await runBin(['convert', 'rule.yaml', '--to', 'defender', '--write', '-q'], tree.dir);
    assert.equal(toDefender.code, 0, toDefender.stderr);
    assert.equal(toDefender.stdout, '');
    const written = fs.readFileSync(file, 'utf8');
    assert.equal(written, RULE.replaceAll('TimeGenerated', 'Timestamp'));
    const back = await runBin(
      ['convert', 'rule.yaml', '--from', 'defender', '--to', 'sentinel', '--write', '-q'],
      tree.dir,
    );
    assert.equal(back.code, 0, back.stderr);
    assert.equal(fs.readFileSync(file, 'utf8'), RULE);
  } finally {
    tree.dispose();
  }
});

test('kqlhunt convert lists what could not be converted on stderr, writes the rest to -o, and exits 1', async () => {
  const query = [
    '// kql-environment: defender',
    'DeviceFileEvents',
    '| where Timestamp > ago(1d)',
    '| invoke FileProfile(SHA1, 100)',
    '',
  ].join('\n');
  const tree = tempTree({ 'q.kql': query });
  try {
    const run = await runBin(['convert', 'q.kql', '--to', 'sentinel', '-o', 'out/q.kql'], tree.dir);
    assert.equal(run.code, 1, run.stderr);
    assert.equal(run.stdout, '');
    assert.equal(
      run.stderr,
      "q.kql:4:10: FileProfile: 'FileProfile' is a Defender XDR function; Microsoft Sentinel has no function of that name\n" +
        'kqlhunt: Defender XDR to Microsoft Sentinel: 1 name rewritten; 1 name could not be converted (see above)\n',
    );
    assert.equal(
      fs.readFileSync(path.join(tree.dir, 'out', 'q.kql'), 'utf8'),
      query.replace('defender', 'sentinel').replace('where Timestamp', 'where TimeGenerated'),
    );
  } finally {
    tree.dispose();
  }
});

test('kqlhunt convert refuses bad usage with exit code 2 and a one-line reason', async () => {
  const tree = tempTree({ 'q.kql': 'DeviceEvents | take 1\n', 'a.json': '{}' });
  try {
    const cases: [string[], RegExp][] = [
      [['convert', 'q.kql'], /--to is required/],
      [['convert', 'q.kql', '--to', 'splunk'], /--to must be sentinel or defender, not 'splunk'/],
      [
        ['convert', 'a.json', '--to', 'sentinel'],
        /not a Sentinel analytic rule YAML or a Defender custom detection JSON/,
      ],
      [['convert', 'missing.kql', '--to', 'sentinel'], /cannot read missing\.kql/],
      [['convert', 'q.kql', '--to', 'sentinel', '--write', '-o', 'x.kql'], /cannot be used together/],
      [['convert', 'q.kql', '--to', 'sentinel', '-o', 'q.kql'], /one of the files being read/],
    ];
    for (const [args, message] of cases) {
      const run = await runBin(args, tree.dir);
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, message, args.join(' '));
      assert.doesNotMatch(run.stderr, /\n\s+at /);
    }
  } finally {
    tree.dispose();
  }
});

test('kqlhunt convert --rule turns a Sentinel rule into a Defender custom detection with its query converted, and back', async () => {
  const tree = tempTree({ 'rule.yaml': RULE });
  try {
    const toDefender = await runBin(
      ['convert', 'rule.yaml', '--to', 'defender', '--rule', '-o', 'vnc.detection.json'],
      tree.dir,
    );
    const detection = JSON.parse(fs.readFileSync(path.join(tree.dir, 'vnc.detection.json'), 'utf8')) as {
      queryCondition: { queryText: string };
      schedule: Record<string, string>;
      detectionAction: {
        alertTemplate: { tactics: { techniques: { technique: string }[] }[]; impactedAssets?: unknown };
      };
    };
    // The query inside went through the dialect converter: Defender's time column.
    assert.match(detection.queryCondition.queryText, /\bTimestamp\b/);
    assert.doesNotMatch(detection.queryCondition.queryText, /TimeGenerated/);
    const template = detection.detectionAction.alertTemplate;
    assert.deepEqual(
      template.tactics.flatMap((t) => t.techniques.map((x) => x.technique)),
      ['T1219'],
    );
    // Written in the shape Graph documents since 2026-10-01.
    assert.ok(typeof detection.schedule.frequency === 'string' && !('period' in detection.schedule));
    assert.equal(template.impactedAssets, undefined);
    // The summarized query lacks the columns a custom detection must return: named, exit 1.
    assert.equal(toDefender.code, 1, toDefender.stderr);
    assert.match(
      toDefender.stderr,
      /vnc\.detection\.json:\d+: error rule-defender-required-column .*'ReportId'/,
    );

    const back = await runBin(
      ['convert', 'vnc.detection.json', '--to', 'sentinel', '-o', 'back.yaml'],
      tree.dir,
    );
    assert.equal(back.code, 0, back.stderr);
    const yaml = fs.readFileSync(path.join(tree.dir, 'back.yaml'), 'utf8');
    assert.match(yaml, /\| where TimeGenerated > ago\(1h\)/);
    assert.match(yaml, /T1219/);

    const misuse = await runBin(['convert', 'rule.yaml', '--to', 'defender', '--rule', '--write'], tree.dir);
    assert.equal(misuse.code, 2);
    assert.match(misuse.stderr, /use --output, not --write/);
  } finally {
    tree.dispose();
  }
});

test('kqlhunt convert wraps a column Sentinel types differently, says so on stderr, and exits 0', async () => {
  const query = [
    '// kql-environment: defender',
    'DeviceEvents',
    '| summarize count() by AdditionalFields, DeviceId',
    '',
  ].join('\n');
  const tree = tempTree({ 'fields.kql': query });
  try {
    const run = await runBin(['convert', 'fields.kql', '--to', 'sentinel'], tree.dir);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(
      run.stdout,
      query.replace('defender', 'sentinel').replace('by AdditionalFields', 'by tostring(AdditionalFields)'),
    );
    assert.match(
      run.stderr,
      /^fields\.kql:3:24: AdditionalFields: 'AdditionalFields' of DeviceEvents is string in Defender XDR but dynamic in Microsoft Sentinel; written as tostring\(AdditionalFields\)/m,
    );
    assert.match(run.stderr, /1 name rewritten\n$/);
  } finally {
    tree.dispose();
  }
});
