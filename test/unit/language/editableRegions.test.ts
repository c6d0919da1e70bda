import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { settings, testService } from '../../helpers/languageService';

/** A rule whose query is written in `style`; the query has a let variable to rename and odd spacing to format. */
function rule(query: string): TextDocument {
  const text = [
    'id: 4323b279-4600-4fc6-a0b9-1d8d678c6b1b',
    'name: Formatting check',
    'kind: Scheduled',
    query,
    '',
  ].join('\n');
  return TextDocument.create('file:///rules/r.yaml', 'yaml', 1, text);
}

const BLOCK = 'query: |\n  let win = 1d;\n  DeviceNetworkEvents | where Timestamp > ago(win) | take   10';
const QUOTED = 'query: "let win = 1d;\\nDeviceNetworkEvents | where Timestamp > ago(win) | take   10"';

function analyse(document: TextDocument) {
  const service = testService();
  const s = settings();
  return { service, s, analysis: service.analyze(document, s) };
}

test('a literal block query is formatted and renamed in place', () => {
  const document = rule(BLOCK);
  const { service, s, analysis } = analyse(document);
  assert.ok(service.format(analysis, s, { insertSpaces: true, tabSize: 2 }).length > 0);
  const at = document.positionAt(document.getText().indexOf('win)'));
  assert.ok(service.prepareRename(analysis, at));
  const edit = service.rename(analysis, at, 'window');
  assert.ok(!('error' in edit), JSON.stringify(edit));
});

test('a double-quoted query is left alone by formatting and rename, which would break its escapes', () => {
  const document = rule(QUOTED);
  const { service, s, analysis } = analyse(document);
  assert.equal(analysis.queries.length, 1, 'the quoted query is still analysed');
  assert.deepEqual(service.format(analysis, s, { insertSpaces: true, tabSize: 2 }), []);
  const at = document.positionAt(document.getText().indexOf('win)'));
  assert.equal(service.prepareRename(analysis, at), undefined);
  const edit = service.rename(analysis, at, 'window');
  assert.ok('error' in edit && /quoted or escaped/.test(edit.error));
});

test('a query in an ARM template string is not reformatted', () => {
  const arm = JSON.stringify(
    {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      resources: [
        {
          type: 'Microsoft.OperationalInsights/workspaces/providers/alertRules',
          properties: { query: 'DeviceNetworkEvents | where Timestamp > ago(1d) | take   10' },
        },
      ],
    },
    null,
    2,
  );
  const document = TextDocument.create('file:///arm/t.json', 'json', 1, arm);
  const { service, s, analysis } = analyse(document);
  assert.equal(analysis.queries.length, 1);
  assert.deepEqual(service.format(analysis, s, { insertSpaces: true, tabSize: 2 }), []);
});
