import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rows } from './executorHarness';

describe('sample and sample-distinct', () => {
  it('sample gives that many distinct input rows, in input order, or all of a smaller input', () => {
    const got = rows('range x from 1 to 50 step 1 | sample 5').map((r) => r[0] as number);
    assert.equal(got.length, 5);
    assert.equal(new Set(got).size, 5);
    assert.ok(got.every((x) => x >= 1 && x <= 50));
    assert.deepEqual(
      got,
      [...got].sort((a, b) => a - b),
    );
    assert.deepEqual(rows('range x from 1 to 3 step 1 | sample 10'), [[1], [2], [3]]);
    assert.deepEqual(rows('range x from 1 to 3 step 1 | sample 0'), []);
  });

  it('draws a sampled let again at each use, and a materialized one once', () => {
    // With 1,000 rows, twenty draws that all agree would mean the let was drawn once.
    const draws = (let_: string) =>
      new Set(
        rows(`let s = ${let_}; union ${Array.from({ length: 20 }, () => '(s)').join(', ')}`).map((r) => r[0]),
      ).size;
    assert.ok(draws('range x from 1 to 1000 step 1 | sample 1') > 1);
    assert.equal(draws('materialize(range x from 1 to 1000 step 1 | sample 1)'), 1);
  });

  it('sample-distinct gives up to N distinct values of the column, null included as a value', () => {
    const got = rows('datatable(k:long)[1, 1, 2, 2, 3, long(null)] | sample-distinct 10 of k').map(
      (r) => r[0],
    );
    assert.deepEqual([...got].sort(), [1, 2, 3, null].sort());
    const two = rows('range x from 1 to 100 step 1 | extend k = x % 7 | sample-distinct 2 of k');
    assert.equal(two.length, 2);
    assert.notEqual(two[0][0], two[1][0]);
  });
});
