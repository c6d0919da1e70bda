import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isRuleFile, runConvertRule } from '../../../server/src/cli/convertRuleCommand';
import type { CliIo } from '../../../server/src/cli/cliIo';
import { EXIT_FINDINGS, EXIT_OK, UsageError } from '../../../server/src/cli/exitCodes';
import { ruleQueryConverter } from '../../../server/src/language/dialect/convert/ruleQueryConverter';
import { BuiltinSchemaProvider } from '../../../server/src/schema/schemaProvider';
import { capture, tempTree } from '../../helpers/cliHarness';
import { testService } from '../../helpers/languageService';
import { MAILBOX_DETECTION, TIGHTVNC_RULE, TIGHTVNC_SUMMARY_RULE } from '../rules/convert/ruleFixtures';

// The rule half of `kqlhunt convert`, run in-process on real files with captured streams.
const service = testService();

function ioIn(cwd: string): CliIo & { stdout: { text: string }; stderr: { text: string } } {
  return { cwd, env: {}, stdout: capture(), stderr: capture() };
}

test('rule files are told apart from queries and other files', () => {
  assert.ok(isRuleFile('r.yaml', TIGHTVNC_RULE));
  assert.ok(isRuleFile('d.json', JSON.stringify(MAILBOX_DETECTION)));
  assert.ok(!isRuleFile('q.kql', 'DeviceEvents | take 1'));
  assert.ok(!isRuleFile('p.yml', 'steps:\n  - run: npm test\n'));
  assert.ok(!isRuleFile('t.json', '{"resources": []}'));
});

test('a rule converts to stdout, its entities with it, and the run succeeds', () => {
  const tree = tempTree({
    'rules/tightvnc.yaml': TIGHTVNC_SUMMARY_RULE.replace(
      'Connections = count() by',
      'Connections = count(), Timestamp = max(Timestamp), ReportId = take_any(ReportId) by',
    ),
  });
  try {
    const io = ioIn(tree.dir);
    // A summarize that returns Timestamp and ReportId again by name meets the requirements.
    const code = runConvertRule({ file: 'rules/tightvnc.yaml', to: 'defender', service }, io);
    assert.deepEqual(JSON.parse(io.stdout.text).schedule, { frequency: 'PT1H', lookback: 'PT1H' });
    // Every entity of this rule has a counterpart (Host, URL), so nothing is said.
    assert.equal(io.stderr.text, '');
    assert.deepEqual(JSON.parse(io.stdout.text).detectionAction.alertTemplate.entityMappings.urls, [
      { addressColumn: 'RemoteUrl' },
    ]);
    assert.equal(code, EXIT_OK);
  } finally {
    tree.dispose();
  }
});

test('--output writes the file; errors of the target platform fail the run and name the output line', () => {
  const tree = tempTree({ 'rules/tightvnc.yaml': TIGHTVNC_SUMMARY_RULE });
  try {
    const io = ioIn(tree.dir);
    const code = runConvertRule(
      { file: 'rules/tightvnc.yaml', to: 'defender', output: 'out/tightvnc.detection.json', service },
      io,
    );
    assert.equal(code, EXIT_FINDINGS);
    assert.equal(io.stdout.text, '');
    const written = fs.readFileSync(path.join(tree.dir, 'out/tightvnc.detection.json'), 'utf8');
    assert.equal(JSON.parse(written).displayName, 'TightVNC network connection');
    assert.match(
      io.stderr.text,
      /^out\/tightvnc\.detection\.json:\d+: error rule-defender-required-column The query must return 'Timestamp'/m,
    );
  } finally {
    tree.dispose();
  }
});

test('a detection converts to Sentinel YAML; the input is never overwritten', () => {
  const tree = tempTree({
    'd/phish.detection.json': JSON.stringify(MAILBOX_DETECTION),
    'r/ok.yaml': TIGHTVNC_RULE,
  });
  try {
    const io = ioIn(tree.dir);
    assert.equal(runConvertRule({ file: 'd/phish.detection.json', to: 'sentinel', service }, io), EXIT_OK);
    assert.match(io.stdout.text, /^id: [0-9a-f-]{36}\nname: Attachment from a first-time sender opened\n/);
    assert.throws(
      () =>
        runConvertRule({ file: 'r/ok.yaml', to: 'defender', output: 'r/ok.yaml', service }, ioIn(tree.dir)),
      (e: Error) => e instanceof UsageError && /one of the files being read/.test(e.message),
    );
    assert.equal(fs.readFileSync(path.join(tree.dir, 'r/ok.yaml'), 'utf8'), TIGHTVNC_RULE);
  } finally {
    tree.dispose();
  }
});

test('what the query converter rewrote beyond a name is said on stderr, as information', () => {
  const detection = {
    ...MAILBOX_DETECTION,
    queryCondition: {
      queryText:
        'DeviceEvents\n| where ActionType == "AntivirusDetection"\n| extend Threat = extract("ThreatName\\":\\"([^\\"]+)", 1, AdditionalFields)\n| project Timestamp, ReportId, DeviceId, DeviceName, Threat',
    },
    detectionAction: {
      ...MAILBOX_DETECTION.detectionAction,
      alertTemplate: { ...MAILBOX_DETECTION.detectionAction.alertTemplate, entityMappings: {} },
    },
  };
  const tree = tempTree({ 'd/av.detection.json': JSON.stringify(detection) });
  try {
    const io = ioIn(tree.dir);
    const convertQuery = ruleQueryConverter(new BuiltinSchemaProvider());
    const code = runConvertRule({ file: 'd/av.detection.json', to: 'sentinel', service, convertQuery }, io);
    assert.match(io.stdout.text, /tostring\(AdditionalFields\)/);
    assert.match(
      io.stderr.text,
      /^d\/av\.detection\.json: information query-rewritten AdditionalFields: .*dynamic/m,
    );
    assert.equal(code, EXIT_OK);
  } finally {
    tree.dispose();
  }
});

test('a missing file or a file of the wrong kind is a usage error with the reason', () => {
  const tree = tempTree({ 'r/ok.yaml': TIGHTVNC_RULE });
  try {
    assert.throws(
      () => runConvertRule({ file: 'r/none.yaml', to: 'defender', service }, ioIn(tree.dir)),
      /cannot read r\/none\.yaml/,
    );
    assert.throws(
      () => runConvertRule({ file: 'r/ok.yaml', to: 'sentinel', service }, ioIn(tree.dir)),
      /already a Sentinel rule/,
    );
  } finally {
    tree.dispose();
  }
});
