import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UnsupportedError } from '../../../server/src/executor/errors';
import { rows } from './executorHarness';

/** Boundaries of the window functions (window-functions.md and each function's page). */
describe('executor: window function boundaries', () => {
  it('serialize adds named and unnamed columns, and a sort inside mv-apply orders its subtable', () => {
    assert.deepEqual(rows('range a from 1 to 3 step 1 | serialize b = prev(a), row_number()'), [
      [1, null, 1],
      [2, 1, 2],
      [3, 2, 3],
    ]);
    assert.deepEqual(
      rows('print d=dynamic([3,1,2]) | mv-apply d to typeof(long) on (sort by d asc | extend p = prev(d))'),
      [
        [1, null],
        [2, 1],
        [3, 2],
      ],
    );
  });

  it('gives no rows on empty serialized input', () => {
    assert.deepEqual(
      rows('range a from 1 to 0 step 1 | extend rn=row_number(), p=prev(a), n=next(a), c=row_cumsum(a)'),
      [],
    );
  });

  it('reads unicode strings, offset 0 and offsets past either end', () => {
    assert.deepEqual(
      rows(
        'datatable(s:string)["α","β","β","😀"] | serialize p=prev(s,0), n=next(s,5), d=next(s,3,"end"), r=row_rank_dense(s), m=row_rank_min(s)',
      ),
      [
        ['α', 'α', '', '😀', 1, 1],
        ['β', 'β', '', 'end', 2, 2],
        ['β', 'β', '', 'end', 2, 2],
        ['😀', '😀', '', 'end', 3, 4],
      ],
    );
  });

  it('takes a let constant as start or offset, and a start below 1', () => {
    assert.deepEqual(
      rows('let k=2; range a from 1 to 3 step 1 | extend p=prev(a, k), q=row_number(k), z=row_number(-1)'),
      [
        [1, null, 2, -1],
        [2, null, 3, 0],
        [3, 1, 4, 1],
      ],
    );
  });

  it('refuses, by name, what the pages leave open', () => {
    for (const [q, message] of [
      ['range a from 1 to 3 step 1 | extend p=prev(a, a)', /prev\(\) with an offset that is not a constant/],
      ['range a from 1 to 3 step 1 | extend p=next(a, -1)', /next\(\) with the offset -1/],
      [
        'range a from 1 to 3 step 1 | extend p=row_number(a)',
        /row_number\(\) with a start that is not a constant/,
      ],
      [
        'datatable(x:long)[1, long(null)] | serialize r=row_rank_dense(x)',
        /row_rank_dense\(\) of a null term/,
      ],
      ['datatable(x:long)[long(null)] | serialize r=row_rank_min(x)', /row_rank_min\(\) of a null term/],
      // The page says serialize may update a column; the binder adds a renamed one instead.
      ['range a from 1 to 2 step 1 | serialize a = a * 10', /serialize assigning the existing column a/],
      // mv-apply's subtable comes from mv-expand, whose order the references describe both ways.
      ['print d=dynamic([3,1]) | mv-apply d on (extend p = prev(d))', /prev\(\) after an operator/],
    ] as const)
      assert.throws(
        () => rows(q),
        (e) => e instanceof UnsupportedError && message.test(e.message),
        q,
      );
  });
});
