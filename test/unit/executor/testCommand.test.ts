import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { runInProcess, tempTree } from '../../helpers/cliHarness';

const QUERY =
  'DeviceNetworkEvents | where InitiatingProcessVersionInfoCompanyName has "GlavSoft" | summarize Count = count() by DeviceName\n';
const ROW = '{ DeviceName: h1, InitiatingProcessVersionInfoCompanyName: GlavSoft LLC. }';

test('kqlhunt test: exit 0 when every case passes, 1 with a diff when one fails, 2 without test files', async () => {
  const tree = tempTree({
    'rules/vnc.kql': QUERY,
    'rules/vnc.test.yaml': `rule: vnc.kql\ncases:\n  - name: finds it\n    tables: { DeviceNetworkEvents: [ ${ROW} ] }\n    expect: { rows: [ { DeviceName: h1, Count: 1 } ] }\n`,
    'other/wrong.kqltest.yaml': `rule: ../rules/vnc.kql\ntables: { DeviceNetworkEvents: [ ${ROW} ] }\nexpect: { rows: [ { DeviceName: h2, Count: 1 } ] }\n`,
    'empty/readme.md': '# nothing here\n',
  });
  try {
    const ok = await runInProcess(['test', 'rules'], tree.dir);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /PASS {2}finds it/);
    assert.match(ok.stdout, /1 passed, 0 failed\n$/);

    const all = await runInProcess(['test'], tree.dir);
    assert.equal(all.code, 1);
    assert.match(all.stdout, /other\/wrong\.kqltest\.yaml\n {2}FAIL {2}case 1/);
    assert.match(all.stdout, /- \{"DeviceName":"h2","Count":1\}\n\s+\+ \{"DeviceName":"h1","Count":1\}/);

    const json = await runInProcess(['test', '--format', 'json'], tree.dir);
    assert.deepEqual(
      { passed: JSON.parse(json.stdout).passed, failed: JSON.parse(json.stdout).failed },
      { passed: 1, failed: 1 },
    );

    const none = await runInProcess(['test', 'empty'], tree.dir);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /no detection test files/);
  } finally {
    tree.dispose();
  }
});
