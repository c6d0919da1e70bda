import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { testService } from '../../../helpers/languageService';
import { caretIn } from './editingHelpers';

const service = testService();

test('go to definition of a let variable lands on its declaration', () => {
  const { analysis, position, ranges } = caretIn(
    'let «threshold» = 5;\nDeviceNetworkEvents | where RemotePort > thre‸shold',
  );
  const defs = service.getDefinition(analysis, position);
  assert.equal(defs.length, 1);
  assert.equal(analysis.document.offsetAt(defs[0].range.start), ranges[0].start);
  assert.equal(analysis.document.offsetAt(defs[0].range.end), ranges[0].end);
});

test('references and highlights of a column made by extend', () => {
  const { analysis, position } = caretIn(
    'DeviceNetworkEvents\n| extend Po‸rt2 = RemotePort + 1\n| where Port2 > 3\n| summarize c = count() by Port2',
  );
  assert.equal(service.getReferences(analysis, position, true).length, 3);
  assert.equal(service.getReferences(analysis, position, false).length, 2);
  const highlights = service.getDocumentHighlights(analysis, position);
  assert.equal(highlights.filter((h) => analysis.document.getText(h.range) === 'Port2').length, 3);
});

test('rename changes a function parameter and its uses, not other names', () => {
  const { analysis, position } = caretIn('let f = (val‸ue: long) { value * 2 };\nprint f(3), value = 1');
  const edit = service.rename(analysis, position, 'n');
  assert.ok(!('error' in edit));
  const edits = edit.changes![analysis.document.uri];
  assert.equal(edits.length, 2);
  assert.ok(edits.every((e) => analysis.document.getText(e.range) === 'value' && e.newText === 'n'));
});

test('rename of a summarize column updates later operators', () => {
  const { analysis, position } = caretIn(
    'DeviceNetworkEvents | summarize Tot‸al = count() by DeviceName | where Total > 5 | project Total',
  );
  const edit = service.rename(analysis, position, 'Connections');
  assert.ok(!('error' in edit));
  assert.equal(edit.changes![analysis.document.uri].length, 3);
});

test('schema columns and tables cannot be renamed; bad names are refused', () => {
  const schema = caretIn('DeviceNetworkEvents | where Remote‸Port > 1');
  assert.equal(service.prepareRename(schema.analysis, schema.position), undefined);
  assert.ok('error' in service.rename(schema.analysis, schema.position, 'X'));
  const local = caretIn('let x‸ = 1; print x');
  assert.ok(service.prepareRename(local.analysis, local.position));
  assert.match(
    (service.rename(local.analysis, local.position, 'not valid') as { error: string }).error,
    /not a valid KQL name/,
  );
});
