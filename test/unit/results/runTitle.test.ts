import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { runTitle } from '../../../client/src/results/runTitle';

test('a run is named after the first line of its tabular expression, past comments and statements', () => {
  const cases: [string, string][] = [
    ['DeviceNetworkEvents\n| where RemotePort == 5900', 'DeviceNetworkEvents'],
    ['// TightVNC connections\n\nDeviceNetworkEvents | take 10', 'DeviceNetworkEvents | take 10'],
    [
      'let start = ago(1d);\nlet names = dynamic(["tvnserver.exe"]);\nDeviceProcessEvents\n| where Timestamp > start',
      'DeviceProcessEvents',
    ],
    // A datatable's rows are not the query's name.
    [
      'let Tools = datatable(Name:string, Vendor:string)[\n  "tvnserver.exe", "GlavSoft",\n  "anydesk.exe", "AnyDesk"\n];\nDeviceProcessEvents\n| where FileName in (Tools)',
      'DeviceProcessEvents',
    ],
    // Semicolons and // in strings or comments do not split or cut anything.
    [
      'let s = "a;b // not a comment";\n// x; y\nT | where Url has "http://x;y"',
      'T | where Url has "http://x;y"',
    ],
    ["let p = @'C:\\Windows\\';\nT", 'T'],
    ['let a = 1; T | take 1', 'T | take 1'],
    ['let q = ```\nmulti;line\n```;\nprint q', 'print q'],
    // A trailing semicolon or comment after the body leaves the body as the name.
    ['T | take 1;\n// done', 'T | take 1'],
    ['let only = 1;', 'let only = 1'],
    ['// nothing but a comment', ''],
    ['', ''],
  ];
  for (const [query, title] of cases) assert.equal(runTitle(query), title, JSON.stringify(query));
});
