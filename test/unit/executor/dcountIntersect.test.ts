import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { refusedWith, rows } from './executorHarness';

describe('evaluate dcount_intersect', () => {
  it('adds the distinct counts of the first set and of each running intersection, per row', () => {
    // Per parity: the numbers 1..10, their doubles and their squares.
    assert.deepEqual(
      rows(
        'range x from 1 to 10 step 1 | summarize a = hll(x), b = hll(x * 2), c = hll(x * x) by k = x % 2 | evaluate dcount_intersect(a, b, c) | project-away a, b, c | order by k asc',
      ),
      [
        [0, 5, 2, 1], // {2,4,6,8,10} ∩ {4,8,12,16,20} = {4,8}; ∩ {4,16,36,64,100} = {4}
        [1, 5, 0, 0],
      ],
    );
  });

  it('does not count nulls or empty strings, as dcount() does not', () => {
    assert.deepEqual(
      rows(
        'datatable(u:string, v:string)["a","a", "","", "b",""] | summarize su = hll(u), sv = hll(v) | evaluate dcount_intersect(su, sv) | project s0, s1',
      ),
      [[2, 1]],
    );
  });

  it('refuses a value that is not an hll sketch by name', () => {
    assert.throws(
      () =>
        rows(
          'range x from 1 to 3 step 1 | summarize a = hll(x), t = tdigest(x) | evaluate dcount_intersect(a, t) | project s0',
        ),
      refusedWith(/hll|tdigest/),
    );
  });
});
