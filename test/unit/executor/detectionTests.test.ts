import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { runDetectionTestFile, type DetectionTestHost } from '../../../server/src/executor/detectionTests';
import {
  findDetectionTests,
  nodeDetectionTestHost,
  runDetectionTestFiles,
} from '../../../server/src/executor/files/detectionTestFiles';
import { builtinSchema } from '../../../server/src/schema/builtinSchemas';
import { REPO_ROOT } from '../../helpers/paths';

const QUERY =
  'DeviceNetworkEvents | where InitiatingProcessFileName =~ "tvnserver.exe" | summarize Count = count() by DeviceName';
const host = (files: Record<string, string> = {}): DetectionTestHost => ({
  readText: (p) => {
    const text = files[path.basename(p)];
    if (text === undefined) throw new Error('no such file');
    return text;
  },
  schema: (env) => builtinSchema(env),
  loadWorkspace: () => {
    throw new Error('not used');
  },
});
const run = (yaml: string, files?: Record<string, string>) =>
  runDetectionTestFile('/t/x.test.yaml', yaml, host(files));

const ROWS = `
tables:
  DeviceNetworkEvents:
    - { DeviceName: a, InitiatingProcessFileName: TVNSERVER.EXE }
    - { DeviceName: a, InitiatingProcessFileName: tvnserver.exe }
    - { DeviceName: b, InitiatingProcessFileName: chrome.exe }`;

describe('engine: detection tests', () => {
  it('passes when the expected rows come back, in any order', () => {
    const [r] = run(`query: '${QUERY}'${ROWS}\nexpect:\n  rows:\n    - { DeviceName: a, Count: 2 }`);
    assert.equal(r.passed, true, r.message);
  });

  it('compares a decimal column by value, with all its digits (parse_version)', () => {
    const versions = `query: 'DeviceNetworkEvents | project DeviceName, V = parse_version(InitiatingProcessFileName)'
tables:
  DeviceNetworkEvents:
    - { DeviceName: a, InitiatingProcessFileName: "1.2.3.4" }`;
    const [pass] = run(
      `${versions}\nexpect:\n  rows:\n    - { DeviceName: a, V: "1000000020000000300000004" }`,
    );
    assert.equal(pass.passed, true, pass.message);
    const [fail] = run(
      `${versions}\nexpect:\n  rows:\n    - { DeviceName: a, V: "1000000020000000300000005" }`,
    );
    assert.equal(fail.passed, false);
  });

  it('keeps longs beyond 2^53 in rows and expectations, plain and inside dynamic values', () => {
    // 2^53 + 1 would be 2^53 as a double: the test must see the row's own digits.
    const big = `query: 'DeviceNetworkEvents | project DeviceName, Id = InitiatingProcessId, Bag = parse_json(AdditionalFields)'
tables:
  DeviceNetworkEvents:
    - { DeviceName: a, InitiatingProcessId: 9007199254740993, AdditionalFields: '{"FileId": 9007199254740993}' }`;
    const [pass] = run(
      `${big}\nexpect:\n  rows:\n    - { DeviceName: a, Id: 9007199254740993, Bag: { FileId: 9007199254740993 } }`,
    );
    assert.equal(pass.passed, true, pass.message);
    const [plain] = run(`${big}\nexpect:\n  rows:\n    - { DeviceName: a, Id: 9007199254740992 }`);
    assert.equal(plain.passed, false, 'the neighbouring long is another value');
    const [inside] = run(
      `${big}\nexpect:\n  rows:\n    - { DeviceName: a, Bag: { FileId: 9007199254740992 } }`,
    );
    assert.equal(inside.passed, false, 'the neighbouring long inside the bag is another value');
    assert.match(inside.diff ?? '', /9007199254740993/);
  });

  it('matches a dynamic value holding whole reals with the numbers YAML reads (1.0 is 1 there)', () => {
    const spec = `query: 'T | summarize L = make_list(todouble(x))'
tables:
  T:
    - { x: 1 }
    - { x: 2.5 }`;
    const [pass] = run(`${spec}\nexpect:\n  rows:\n    - { L: [1.0, 2.5] }`);
    assert.equal(pass.passed, true, pass.message);
    const [fail] = run(`${spec}\nexpect:\n  rows:\n    - { L: [2, 2.5] }`);
    assert.equal(fail.passed, false);
  });

  it('fails with a diff naming the missing and unexpected rows', () => {
    const [r] = run(`query: '${QUERY}'${ROWS}\nexpect:\n  rows:\n    - { DeviceName: b, Count: 1 }`);
    assert.equal(r.passed, false);
    assert.equal(r.message, '1 expected row(s) missing, 1 unexpected row(s)');
    assert.equal(r.diff, '- {"DeviceName":"b","Count":1}\n+ {"DeviceName":"a","Count":2}');
  });

  it('checks counts, reads the query from a rule YAML, and runs several cases', () => {
    const rule = `id: x\nname: TightVNC\nquery: |\n  ${QUERY}\n`;
    const results = run(
      `rule: rule.yaml\ncases:\n  - name: one device${ROWS.replace(/\n/g, '\n    ')}\n    expect: { count: 1 }\n  - name: no rows\n    expect: { count: 1 }`,
      { 'rule.yaml': rule },
    );
    assert.deepEqual(
      results.map((r) => [r.name, r.passed]),
      [
        ['one device', true],
        ['no rows', false],
      ],
    );
    assert.equal(results[1].message, 'expected 1 row(s), got 0');
  });

  it('reports bad test files and failing queries as failed cases, never throws', () => {
    assert.match(
      run('rule: missing.kql\nexpect: { count: 0 }')[0].message!,
      /cannot read the rule file missing\.kql/,
    );
    assert.match(run('just text')[0].message!, /must be a YAML mapping/);
    assert.match(
      run(`query: '${QUERY}'\nexpect: { rows: [ { Nope: 1 } ] }`)[0].message!,
      /expected column 'Nope' is not in the result/,
    );
    assert.match(
      run("query: 'DeviceNetworkEvents | evaluate autocluster()'\nexpect: { count: 0 }")[0].message!,
      /the plugin autocluster\(\)/,
    );
  });

  it('the sample workspace tests pass', () => {
    const files = findDetectionTests([path.join(REPO_ROOT, 'samples/hunting-workspace')]);
    assert.deepEqual(
      files.map((f) => path.basename(f)),
      ['sample-workspace.test.yaml', 'tightvnc-network.test.yaml'],
    );
    const results = runDetectionTestFiles(files, nodeDetectionTestHost);
    assert.equal(results.length, 4);
    for (const r of results) assert.equal(r.passed, true, `${r.name}: ${r.message}\n${r.diff ?? ''}`);
  });
});
