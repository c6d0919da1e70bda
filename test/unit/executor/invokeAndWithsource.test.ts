import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ExecutionError, MissingTableError, UnsupportedError } from '../../../server/src/executor/errors';
import { rows, run } from './executorHarness';

/** invoke (invoke-operator.md) and union withsource= (union-operator.md). */
describe('executor: invoke and union withsource', () => {
  it('invoke passes the piped table as the first argument, with the rest and their defaults', () => {
    assert.deepEqual(rows('let f = (T:(*)) { T | count }; datatable(a:long)[1,2] | invoke f()'), [[2]]);
    assert.deepEqual(
      rows('let f = (T:(*), n:long = 3) { T | take n }; range a from 1 to 5 step 1 | invoke f()'),
      [[1], [2], [3]],
    );
    assert.deepEqual(
      rows('let f = (T:(a:long), k:long) { T | where a > k }; range a from 1 to 4 step 1 | invoke f(2)'),
      [[3], [4]],
    );
    assert.throws(
      () => rows('let f = (n:long) { print n }; print x = 1 | invoke f(1)'),
      (e) => e instanceof ExecutionError || e instanceof Error,
    );
  });

  it('withsource names the input of each row, in the column where the binder puts it', () => {
    const t = run('let A = datatable(x:long)[1, 2]; let C = datatable(x:int)[3]; union withsource=Src A, C')
      .tables[0];
    assert.deepEqual(
      t.columns.map((c) => `${c.name}:${c.type}`),
      ['Src:string', 'x_long:long', 'x_int:int'],
    );
    assert.deepEqual(t.rows, [
      ['A', 1, null],
      ['A', 2, null],
      ['C', null, 3],
    ]);
    // An empty input contributes no rows, and the names stay with their own rows.
    assert.deepEqual(
      rows('let A = datatable(x:long)[1]; let B = datatable(x:long)[]; union withsource=T B, A, B'),
      [['A', 1]],
    );
    assert.throws(
      () => rows('let A = datatable(x:long)[1]; A | union withsource=T A'),
      (e) => e instanceof UnsupportedError && /after a pipe/.test(e.message),
    );
    assert.throws(
      () => rows('let A = datatable(x:long)[1]; union withsource=T (A | take 1), A'),
      (e) => e instanceof UnsupportedError && /not a table name/.test(e.message),
    );
  });

  it('a wildcard reads every workspace table whose name matches, withsource naming each', () => {
    const tables = {
      DeviceA: [{ x: 1 }, { x: 2 }],
      DeviceB: [{ x: 3 }],
      Other: [{ x: 4 }],
    };
    assert.deepEqual(rows('union withsource=T Dev* | summarize n = count() by T | order by T asc', tables), [
      ['DeviceA', 2],
      ['DeviceB', 1],
    ]);
    assert.deepEqual(rows('union Dev*, Other | count', tables), [[4]]);
  });

  it('isfuzzy=true leaves out the tables that do not exist, with a warning, and fails when none is left', () => {
    const tables = { A: [{ x: 1 }], B: [{ x: 2 }] };
    const r = run('union isfuzzy=true A, Missing_CL, B | summarize sum(x)', tables);
    assert.deepEqual(r.tables[0].rows, [[3]]);
    assert.ok(r.warnings.some((w) => /left out .*Missing_CL/.test(w)));
    assert.deepEqual(run('union isfuzzy=true A, B | count', tables).warnings, []);
    assert.throws(
      () => run('union isfuzzy=true Missing_CL, Gone_CL | count', tables),
      (e) => e instanceof MissingTableError && /none of its tables is in the workspace/.test(e.message),
    );
  });
});
