import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { runQuery } from '../../../server/src/connectors/runQuery';
import { convertQuery } from '../../../server/src/language/dialect/convert/convertQuery';
import { DEFAULT_RUN_SETTINGS, type LocalWorkspace } from '../../../server/src/protocol/workspaces';
import { BuiltinSchemaProvider } from '../../../server/src/schema/schemaProvider';
import { DETECTION_KINDS, rmmToolById } from '../../../server/src/rmm/rmmLibrary';
import { rmmDetectionQuery } from '../../../server/src/rmm/rmmQueries';
import { FIXTURES, REPO_ROOT } from '../../helpers/paths';

const SAMPLE: LocalWorkspace = {
  name: 'Sample',
  kind: 'local',
  folder: path.join(REPO_ROOT, 'samples', 'hunting-workspace'),
};

/**
 * Issue 23's fifth item: a detection converted from Defender XDR to Sentinel gives the same rows
 * as the original on the local workspace, which serves its Defender data in both shapes.
 */
describe('a converted query and its original give the same rows on the sample workspace', () => {
  const schemas = new BuiltinSchemaProvider();
  const rmm = ['tightvnc', 'anydesk', 'teamviewer'].map((id) => rmmToolById(id)!);
  const detections: [string, string][] = [
    ...['tightvnc-network.kql', path.join('convert', 'tightvnc-remote-access.kql')].map(
      (file): [string, string] => [file, fs.readFileSync(path.join(FIXTURES, file), 'utf8')],
    ),
    // What New RMM Detection generates for three tools and every kind of indicator.
    [
      'New RMM Detection (TightVNC, AnyDesk, TeamViewer)',
      rmmDetectionQuery(rmm, DETECTION_KINDS, { target: 'hunting' }).text,
    ],
  ];
  for (const [name, original] of detections) {
    it(name, async () => {
      const converted = convertQuery(original, { from: 'defender', to: 'sentinel', schemas });
      assert.deepEqual(converted.unconverted, []);
      assert.notEqual(converted.text, original, 'the time column was rewritten');
      assert.match(converted.text, /TimeGenerated/);
      const [before, after] = await Promise.all(
        [original, converted.text].map((q) => runQuery(SAMPLE, q, { settings: DEFAULT_RUN_SETTINGS })),
      );
      assert.ok(before.ok && after.ok, JSON.stringify([before, after].map((r) => !r.ok && r.error)));
      assert.ok(before.result.tables[0].rows.length > 0, 'the detection finds something in the sample');
      assert.deepEqual(after.result.tables[0].rows, before.result.tables[0].rows);
      // Only the time column's name differs between the two results.
      const rename = (n: string) => (n === 'Timestamp' ? 'TimeGenerated' : n);
      assert.deepEqual(
        after.result.tables[0].columns.map((c) => c.name),
        before.result.tables[0].columns.map((c) => c.name.replace(/Timestamp/g, 'TimeGenerated')).map(rename),
      );
    });
  }
});
