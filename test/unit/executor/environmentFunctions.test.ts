import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { refusedWith } from './executorHarness';
import { MissingColumnError } from '../../../server/src/executor/errors';
import { executeQuery } from '../../../server/src/executor/executor';
import { loadLocalWorkspace } from '../../../server/src/executor/files/workspaceLoader';
import { createWorkspace } from '../../../server/src/executor/workspace';
import { CatalogueSchemaProvider } from '../../../server/src/schema/schemaProvider';
import { builtinSchema } from '../../../server/src/schema/builtinSchemas';
import { parseParserYaml } from '../../../server/src/schema/repository/parserFiles';

const NOW = '2024-05-10T12:00:00Z';

/** Functions with their own KQL (a repository's parsers, saved functions), stubs, and _GetWatchlist. */
describe('executor: functions of the environment and the repository', () => {
  const provider = new CatalogueSchemaProvider();
  provider.setCustomSources([
    {
      id: 'test functions',
      tables: [],
      functions: [
        {
          name: 'MyParser',
          parameters: [{ name: 'n', type: 'long', defaultValue: '2' }],
          body: '{ range x from 1 to n step 1 | extend y = x * 10 }',
        },
        { name: 'Twice', parameters: [{ name: 'v', type: 'long' }], body: '{ v * 2 }' },
        {
          name: 'AddOne',
          parameters: [
            { name: 'T', type: '(*)' },
            { name: 'k', type: 'long', defaultValue: '1' },
          ],
          body: '{ T | extend one = k }',
        },
        { name: 'KnownByColumns', parameters: [], resultColumns: [{ name: 'a', type: 'string' }] },
        // Its table lacks the column it reads, as an ASIM parser's source table may.
        { name: 'ReadsMissing', parameters: [], body: '{ T | project a, b = legacy_s }' },
        { name: 'ReadsT', parameters: [], body: '{ T | project a }' },
      ],
    },
  ]);
  const globals = provider.globalsFor('sentinel');
  const workspace = createWorkspace({ name: 'w', tables: { T: [{ a: 1 }, { a: 5 }] } });
  const run = (q: string) => executeQuery(q, { workspace, globals, now: NOW }).tables[0].rows;

  it('runs a function that comes with its query, with its defaults, tabular or scalar', () => {
    assert.deepEqual(run('MyParser'), [
      [1, 10],
      [2, 20],
    ]);
    assert.deepEqual(run('MyParser(3) | count'), [[3]]);
    assert.deepEqual(run('T | invoke AddOne()'), [
      [1, 1],
      [5, 1],
    ]);
    assert.deepEqual(run('T | invoke AddOne(7) | take 1'), [[1, 7]]);
    assert.deepEqual(run('T | extend z = Twice(a)'), [
      [1, 2],
      [5, 10],
    ]);
  });

  it('refuses a function known only by its columns or its signature, rather than return no rows', () => {
    assert.throws(
      () => run('KnownByColumns'),
      refusedWith(/KnownByColumns \(only its result columns are known/),
    );
    assert.throws(() => run('_Im_Dns'), refusedWith(/_Im_Dns \(the environment provides it/));
  });

  it('union isfuzzy=true leaves out a leg whose body names a column its table lacks, with a warning', () => {
    const r = executeQuery('union isfuzzy=true ReadsT, ReadsMissing | summarize n = count(), s = sum(a)', {
      workspace,
      globals,
      now: NOW,
    });
    assert.deepEqual(r.tables[0].rows, [[2, 6]]);
    assert.ok(r.warnings.some((w) => /left out the leg ReadsMissing: it names 'legacy_s'/.test(w)));
    // Without isfuzzy the same failure stops the query, and so it does when no leg is left.
    assert.throws(() => run('union ReadsT, ReadsMissing'), /column 'legacy_s' is not in the input/);
    assert.throws(() => run('union isfuzzy=true ReadsMissing'), /none of its legs could be resolved/);
  });

  it("runs an ASIM parser under its built-in name from the repository's copy (EquivalentBuiltInParser)", () => {
    const parsed = parseParserYaml(
      [
        'ParserName: imThing',
        'EquivalentBuiltInParser: _Im_Thing',
        'ParserParams:',
        '  - Name: top',
        '    Type: long',
        '    Default: 1',
        'ParserQuery: |',
        '  range i from 1 to top step 1',
      ].join('\n'),
    );
    assert.deepEqual(
      parsed.functions.map((f) => f.name),
      ['imThing', '_Im_Thing'],
    );
    const p = new CatalogueSchemaProvider();
    p.setCustomSources([{ id: 'imThing.yaml', tables: [], functions: parsed.functions }]);
    const rows = executeQuery('_Im_Thing(top=2)', { workspace, globals: p.globalsFor('sentinel'), now: NOW })
      .tables[0].rows;
    assert.deepEqual(rows, [[1], [2]]);
  });

  it('runs an ASIM helper invoked with a table parameter and a column name (EquivalentBuiltInFunction)', () => {
    const parsed = parseParserYaml(
      [
        'FunctionName: ASIM_ResolveThing',
        'EquivalentBuiltInFunction: _ASIM_ResolveThing',
        'FunctionParams:',
        '  - Name: T:(TimeGenerated:datetime)',
        '    Type: table',
        '  - Name: field',
        '    Type: string',
        'FunctionQuery: |',
        '  T',
        '  | extend Host = column_ifexists(field, "none"), Missing = column_ifexists("Nope", "none")',
      ].join('\n'),
    );
    assert.deepEqual(
      parsed.functions[0].parameters.map((p) => [p.name, p.type]),
      [
        ['T', '(TimeGenerated:datetime)'],
        ['field', 'string'],
      ],
    );
    const p = new CatalogueSchemaProvider();
    p.setCustomSources([{ id: 'thing.yaml', tables: [], functions: parsed.functions }]);
    const query =
      'datatable(TimeGenerated:datetime, Computer:string) [datetime(2024-01-01), "pc1.contoso.com"] ' +
      '| invoke _ASIM_ResolveThing("Computer") | project Host, Missing';
    const rows = executeQuery(query, { workspace, globals: p.globalsFor('sentinel'), now: NOW }).tables[0]
      .rows;
    assert.deepEqual(rows, [['pc1.contoso.com', 'none']]);
  });
});

describe('executor: _GetWatchlist', () => {
  const dirs: string[] = [];
  after(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  const folder = (files: Record<string, string>) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kqlwl-'));
    dirs.push(dir);
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), text);
    }
    return dir;
  };
  const globals = new CatalogueSchemaProvider().globalsFor('sentinel');
  const schema = builtinSchema('sentinel');

  it("reads watchlists/<alias>.csv: Sentinel's four columns, then the watchlist's own as text", () => {
    const dir = folder({
      'workspace.json': JSON.stringify({ watchlists: { VIPs: { searchKey: 'Upn' } } }),
      'watchlists/VIPs.csv': 'Name,Upn\nAda,ada@contoso.com\nBo,bo@contoso.com\n',
    });
    const ws = loadLocalWorkspace(dir, schema);
    const t = executeQuery("_GetWatchlist('VIPs') | project SearchKey, Name, WatchlistItem", {
      workspace: ws,
      globals,
      now: NOW,
    }).tables[0];
    assert.deepEqual(t.rows, [
      ['ada@contoso.com', 'Ada', { Name: 'Ada', Upn: 'ada@contoso.com' }],
      ['bo@contoso.com', 'Bo', { Name: 'Bo', Upn: 'bo@contoso.com' }],
    ]);
    const all = executeQuery("_GetWatchlist('vips')", { workspace: ws, globals, now: NOW }).tables[0];
    assert.deepEqual(
      all.columns.map((c) => `${c.name}:${c.type}`),
      [
        '_DTItemId:string',
        'LastUpdatedTimeUTC:datetime',
        'SearchKey:string',
        'WatchlistItem:dynamic',
        'Name:string',
        'Upn:string',
      ],
    );
    // Item ids are stable from run to run.
    const again = executeQuery("_GetWatchlist('VIPs')", { workspace: ws, globals, now: NOW }).tables[0];
    assert.equal(all.rows[0][0], again.rows[0][0]);
  });

  it('gives no rows for an alias the workspace lacks, as Sentinel does, and rejects a bad manifest', () => {
    const ws = loadLocalWorkspace(folder({ 'x.txt': '' }), schema);
    const t = executeQuery("_GetWatchlist('Nope') | where SearchKey == 'a'", {
      workspace: ws,
      globals,
      now: NOW,
    }).tables[0];
    assert.deepEqual(t.rows, []);
    assert.equal(t.columns.length, 4);
    // A join on a watchlist's own column that the data lacks fails as Kusto would, naming it.
    assert.throws(
      () =>
        executeQuery("_GetWatchlist('Nope') | join (print D = 'x') on $left.['Asset Name'] == $right.D", {
          workspace: ws,
          globals,
          now: NOW,
        }),
      (e) => e instanceof MissingColumnError && e.column === 'Asset Name',
    );
    assert.throws(
      () =>
        loadLocalWorkspace(folder({ 'workspace.json': '{"watchlists": {"A": {"searchKey": 5}}}' }), schema),
      /"watchlists" must map each alias/,
    );
    assert.throws(
      () =>
        loadLocalWorkspace(
          folder({
            'workspace.json': '{"watchlists": {"A": {"searchKey": "Nope"}}}',
            'watchlists/A.csv': 'x\n1\n',
          }),
          schema,
        ),
      /search key column 'Nope'/,
    );
  });
});
