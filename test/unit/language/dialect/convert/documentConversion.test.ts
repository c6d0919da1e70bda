import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { doc, settings, testService } from '../../../../helpers/languageService';
import { FIXTURES } from '../../../../helpers/paths';

function converted(text: string, uri: string, languageId: string, to: 'defender' | 'sentinel') {
  const document = doc(text, uri, languageId);
  const result = testService().convert(document, settings(), to);
  return { result, text: TextDocument.applyEdits(document, result.edits) };
}

test("a rule YAML's query converts from Sentinel by itself, the YAML around it stays", () => {
  const yaml = fs.readFileSync(path.join(FIXTURES, 'convert', 'tightvnc-rule.yaml'), 'utf8');
  const { result, text } = converted(yaml, 'file:///rule.yaml', 'yaml', 'defender');
  assert.equal(result.from, 'sentinel');
  assert.equal(result.converted, 2);
  assert.deepEqual(result.unconverted, []);
  assert.equal(
    text,
    yaml
      .replace('| where TimeGenerated > ago(1h)', '| where Timestamp > ago(1h)')
      .replace('min(TimeGenerated)', 'min(Timestamp)'),
  );
});

test('a first-line environment pin follows the conversion', () => {
  const { text } = converted(
    '// kql-environment: defender\nDeviceEvents | where Timestamp > ago(1d)',
    'file:///q.kql',
    'kql',
    'sentinel',
  );
  assert.equal(text, '// kql-environment: sentinel\nDeviceEvents | where TimeGenerated > ago(1d)');
});

test('Markdown fences convert each in place; unconverted names are placed in the document', () => {
  const md = [
    '# Hunt',
    '',
    '```kql',
    'DeviceEvents | where Timestamp > ago(1d)',
    '```',
    '',
    '```kql',
    'DeviceFileEvents | invoke FileProfile(SHA1)',
    '```',
    '',
  ].join('\n');
  const document = doc(md, 'file:///hunt.md', 'markdown');
  const result = testService().convert(document, settings(), 'sentinel', 'defender');
  assert.equal(
    TextDocument.applyEdits(document, result.edits),
    md.replace('where Timestamp', 'where TimeGenerated'),
  );
  assert.deepEqual(
    result.unconverted.map((u) => [u.name, u.range.start.line, u.range.start.character]),
    [['FileProfile', 7, 26]],
  );
});

test('a query written as a quoted YAML scalar is listed rather than edited', () => {
  const yaml = 'id: 1\nname: x\nkind: Scheduled\nquery: "DeviceEvents | where TimeGenerated > ago(1d)"\n';
  const { result, text } = converted(yaml, 'file:///rule.yaml', 'yaml', 'defender');
  assert.equal(text, yaml);
  assert.deepEqual(
    result.unconverted.map((u) => [u.name, u.kind]),
    [['query', 'region']],
  );
  assert.match(result.unconverted[0].reason, /quoted or folded scalar/);
});
