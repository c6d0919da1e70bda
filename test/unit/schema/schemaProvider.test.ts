import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../../server/src/service/languageService';
import { parseSchemaFile } from '../../../server/src/schema/customSchemaFiles';
import { mergeSchemaSources } from '../../../server/src/schema/schemaMerge';
import { builtinSchema } from '../../../server/src/schema/builtinSchemas';
import { CatalogueSchemaProvider } from '../../../server/src/schema/schemaProvider';
import { settings } from '../../helpers/languageService';

const sentinel = settings({ environment: 'sentinel' });

function source(id: string, json: unknown) {
  const parsed = parseSchemaFile(JSON.stringify(json));
  return { id, tables: parsed.tables, functions: parsed.functions };
}

const CONTOSO = source('contoso.json', {
  Name: 'Contoso_CL',
  Properties: [
    { Name: 'TimeGenerated', Type: 'DateTime' },
    { Name: 'User_s', Type: 'String' },
  ],
});

test('custom tables join the catalogue; the generation moves and the globals are rebuilt', () => {
  const provider = new CatalogueSchemaProvider();
  const service = getLanguageService({ schemas: provider });
  const errorsOf = (text: string) => {
    const document = TextDocument.create('file:///q.kql', 'kql', 1, text);
    return service
      .getDiagnostics(service.analyze(document, sentinel), sentinel)
      .filter((d) => d.severity === DiagnosticSeverity.Error);
  };
  const before = provider.globalsFor('sentinel');
  assert.equal(errorsOf('Contoso_CL | project User_s').length, 1);
  const generation = provider.generation;
  provider.setCustomSources([CONTOSO]);
  assert.equal(provider.generation, generation + 1);
  assert.notEqual(provider.globalsFor('sentinel'), before);
  assert.deepEqual(errorsOf('Contoso_CL | where TimeGenerated > ago(1d) | project User_s'), []);
  // The globals are shared until the next change.
  assert.equal(provider.globalsFor('sentinel'), provider.globalsFor('sentinel'));
  provider.setCustomSources([]);
  assert.equal(errorsOf('Contoso_CL | project User_s').length, 1);
});

test('a custom file that repeats a built-in table adds its columns, and its types win', () => {
  const merged = mergeSchemaSources(builtinSchema('sentinel'), [
    source('extra.json', {
      Name: 'SecurityEvent',
      Properties: [
        { Name: 'MyField', Type: 'int' },
        { Name: 'EventID', Type: 'long' },
      ],
    }),
  ]);
  const table = merged.schema.tables.find((t) => t.name === 'SecurityEvent')!;
  assert.equal(table.columns.find((c) => c.name === 'MyField')!.type, 'int');
  assert.equal(table.columns.find((c) => c.name === 'EventID')!.type, 'long');
  assert.ok(table.columns.find((c) => c.name === 'Computer'));
  assert.deepEqual(merged.warnings, []);
});

test('a table declared by two custom files is merged with a warning naming both files', () => {
  const other = source('other.json', {
    Name: 'Contoso_CL',
    Properties: [{ Name: 'Extra_d', Type: 'Double' }],
  });
  const merged = mergeSchemaSources(builtinSchema('sentinel'), [CONTOSO, other]);
  const table = merged.schema.tables.find((t) => t.name === 'Contoso_CL')!;
  assert.deepEqual(
    table.columns.map((c) => c.name),
    ['TimeGenerated', 'User_s', 'Extra_d'],
  );
  assert.deepEqual(merged.warnings, [
    {
      source: 'other.json',
      message: 'table Contoso_CL is declared again: its columns were merged (also declared in contoso.json)',
    },
  ]);
});

test('a live schema goes over the custom files without warnings', () => {
  const live = {
    id: 'live:ws',
    live: true,
    tables: [{ name: 'Contoso_CL', columns: [{ name: 'Live_s', type: 'string' }] }],
    functions: [],
  };
  const merged = mergeSchemaSources(builtinSchema('sentinel'), [CONTOSO, live]);
  assert.deepEqual(
    merged.schema.tables.find((t) => t.name === 'Contoso_CL')!.columns.map((c) => c.name),
    ['TimeGenerated', 'User_s', 'Live_s'],
  );
  assert.deepEqual(merged.warnings, []);
});

test('a custom function from a schema file is callable with its optional parameters left out', () => {
  const provider = new CatalogueSchemaProvider();
  provider.setCustomSources([
    source('fn.json', {
      FunctionName: 'ContosoParser',
      FunctionParameters: [{ Name: 'starttime', Type: 'datetime', IsRequired: false }],
      FunctionResultColumns: [{ Name: 'Account', Type: 'string' }],
    }),
  ]);
  const service = getLanguageService({ schemas: provider });
  for (const text of ['ContosoParser() | project Account', 'ContosoParser(ago(1d)) | project Account']) {
    const document = TextDocument.create('file:///q.kql', 'kql', 1, text);
    const errs = service
      .getDiagnostics(service.analyze(document, sentinel), sentinel)
      .filter((d) => d.severity === DiagnosticSeverity.Error);
    assert.deepEqual(errs, [], text);
  }
  assert.deepEqual(provider.warnings(), []);
});

test('a parser over a name a schema file declared replaces it quietly; two parsers of one name warn', () => {
  // A repository's CI declares a parser's output as a table, its engine not running parsers.
  const declared = source('CustomTables/WidgetEvents.json', {
    Name: 'WidgetEvents',
    Properties: [{ Name: 'Colour', Type: 'String' }],
  });
  const parser = (id: string) => ({
    id,
    tables: [],
    functions: [{ name: 'WidgetEvents', parameters: [], body: '{ print Colour = "red", Size = 1 }' }],
  });
  const quiet = mergeSchemaSources(builtinSchema('sentinel'), [declared, parser('Parsers/WidgetEvents.txt')]);
  assert.deepEqual(quiet.warnings, []);
  assert.equal(
    quiet.schema.tables.find((t) => t.name === 'WidgetEvents'),
    undefined,
  );
  assert.ok(quiet.schema.functions.find((f) => f.name === 'WidgetEvents')?.body);
  // Two parsers of one name: which one wins depends on the load order, so that is said.
  const twice = mergeSchemaSources(builtinSchema('sentinel'), [
    declared,
    parser('Parsers/WidgetEvents.txt'),
    parser('Solutions/Widgets/Parsers/WidgetEvents.txt'),
  ]);
  assert.deepEqual(twice.warnings, [
    {
      source: 'Solutions/Widgets/Parsers/WidgetEvents.txt',
      message:
        'function WidgetEvents is declared again: the later declaration replaced it (also declared in Parsers/WidgetEvents.txt)',
    },
  ]);
  // A schema file's function over a parser is still reported: the declaration loses the query.
  const back = mergeSchemaSources(builtinSchema('sentinel'), [
    parser('Parsers/WidgetEvents.txt'),
    source('CustomFunctions/WidgetEvents.json', {
      FunctionName: 'WidgetEvents',
      FunctionParameters: [],
      FunctionResultColumns: [{ Name: 'Colour', Type: 'String' }],
    }),
  ]);
  assert.equal(back.warnings.length, 1);
});
