import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { ListDetectionTestsRequest, RunDetectionTestsRequest } from '../../server/src/protocol/messages';
import { LspTestClient } from '../helpers/lspClient';
import { REPO_ROOT } from '../helpers/paths';

const SAMPLE_TESTS = path.join(
  REPO_ROOT,
  'samples',
  'hunting-workspace',
  'tests',
  'tightvnc-network.test.yaml',
);
const RULE = path.join(REPO_ROOT, 'samples', 'hunting-workspace', 'tightvnc-network.kql');

test('kql-language-server: lists and runs detection test files, with a diff for a failing case', async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kql-dettest-'));
  const client = new LspTestClient();
  try {
    await client.initialize();
    const uri = pathToFileURL(SAMPLE_TESTS).href;
    const listed = await client.connection.sendRequest(ListDetectionTestsRequest, { uri });
    assert.equal(listed.error, undefined);
    assert.equal(listed.cases.length, 3);
    assert.equal(listed.cases[0], 'reports TightVNC connections per device and URL');

    const ran = await client.connection.sendRequest(RunDetectionTestsRequest, { uri });
    assert.equal(ran.error, undefined);
    assert.deepEqual(
      ran.cases.map((c) => c.name),
      listed.cases,
    );
    assert.ok(
      ran.cases.every((c) => c.passed),
      JSON.stringify(ran.cases),
    );

    // The same TightVNC row, but the test expects a device that the query does not report.
    const failing = path.join(tmp, 'wrong-device.test.yaml');
    fs.writeFileSync(
      failing,
      [
        `rule: ${JSON.stringify(RULE)}`,
        'now: 2025-03-14T12:00:00Z',
        'cases:',
        '  - name: expects the wrong device',
        '    tables:',
        '      DeviceNetworkEvents:',
        '        - { Timestamp: 2025-03-13T10:00:00Z, DeviceId: d1, DeviceName: host1, RemoteUrl: relay.example.net, ReportId: 1,',
        '            InitiatingProcessVersionInfoCompanyName: GlavSoft LLC., InitiatingProcessVersionInfoProductName: TightVNC }',
        '    expect:',
        '      rows:',
        '        - { DeviceName: host9, Count: 1 }',
        '',
      ].join('\n'),
    );
    const bad = await client.connection.sendRequest(RunDetectionTestsRequest, {
      uri: pathToFileURL(failing).href,
    });
    assert.equal(bad.cases.length, 1);
    const [outcome] = bad.cases;
    assert.equal(outcome.passed, false);
    assert.match(outcome.message ?? '', /1 expected row\(s\) missing, 1 unexpected row\(s\)/);
    assert.match(outcome.diff ?? '', /^- \{"DeviceName":"host9","Count":1\}$/m);
    assert.match(outcome.diff ?? '', /^\+ \{"DeviceName":"host1","Count":1\}$/m);

    const missing = await client.connection.sendRequest(RunDetectionTestsRequest, {
      uri: pathToFileURL(path.join(tmp, 'absent.test.yaml')).href,
    });
    assert.match(missing.error ?? '', /Cannot read .*absent\.test\.yaml/);
    const remote = await client.connection.sendRequest(RunDetectionTestsRequest, {
      uri: 'untitled:Untitled-1',
    });
    assert.match(remote.error ?? '', /files on disk/);
  } finally {
    await client.shutdown();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
