import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { markdownKqlRegions } from '../../../server/src/documents/markdownFences';
import { armTemplateRegions } from '../../../server/src/documents/armTemplate';
import { hostFormatOf, regionsOfDocument } from '../../../server/src/documents/documentRegions';
import { assertExactMapping, offsetOf } from './regionAssertions';

test('Markdown: only fences tagged kql or kusto, with backticks or tildes, LF or CRLF', () => {
  for (const eol of ['\n', '\r\n']) {
    const md = [
      '# Hunt',
      '',
      '```kql',
      'DeviceEvents',
      '| take 1',
      '```',
      '',
      '```python',
      'print(1)',
      '```',
      '',
      '~~~~ Kusto title="x"',
      'SigninLogs',
      '~~~~',
      '',
      '```',
      'not tagged',
      '```',
      '',
    ].join(eol);
    const regions = markdownKqlRegions(md);
    assert.deepEqual(
      regions.map((r) => r.text),
      ['DeviceEvents\n| take 1', 'SigninLogs'],
    );
    regions.forEach((r) => assertExactMapping(md, r, 'md'));
    assert.equal(regions[0].toDocumentOffset(0), offsetOf(md, 'DeviceEvents'));
    assert.equal(regions[1].toRegionOffset(offsetOf(md, 'Logs')), 'Signin'.length);
    assert.equal(regions[0].toRegionOffset(offsetOf(md, '# Hunt')), undefined);
    assert.equal(regions[0].kind, 'query');
  }
});

test('Markdown: a fence indented in a list item drops that indentation; an unclosed fence runs to the end', () => {
  const md = '1. Step\n   ```kql\n   T\n     | take 1\n   ```\n\n```kusto\nOpen\n| count';
  const regions = markdownKqlRegions(md);
  assert.deepEqual(
    regions.map((r) => r.text),
    ['T\n  | take 1', 'Open\n| count'],
  );
  regions.forEach((r) => assertExactMapping(md, r, 'md'));
  assert.deepEqual(markdownKqlRegions('```kql\n```\n'), []);
});

test('ARM templates: every properties.query, escapes decoded and mapped, expressions skipped', () => {
  const json = JSON.stringify(
    {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      resources: [
        {
          type: 'Microsoft.OperationalInsights/workspaces/providers/alertRules',
          kind: 'Scheduled',
          properties: {
            query: 'SecurityEvent\r\n| where EventID == 4625\r\n| extend Msg = "a\\tb"',
            queryFrequency: 'PT1H',
          },
        },
        {
          type: 'Microsoft.OperationalInsights/workspaces/savedSearches',
          properties: { query: 'Syslog | take 1 // é ☃' },
        },
        { type: 'x', properties: { query: "[parameters('q')]" } },
      ],
    },
    null,
    2,
  );
  const regions = armTemplateRegions(json);
  assert.deepEqual(
    regions.map((r) => r.text),
    ['SecurityEvent\r\n| where EventID == 4625\r\n| extend Msg = "a\\tb"', 'Syslog | take 1 // é ☃'],
  );
  assert.deepEqual(
    regions.map((r) => r.kind),
    ['scheduledRule', 'query'],
  );
  regions.forEach((r) => assertExactMapping(json, r, 'arm'));
  assert.equal(regions[0].toDocumentOffset(regions[0].text.indexOf('EventID')), offsetOf(json, 'EventID'));
  const unicode = '{"resources":[{"properties":{"query":"T | where A == \\"\\u00e9\\" | take 1"}}]}';
  const [r] = armTemplateRegions(unicode);
  assert.equal(r.text, 'T | where A == "é" | take 1');
  assert.equal(
    unicode.slice(r.toDocumentOffset(r.text.indexOf('take')), r.toDocumentOffset(r.text.indexOf('take')) + 4),
    'take',
  );
});

test('JSON that is not a template, and YAML that is not a rule, have no regions', () => {
  const make = (uri: string, languageId: string, text: string) =>
    TextDocument.create(uri, languageId, 1, text);
  assert.deepEqual(
    regionsOfDocument(make('file:///p.json', 'json', '{"name":"x","properties":{"query":"T"}}')),
    [],
  );
  assert.deepEqual(
    regionsOfDocument(make('file:///tsconfig.json', 'jsonc', '{ // c\n "compilerOptions": {} }')),
    [],
  );
  assert.deepEqual(regionsOfDocument(make('file:///ci.yml', 'yaml', 'on: push\njobs:\n  query: x\n')), []);
  assert.deepEqual(regionsOfDocument(make('file:///ci.yml', 'yaml', 'query: just a key\nsteps: []\n')), []);
  // A template being typed still has its query, up to the end of the file.
  assert.deepEqual(
    regionsOfDocument(
      make('file:///typing.json', 'json', '{"resources": [ {"properties": {"query": "T | '),
    ).map((r) => r.text),
    ['T | '],
  );
  const rule = regionsOfDocument(make('file:///r.yaml', 'yaml', 'id: 1\nname: n\nquery: |\n  T\n'));
  assert.deepEqual(
    rule.map((r) => [r.text, r.kind]),
    [['T\n', 'huntingQuery']],
  );
  const scheduled = regionsOfDocument(make('file:///r.yaml', 'yaml', 'id: 1\nkind: Scheduled\nquery: T\n'));
  assert.deepEqual(
    scheduled.map((r) => r.kind),
    ['scheduledRule'],
  );
});

test('the file extension decides when the language id is unknown', () => {
  assert.equal(hostFormatOf({ languageId: 'plaintext', uri: 'file:///a/b.kusto' }), 'kql');
  assert.equal(hostFormatOf({ languageId: '', uri: 'file:///a/rule.YML' }), 'yaml');
  assert.equal(hostFormatOf({ languageId: '', uri: 'file:///a/README.md' }), 'markdown');
  assert.equal(hostFormatOf({ languageId: '', uri: 'file:///a/template.json' }), 'json');
  assert.equal(hostFormatOf({ languageId: '', uri: 'file:///a/x.txt' }), 'other');
});
