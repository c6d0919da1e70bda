import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UnsupportedError } from '../../../server/src/executor/errors';
import { run } from './executorHarness';

const lets =
  'let A = datatable(x:long, a:string)[1, "1", 2, "2"]; let B = datatable(x:string, b:string, c:long)["u", "2", 7, "v", "3", 8]; let C = datatable(z:long)[1];';

/** find (find-operator.md): inputs, the source column, project, and what is refused. */
describe('executor: find', () => {
  it('filters each input, skips one without the predicate columns, and projects with nulls', () => {
    const t = run(`${lets} find in (A, B, C) where a == "1" or b == "2" project a, b, c`).tables[0];
    assert.deepEqual(
      t.columns.map((c) => c.name),
      ['source_', 'a', 'b', 'c'],
    );
    assert.deepEqual(t.rows, [
      ['A', '1', '', null],
      ['B', '', '2', 7],
    ]);
  });

  it('names the source column with withsource=, and keeps the binder columns when nothing is packed', () => {
    assert.deepEqual(run(`${lets} find withsource=S in (A) where a == "2" project x, a`).tables[0].rows, [
      ['A', 2, '2'],
    ]);
    const t = run(`${lets} find in (A) where a == "1"`).tables[0];
    assert.deepEqual(
      t.columns.map((c) => c.name),
      ['source_', 'x', 'a'],
    );
    assert.deepEqual(run(`${lets} find in (A) where a == "9"`).tables[0].rows, []);
  });

  it('refuses term search, find over every table, and the pack_ column by name', () => {
    const refused = (q: string, pattern: RegExp) =>
      assert.throws(
        () => run(`${lets} ${q}`),
        (e) => e instanceof UnsupportedError && pattern.test(e.message),
        q,
      );
    refused('find in (A, B) where * has "1"', /term over all columns/);
    assert.throws(
      () => run('find where x == 1', { T: [{ x: 1 }] }),
      (e) => e instanceof UnsupportedError && /without in/.test(e.message),
    );
    refused('find in (A, C) where a == "1" or z == 1', /pack_ column/);
    refused('find in (A, B) where a == "1" or b == "2"', /x has different types/);
  });
});
