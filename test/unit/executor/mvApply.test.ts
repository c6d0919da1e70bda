import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UnsupportedError } from '../../../server/src/executor/errors';
import { rows, run } from './executorHarness';

/** mv-apply (mv-apply-operator.md) and pack_all (pack-all-function.md). */
describe('executor: mv-apply', () => {
  const data = 'datatable (index: int, Arr: dynamic)[0, dynamic([5, 1, 3]), 1, dynamic([4, 10, 8, 7])]';

  it('runs the subquery over each row expansion and repeats the row around its results', () => {
    assert.deepEqual(rows(`${data} | mv-apply v=Arr to typeof(long) on (top 1 by v)`), [
      [0, [5, 1, 3], 5],
      [1, [4, 10, 8, 7], 10],
    ]);
    assert.deepEqual(
      rows(`${data} | mv-apply v=Arr to typeof(long) on (top 2 by v | summarize Top2=make_list(v))`),
      [
        [0, [5, 1, 3], [5, 3]],
        [1, [4, 10, 8, 7], [10, 8]],
      ],
    );
  });

  it('replaces an unnamed column, types elements (non-conforming ones become null), indexes and limits', () => {
    const t = run(
      'datatable (i: int, Arr: dynamic)[0, dynamic([5, "x", 3])] | mv-apply with_itemindex=k Arr to typeof(long) limit 2 on (take 10)',
    ).tables[0];
    assert.deepEqual(
      t.columns.map((c) => `${c.name}:${c.type}`),
      ['i:int', 'Arr:long', 'k:long'],
    );
    assert.deepEqual(t.rows, [
      [0, 5, 0],
      [0, null, 1],
    ]);
  });

  it('pairs arrays of different lengths with nulls, and gives no rows for an empty array', () => {
    assert.deepEqual(
      rows(
        "datatable (Val: int, A: dynamic, B: dynamic)[1, dynamic(['A1', 'A2']), dynamic(['B1', 'B2', 'B3']), 2, dynamic([]), dynamic([])] | mv-apply T1=A, T2=B on (extend Out = strcat(T1, '_', T2) | summarize Out= make_list(Out))",
      ).map((r) => r[3]),
      [['A1_B1', 'A2_B2', '_B3'], []],
    );
  });

  it('expands a property bag into one-property bags', () => {
    assert.deepEqual(
      rows('print d = dynamic({"a": 1, "b": 2}) | mv-apply p = d on (summarize n = count())').map(
        (r) => r[1],
      ),
      [2],
    );
  });

  it('refuses what it does not do by name', () => {
    assert.throws(
      () => rows('print d = dynamic([1]) | mv-apply x = d to typeof(decimal) on (take 1)'),
      (e) => e instanceof UnsupportedError && /typeof\(decimal\)|decimal/.test(e.message),
    );
  });

  it('pack_all packs the row, leaving out null and empty values when asked', () => {
    assert.deepEqual(
      rows(
        "datatable(a:string, b:long)['', 1, 'x', long(null)] | project p = pack_all(), q = pack_all(true)",
      ),
      [
        [{ a: '', b: 1 }, { b: 1 }],
        [{ a: 'x', b: null }, { a: 'x' }],
      ],
    );
  });
});
