import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { MissingExternalDataError, UnsupportedError } from '../../../server/src/executor/errors';
import { executeQuery } from '../../../server/src/executor/executor';
import { loadLocalWorkspace } from '../../../server/src/executor/files/workspaceLoader';
import { createWorkspace } from '../../../server/src/executor/workspace';
import { builtinSchema } from '../../../server/src/schema/builtinSchemas';

const URL = 'https://example.invalid/feeds/iocs.csv';
const NOW = '2024-05-10T12:00:00Z';

/** externaldata (externaldata-operator.md) over the workspace's copies of URLs; nothing is fetched. */
describe('executor: externaldata', () => {
  const run = (q: string, externalData: Record<string, string>) =>
    executeQuery(q, { workspace: createWorkspace({ tables: {}, externalData }), now: NOW }).tables[0].rows;

  it('reads CSV columns by position, typed, skipping the header with ignoreFirstRecord', () => {
    const csv = 'DateAdded,IoC,Type\n2022-07-01,"evil.example, inc",domainname\n2022-07-02,5,count\n';
    assert.deepEqual(
      run(
        `externaldata(DateAdded:datetime, IoC:string, Type:string) [@"${URL}"] with (format="csv", ignoreFirstRecord=True)`,
        {
          [URL]: csv,
        },
      ),
      [
        ['2022-07-01T00:00:00Z', 'evil.example, inc', 'domainname'],
        ['2022-07-02T00:00:00Z', '5', 'count'],
      ],
    );
    // Without ignoreFirstRecord the header is a record; a value that is not a datetime is null.
    assert.equal(run(`externaldata(D:datetime, I:string) [@"${URL}"]`, { [URL]: csv })[0][0], null);
  });

  it('reads txt lines, TSV and JSON lines, and several URLs in order', () => {
    const a = 'https://example.invalid/a.txt';
    const b = 'https://example.invalid/b.json';
    assert.deepEqual(run(`externaldata(L:string) [@"${a}"]`, { [a]: 'x y\r\nz\n' }), [['x y'], ['z']]);
    assert.deepEqual(
      run(`externaldata(n:long, s:string) [@"${b}", @"${a}"] with (format="multijson")`, {
        [b]: '{"n": 1, "s": "p"}\n{"s": "q"}\n',
        [a]: '{"n": 3}\n',
      }),
      [
        [1, 'p'],
        [null, 'q'],
        [3, ''],
      ],
    );
    assert.deepEqual(run(`externaldata(a:long, b:string) [@"${a}"] with (format="tsv")`, { [a]: '1\tx\n' }), [
      [1, 'x'],
    ]);
  });

  it('says how to supply a URL the workspace has no copy of, and refuses what it does not read', () => {
    assert.throws(
      () => run(`externaldata(a:string) [@"${URL}"]`, {}),
      (e) => e instanceof MissingExternalDataError && /workspace\.json/.test(e.message) && e.url === URL,
    );
    assert.throws(
      () => run(`externaldata(a:string) [@"${URL}"] with (format="parquet")`, { [URL]: '' }),
      (e) => e instanceof UnsupportedError && /format=parquet/.test(e.message),
    );
    assert.throws(
      () => run(`externaldata(a:string) [@"${URL}"] with (zipPattern="*.csv")`, { [URL]: '' }),
      (e) => e instanceof UnsupportedError && /zippattern/.test(e.message),
    );
  });

  it('loads the copies a workspace folder maps in workspace.json, and only from inside it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kqlext-'));
    const outside = mkdtempSync(path.join(tmpdir(), 'kqlext-out-'));
    after(() => {
      rmSync(dir, { recursive: true, force: true });
      rmSync(outside, { recursive: true, force: true });
    });
    mkdirSync(path.join(dir, 'feeds'));
    writeFileSync(path.join(dir, 'feeds', 'iocs.csv'), 'h\nv1\n');
    writeFileSync(
      path.join(dir, 'workspace.json'),
      JSON.stringify({ externaldata: { [URL]: 'feeds/iocs.csv' } }),
    );
    const ws = loadLocalWorkspace(dir, builtinSchema('sentinel'));
    const rows = executeQuery(`externaldata(h:string) [@"${URL}"] with (ignoreFirstRecord=true)`, {
      workspace: ws,
      now: NOW,
    }).tables[0].rows;
    assert.deepEqual(rows, [['v1']]);
    writeFileSync(path.join(outside, 'x.csv'), 'secret\n');
    writeFileSync(
      path.join(dir, 'workspace.json'),
      JSON.stringify({ externaldata: { [URL]: path.relative(dir, path.join(outside, 'x.csv')) } }),
    );
    assert.throws(() => loadLocalWorkspace(dir, builtinSchema('sentinel')), /inside|outside|must stay/);
    writeFileSync(path.join(dir, 'workspace.json'), JSON.stringify({ externaldata: { [URL]: 5 } }));
    assert.throws(
      () => loadLocalWorkspace(dir, builtinSchema('sentinel')),
      /"externaldata" must map each URL/,
    );
  });
});
