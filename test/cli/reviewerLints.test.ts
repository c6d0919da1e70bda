import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runBin, tempTree } from '../helpers/cliHarness';

/**
 * The hunting lints as a reviewer meets them in a Sentinel repository (issue 17, item 4): no
 * missing-time-filter in rule or hunting-query YAML, whose time range the file or the hunting page
 * sets, and a filter on Timestamp accepted in Sentinel; an ad hoc query without any filter is
 * still reported.
 */
const yamlQuery = (head: string, query: string) =>
  `${head}query: |\n${query
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n')}\n`;

const UNBOUNDED = 'DeviceProcessEvents\n| where FileName =~ "psexec.exe"\n| project DeviceName, FileName';

const TREE = {
  '.kqlhunt.json': JSON.stringify({ environment: 'sentinel' }),
  'Hunting Queries/DeviceProcessEvents/psexec.yaml': yamlQuery(
    'id: 0c3e5b7a-2f4d-4a6b-8c9d-1e2f3a4b5c6d\nname: PsExec runs\ndescription: Hunting query.\n',
    UNBOUNDED,
  ),
  'Detections/DeviceProcessEvents/psexec.yaml': yamlQuery(
    'id: 1d4f6c8b-3a5e-4b7c-9d0e-2f3a4b5c6d7e\nname: PsExec runs\nkind: Scheduled\nqueryPeriod: 1h\n',
    UNBOUNDED,
  ),
  'adhoc/unbounded.kql': `${UNBOUNDED}\n`,
  'adhoc/timestamp.kql':
    'DeviceProcessEvents\n| where Timestamp > ago(1d)\n| where FileName =~ "psexec.exe"\n',
  'adhoc/timegenerated.kql':
    'DeviceProcessEvents\n| where TimeGenerated > ago(1d)\n| where FileName =~ "psexec.exe"\n',
};

describe('kqlhunt check: missing-time-filter in a Sentinel repository', () => {
  it('reports only the ad hoc query that filters on no time column', async () => {
    const tree = tempTree(TREE);
    try {
      const r = await runBin(['check', '--format', 'json', '--fail-on', 'never'], tree.dir);
      assert.equal(r.code, 0, r.stderr);
      const findings = JSON.parse(r.stdout) as { file: string; code: string; message: string }[];
      const timeFilter = findings.filter((f) => f.code === 'missing-time-filter');
      assert.deepEqual(
        timeFilter.map((f) => f.file),
        ['adhoc/unbounded.kql'],
        JSON.stringify(findings),
      );
      assert.match(timeFilter[0].message, /TimeGenerated/);
    } finally {
      tree.dispose();
    }
  });
});
