import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ExecutionError } from '../../../server/src/executor/errors';
import { refusedWith, rows } from './executorHarness';

const T = 'datatable(k:string, v:long)["a", 1, "b", 5, "a", 3, "b", 2, "c", 9, "", 4]';

/** partition (partition-operator.md): a subquery per key value, the results unioned. */
describe('executor: partition', () => {
  it('runs the subquery on each key value, whatever the strategy', () => {
    for (const hint of ['', 'hint.strategy=native ', 'hint.strategy=shuffle ', 'hint.strategy=legacy ']) {
      const r = rows(`${T} | partition ${hint}by k (top 1 by v) | order by k asc`);
      assert.deepEqual(r, [
        ['', 4],
        ['a', 3],
        ['b', 5],
        ['c', 9],
      ]);
    }
  });

  it('gives the columns of the subquery, with aggregates over each partition only', () => {
    assert.deepEqual(
      rows(`${T} | partition by k (summarize s = sum(v), n = count()) | order by s asc, n asc`),
      [
        [4, 1],
        [4, 2],
        [7, 2],
        [9, 1],
      ],
    );
    assert.deepEqual(rows(`${T} | where v > 100 | partition by k (count)`), []);
  });

  it('fails beyond 64 partitions with the legacy strategy only', () => {
    assert.throws(
      () => rows('range x from 1 to 65 step 1 | partition by x (count)'),
      (e) => e instanceof ExecutionError && /65 distinct values.*at most 64/.test(e.message),
    );
    assert.deepEqual(
      rows('range x from 1 to 65 step 1 | partition hint.strategy=native by x (count) | count'),
      [[65]],
    );
  });

  it('refuses the forms it does not run, by name', () => {
    assert.throws(
      () => rows(`${T} | partition by k { print x = toscalar(k) }`),
      refusedWith(/names its own source/),
    );
    // The subtables promise no order, so a window function must sort first.
    assert.throws(() => rows(`${T} | partition by k (extend r = row_number())`), refusedWith(/row_number/));
    assert.deepEqual(
      rows(`${T} | partition by k (sort by v asc | extend r = row_number()) | where k == "a"`),
      [
        ['a', 1, 1],
        ['a', 3, 2],
      ],
    );
  });
});
