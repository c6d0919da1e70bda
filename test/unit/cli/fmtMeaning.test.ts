import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { formatText } from '../../../server/src/cli/fmt/formatText';
import { documentMeaning, meaningChange } from '../../../server/src/cli/fmt/queryMeaning';
import { yamlChangeOutsideQuery } from '../../../server/src/cli/fmt/yamlIntact';
import { doc, settings, testService } from '../../helpers/languageService';

/**
 * `kqlhunt fmt` refuses to write a formatted file whose queries would bind to other result
 * columns or gain errors. These tests format queries of several shapes and compare what the
 * engine binds them to before and after, and check that the comparison notices a real change.
 */
const meaningOf = (text: string, languageId = 'kql') =>
  documentMeaning(testService().analyze(doc(text, 'file:///q.kql', languageId), settings()));

const QUERIES = [
  'DeviceProcessEvents | where Timestamp > ago(1d) and FileName =~ "cmd.exe" | project Timestamp, DeviceName, ProcessCommandLine',
  'let recent = 7d; let hosts = DeviceInfo | where Timestamp > ago(recent) | distinct DeviceName; DeviceNetworkEvents | where DeviceName in (hosts) | summarize Connections = count(), Ports = make_set(RemotePort) by DeviceName, bin(Timestamp, 1h)',
  'DeviceLogonEvents | where ActionType == "LogonFailed" | join kind=inner (DeviceLogonEvents | where ActionType == "LogonSuccess" | project DeviceName, AccountName, Succeeded = Timestamp) on DeviceName, AccountName | extend Gap = Succeeded - Timestamp | where Gap between (0min .. 10min)',
  '// a comment kept in place\nDeviceFileEvents | where FolderPath has @"\\Temp\\" // inline comment\n| extend Ext = tostring(split(FileName, ".")[-1]) | top 10 by Timestamp desc',
  'print Pipe = "a | b", Numbers = range(1, 3, 1) | mv-expand Numbers to typeof(long) | extend Twice = Numbers * 2',
  'union DeviceEvents, DeviceProcessEvents | where Timestamp > ago(1h) | summarize arg_max(Timestamp, *) by DeviceId | project-away ReportId',
];

for (const [i, query] of QUERIES.entries()) {
  test(`formatting query ${i + 1} keeps its result columns and errors`, () => {
    const result = formatText(testService(), 'file:///q.kql', 'kql', `${query}\n`, settings());
    assert.ok(result.text !== undefined, `query ${i + 1} was not reformatted: ${result.notes.join('; ')}`);
    assert.notEqual(result.meaningChanged, true);
    const before = meaningOf(`${query}\n`);
    const after = meaningOf(result.text);
    // The comparison is only worth something when the engine knows the result's columns.
    assert.match(before[0].at(-1)!.result, /^\(.+:.+\)$/);
    assert.deepEqual(after, before);
    assert.equal(meaningChange(before, after), undefined);
  });
}

test('the meaning comparison notices other columns, new errors and a split query', () => {
  const base = meaningOf('DeviceProcessEvents | project DeviceName, Timestamp\n');
  assert.match(
    meaningChange(base, meaningOf('DeviceProcessEvents | project DeviceName, FileName\n'))!,
    /result would change from \(DeviceName:string, Timestamp:datetime\) to \(DeviceName:string, FileName:string\)/,
  );
  assert.match(
    meaningChange(
      base,
      meaningOf('DeviceProcessEvents | where NoSuchColumn == 1 | project DeviceName, Timestamp\n'),
    )!,
    /gain the error/,
  );
  assert.match(
    meaningChange(base, meaningOf('DeviceProcessEvents\n\n| project DeviceName, Timestamp\n'))!,
    /split into 2 parts instead of 1/,
  );
  // An error the query already had is not one formatting added.
  const broken = meaningOf('DeviceProcessEvents | project NoSuchColumn\n');
  assert.equal(meaningChange(broken, meaningOf('DeviceProcessEvents\n| project NoSuchColumn\n')), undefined);
});

test('a formatted file whose KQL has a syntax error is left as it is, with the line', () => {
  const result = formatText(
    testService(),
    'file:///q.kql',
    'kql',
    'DeviceEvents | take 1\n\nDeviceEvents | where (\n',
    settings(),
  );
  assert.equal(result.text, undefined);
  assert.match(result.notes.join('\n'), /^line 3: syntax error: .+; the file is left as it is$/);
});

test('a rule YAML is intact when only its query changed, and not when another key did', () => {
  const rule = (query: string, severity = 'Medium') =>
    `# comment\nid: 1\nname: n\nseverity: ${severity}\nquery: |\n  ${query}\nkind: Scheduled\n`;
  assert.equal(yamlChangeOutsideQuery(rule('T | take 1'), rule('T\n  | take 1')), undefined);
  assert.equal(
    yamlChangeOutsideQuery(rule('T | take 1'), rule('T | take 1', 'High')),
    'keys other than query would change',
  );
  // A line indented less than the block ends it, and the rest of the query becomes YAML.
  assert.match(
    yamlChangeOutsideQuery(rule('T | take 1'), rule('T\n| take 1'))!,
    /YAML would no longer parse|keys other than query/,
  );
});
