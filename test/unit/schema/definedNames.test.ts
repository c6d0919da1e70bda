import assert from 'node:assert/strict';
import { test } from 'node:test';
import { definedNames, NameFinder } from '../../../server/src/schema/repository/definedNames';

/** The names `check --changed` looks for when a schema or parser file changes, and how it finds them. */

test('a parser YAML defines every name a rule could call it by', () => {
  const yaml = [
    'FunctionName: vimDnsVendor',
    'FunctionAlias: DnsVendor',
    'EquivalentBuiltInParser: _Im_Dns_Vendor',
    'FunctionQuery: |',
    '  print 1',
    '',
  ].join('\n');
  assert.deepEqual(
    definedNames('Parsers/x.yaml', yaml).map((d) => [d.name, d.kind]),
    [
      ['vimDnsVendor', 'parser'],
      ['DnsVendor', 'parser'],
      ['_Im_Dns_Vendor', 'parser'],
    ],
  );
  assert.deepEqual(definedNames('Parsers/x.yml', 'ParserName: Widget\nParserName2: 3\n'), [
    { name: 'Widget', kind: 'parser' },
  ]);
  // Broken YAML, a list, a file with no name: nothing.
  assert.deepEqual(definedNames('a.yaml', 'FunctionName: [unclosed\n'), []);
  assert.deepEqual(definedNames('a.yaml', '- FunctionName: X\n'), []);
  assert.deepEqual(definedNames('a.yaml', ''), []);
});

test('a KQL parser is named for its file; a JSON schema defines its tables and functions', () => {
  assert.deepEqual(definedNames('Parsers/Sub/ÄrgerEvents.kql', 'print 1'), [
    { name: 'ÄrgerEvents', kind: 'parser' },
  ]);
  assert.deepEqual(definedNames('p.TXT', 'print 1'), [{ name: 'p', kind: 'parser' }]);
  const json = JSON.stringify([
    { Name: 'Widget_CL', Properties: [{ Name: 'A', Type: 'string' }] },
    {
      FunctionName: 'WidgetFn',
      FunctionParameters: [],
      FunctionResultColumns: [{ Name: 'A', Type: 'string' }],
    },
  ]);
  assert.deepEqual(definedNames('CustomTables/w.json', json), [
    { name: 'Widget_CL', kind: 'table' },
    { name: 'WidgetFn', kind: 'function' },
  ]);
  assert.deepEqual(definedNames('rule.md', '# x'), []);
});

test('NameFinder finds whole names, whatever their case, and names with punctuation literally', () => {
  const finder = new NameFinder(['WidgetEvents', 'Widget', 'a.b', '']);
  assert.deepEqual([...finder.allIn('widgetevents | join (Widget) on x')].sort(), ['widget', 'widgetevents']);
  assert.deepEqual([...finder.allIn('WidgetEventsV2 | MyWidget | Widget_CL')], []);
  assert.deepEqual([...finder.allIn("['a.b'] | axb")], ['a.b']);
  assert.deepEqual([...new NameFinder([]).allIn('anything')], []);
});
