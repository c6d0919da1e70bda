import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { CompletionItemKind, InsertTextFormat, type TextEdit } from 'vscode-languageserver-types';
import { testService } from '../../../helpers/languageService';
import { analysisOfRegions, caretIn, indentedRegion } from './editingHelpers';

const service = testService();
const NAME = 'InitiatingProcessVersionInfoCompanyName';

test('columns in scope are offered after where, replacing the word being typed', () => {
  const { analysis, position, text } = caretIn('DeviceNetworkEvents | where Initi‸');
  const list = service.getCompletions(analysis, position, { snippetSupport: true });
  const item = list.items.find((i) => i.label === NAME);
  assert.ok(item, 'the column is offered');
  assert.equal(item.kind, CompletionItemKind.Field);
  const edit = item.textEdit as TextEdit;
  assert.equal(analysis.document.offsetAt(edit.range.start), text.indexOf('Initi'));
  assert.equal(analysis.document.offsetAt(edit.range.end), text.length);
  // The engine follows a column at the end of a where with a space, ready for the operator.
  assert.equal(edit.newText.trimEnd(), NAME);
});

test('columns are offered in by clauses, project and function arguments', () => {
  for (const marked of [
    'DeviceNetworkEvents | summarize count() by ‸',
    'DeviceNetworkEvents | project ‸',
    'DeviceNetworkEvents | extend x = strlen(‸)',
  ]) {
    const { analysis, position } = caretIn(marked);
    const labels = service
      .getCompletions(analysis, position, { snippetSupport: false })
      .items.map((i) => i.label);
    assert.ok(labels.includes('RemoteUrl'), `${marked}: ${labels.slice(0, 10).join(', ')}`);
  }
});

test("items keep the engine's order through sortText", () => {
  const { analysis, position } = caretIn('DeviceNetworkEvents | ‸');
  const items = service.getCompletions(analysis, position, { snippetSupport: false }).items;
  assert.ok(items.length > 10);
  const sorted = [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
  assert.deepEqual(
    sorted.map((i) => i.label),
    items.map((i) => i.label),
  );
  assert.equal(items[0].label, 'where', 'the engine ranks where first after a pipe');
  assert.equal(items[0].kind, CompletionItemKind.Keyword);
});

test('tables and let variables are offered with their kinds', () => {
  const { analysis, position } = caretIn('let threshold = 5;\nDeviceNetworkEvents | where RemotePort > thr‸');
  const items = service.getCompletions(analysis, position, { snippetSupport: false }).items;
  assert.equal(items.find((i) => i.label === 'threshold')?.kind, CompletionItemKind.Variable);
  const tables = service.getCompletions(caretIn('Device‸').analysis, caretIn('Device‸').position, {
    snippetSupport: false,
  }).items;
  assert.equal(tables.find((i) => i.label === 'DeviceNetworkEvents')?.kind, CompletionItemKind.Class);
});

test('functions insert placeholders for required arguments when the client takes snippets', () => {
  const { analysis, position } = caretIn('DeviceNetworkEvents | where Timestamp > ag‸');
  const snippet = service
    .getCompletions(analysis, position, { snippetSupport: true })
    .items.find((i) => i.label.startsWith('ago('))!;
  assert.equal(snippet.insertTextFormat, InsertTextFormat.Snippet);
  assert.equal((snippet.textEdit as TextEdit).newText, 'ago(${1:timespan})$0');
  const plain = service
    .getCompletions(analysis, position, { snippetSupport: false })
    .items.find((i) => i.label.startsWith('ago('))!;
  assert.equal(plain.insertTextFormat, InsertTextFormat.PlainText);
  assert.equal((plain.textEdit as TextEdit).newText, 'ago()');
});

test('resolve adds documentation: a function description, a column type and table', () => {
  const { analysis, position } = caretIn('DeviceNetworkEvents | where Timestamp > ag‸');
  const ago = service
    .getCompletions(analysis, position, { snippetSupport: false })
    .items.find((i) => i.label.startsWith('ago('))!;
  const resolved = service.resolveCompletion(ago);
  assert.match(resolved.detail ?? '', /^ago\(/);
  assert.match(JSON.stringify(resolved.documentation), /current UTC time minus/);
  const c = caretIn('DeviceNetworkEvents | where Initi‸');
  const col = service
    .getCompletions(c.analysis, c.position, { snippetSupport: false })
    .items.find((i) => i.label === NAME)!;
  const doc = service.resolveCompletion(col);
  assert.equal(doc.detail, `${NAME}: string`);
  assert.match(JSON.stringify(doc.documentation), /DeviceNetworkEvents/);
});

test("a column's documentation names the table in scope, not every table that has the column", () => {
  const resolvedAt = (marked: string, label: string, env: 'defender' | 'sentinel' = 'defender') => {
    const c = caretIn(marked, env);
    const item = service
      .getCompletions(c.analysis, c.position, { snippetSupport: false })
      .items.find((i) => i.label === label);
    assert.ok(item, `${label} is offered in ${marked}`);
    return service.resolveCompletion(item);
  };
  // DeviceName is a column of a dozen Defender tables; only the one the query reads is named.
  const deviceName = resolvedAt('DeviceProcessEvents | where Dev‸', 'DeviceName');
  assert.equal(deviceName.detail, 'DeviceName: string');
  const text = JSON.stringify(deviceName.documentation);
  assert.match(text, /Column of \*\*DeviceProcessEvents\*\*/);
  assert.doesNotMatch(text, /DeviceNetworkEvents|DeviceFileEvents|, /);
  // After a let and a project the scope is still the table the rows come from.
  const projected = resolvedAt(
    'let x = 1;\nDeviceNetworkEvents\n| project DeviceName, RemoteUrl\n| where Dev‸',
    'DeviceName',
  );
  assert.match(JSON.stringify(projected.documentation), /Column of \*\*DeviceNetworkEvents\*\*/);
  assert.doesNotMatch(JSON.stringify(projected.documentation), /DeviceProcessEvents/);
  // The same name in Sentinel, from another table.
  const computer = resolvedAt('SecurityEvent | where Comp‸', 'Computer', 'sentinel');
  assert.match(JSON.stringify(computer.documentation), /Column of \*\*SecurityEvent\*\*/);
  assert.doesNotMatch(JSON.stringify(computer.documentation), /Heartbeat|Syslog/);
  // A column the query made is not attributed to the tables that happen to share its name.
  const made = resolvedAt(
    'DeviceProcessEvents | extend ActionType2 = 1 | project DeviceId = tostring(ActionType2) | where Dev‸',
    'DeviceId',
  );
  assert.doesNotMatch(JSON.stringify(made.documentation ?? ''), /Column of/);
});

test('completion inside a de-indented region maps its edit range back to the document', () => {
  const host = '# Rule\nquery: |\n    DeviceNetworkEvents\n    | where Initi\nend\n';
  const start = host.indexOf('    DeviceNetworkEvents');
  const end = host.indexOf('end');
  const region = indentedRegion(host, start, end, 4);
  assert.equal(region.text, 'DeviceNetworkEvents\n| where Initi\n');
  const analysis = analysisOfRegions(host, [region]);
  const caret = host.indexOf('Initi') + 'Initi'.length;
  const item = service
    .getCompletions(analysis, analysis.document.positionAt(caret), { snippetSupport: false })
    .items.find((i) => i.label === NAME)!;
  const edit = item.textEdit as TextEdit;
  assert.equal(analysis.document.getText(edit.range), 'Initi');
  assert.deepEqual(
    service.getCompletions(analysis, analysis.document.positionAt(2), { snippetSupport: false }).items,
    [],
    'nothing outside the region',
  );
});
