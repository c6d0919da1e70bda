import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { runBin, tempTree } from '../helpers/cliHarness';

/**
 * The built `kqlhunt check` reads a Defender XDR custom detection (Graph detectionRule JSON) as a
 * rule: its query bound in Defender XDR and the custom detection requirements checked, while other
 * JSON files are left alone.
 */
interface JsonFinding {
  file: string;
  line: number;
  code: string;
}

const detection = (queryText: string, frequency: string) =>
  JSON.stringify(
    {
      displayName: 'TightVNC connection',
      isEnabled: true,
      queryCondition: { queryText },
      schedule: { frequency },
      detectionAction: {
        alertTemplate: {
          title: 'TightVNC connection',
          description: 'A TightVNC process connected out.',
          severity: 'medium',
          tactics: [{ tactic: 'CommandAndControl', techniques: [{ technique: 'T1219', subTechniques: [] }] }],
          entityMappings: { hosts: [{ deviceIdColumn: 'DeviceId' }] },
        },
        responseActions: [],
      },
    },
    null,
    2,
  );

const PER_DEVICE =
  'DeviceNetworkEvents | where InitiatingProcessVersionInfoProductName has "TightVNC" | summarize Connections = count() by DeviceId, DeviceName';
const PER_EVENT =
  'DeviceNetworkEvents | where InitiatingProcessVersionInfoProductName has "TightVNC" | summarize arg_max(Timestamp, ReportId) by DeviceId, DeviceName';

test('kqlhunt check reports the custom detection requirements a detection JSON file breaks', async () => {
  const tree = tempTree({
    'detections/summary.detection.json': detection(PER_DEVICE, 'PT2H'),
    'detections/event.detection.json': detection(PER_EVENT, 'PT1H'),
    'config/settings.json': '{ "queryCondition": "not a detection", "query": "DeviceEvents | take 1" }',
  });
  try {
    const run = await runBin(['check', '--format', 'json', '-q'], tree.dir);
    assert.equal(run.code, 1, run.stderr);
    const findings = (JSON.parse(run.stdout) as JsonFinding[]).map((f) => `${f.file}:${f.line} ${f.code}`);
    assert.deepEqual(findings, [
      'detections/summary.detection.json:5 rule-defender-required-column',
      'detections/summary.detection.json:5 rule-defender-required-column',
      'detections/summary.detection.json:8 rule-defender-frequency',
    ]);
  } finally {
    tree.dispose();
  }
});
