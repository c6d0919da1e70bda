import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ExecutionError, UnsupportedError } from '../../../server/src/executor/errors';
import { rows } from './executorHarness';

const airports =
  'datatable (Airport:string, Airline:string, Departures:long)["TLV", "LH", 1, "TLV", "LY", 100, "SEA", "LH", 1, "SEA", "BA", 2, "SEA", "LY", 0]';

/** serialize and the window functions (window-functions.md), with the order rules of serialize-operator.md. */
describe('executor: serialize and window functions', () => {
  it('row_number counts from its start and restarts where the predicate says', () => {
    assert.deepEqual(rows('range a from 1 to 3 step 1 | sort by a desc | extend rn=row_number()'), [
      [3, 1],
      [2, 2],
      [1, 3],
    ]);
    assert.deepEqual(rows('range a from 1 to 2 step 1 | extend rn=row_number(7)'), [
      [1, 7],
      [2, 8],
    ]);
    assert.deepEqual(
      rows(
        `${airports} | sort by Airport asc, Departures desc | extend Rank=row_number(1, prev(Airport) != Airport)`,
      ),
      [
        ['SEA', 'BA', 2, 1],
        ['SEA', 'LH', 1, 2],
        ['SEA', 'LY', 0, 3],
        ['TLV', 'LY', 100, 1],
        ['TLV', 'LH', 1, 2],
      ],
    );
  });

  it('prev and next read other rows, with their offsets and defaults', () => {
    assert.deepEqual(
      rows('datatable(s:string)["a","b","c"] | serialize p = prev(s), n = next(s, 1, "z"), p2 = prev(s, 2)'),
      [
        ['a', '', 'b', ''],
        ['b', 'a', 'c', ''],
        ['c', 'b', 'z', 'a'],
      ],
    );
    // After where, the order is still the serialized one, and prev sees the rows that passed.
    assert.deepEqual(rows('range a from 1 to 6 step 1 | where a % 2 == 0 | extend p = prev(a)'), [
      [2, null],
      [4, 2],
      [6, 4],
    ]);
  });

  it('row_cumsum sums in order and restarts per partition', () => {
    assert.deepEqual(
      rows('datatable (a:long) [1, 2, 3, 4, 5, 6] | where a%2==0 | serialize cs=row_cumsum(a)'),
      [
        [2, 2],
        [4, 6],
        [6, 12],
      ],
    );
    assert.deepEqual(
      rows(
        'datatable (name:string, month:int, salary:long)["Alice", 1, 1000, "Bob", 1, 1000, "Alice", 2, 2000, "Bob", 2, 1950] | order by name asc, month asc | extend total=row_cumsum(salary, name != prev(name))',
      ).map((r) => r[3]),
      [1000, 3000, 1000, 2950],
    );
    assert.throws(
      () => rows('datatable (a:long) [1, long(null)] | serialize cs=row_cumsum(a)'),
      (e) => e instanceof UnsupportedError && /row_cumsum\(\) of a null term/.test(e.message),
    );
  });

  it('row_rank_dense and row_rank_min rank runs of equal terms', () => {
    assert.deepEqual(
      rows(
        'datatable (Airline:string, Departures:long)["LH", 3, "LY", 100, "UA", 3, "BA", 2, "EL", 3] | sort by Departures asc | extend Dense=row_rank_dense(Departures), Min=row_rank_min(Departures)',
      ),
      [
        ['BA', 2, 1, 1],
        ['LH', 3, 2, 2],
        ['UA', 3, 2, 2],
        ['EL', 3, 2, 2],
        ['LY', 100, 3, 5],
      ],
    );
  });

  it('fails as Kusto does on a row set that is not serialized, and refuses where the reference is unclear', () => {
    for (const q of [
      'datatable (a:long) [1, 2] | extend p = prev(a)',
      'range a from 1 to 3 step 1 | summarize by a | extend rn = row_number()',
      'range a from 1 to 3 step 1 | distinct a | extend rn = row_number()',
    ])
      assert.throws(
        () => rows(q),
        (e) => e instanceof ExecutionError && /needs a serialized row set/.test(e.message),
        q,
      );
    assert.throws(
      () => rows('range a from 1 to 3 step 1 | mv-expand x = dynamic([1]) | extend p = prev(a)'),
      (e) => e instanceof UnsupportedError && /describes both ways/.test(e.message),
    );
    // serialize makes the same rows usable.
    assert.deepEqual(rows('datatable (a:long) [1, 2] | serialize | extend p = prev(a)'), [
      [1, null],
      [2, 1],
    ]);
  });
});
