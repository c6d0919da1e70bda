import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { refusedWith, rows } from './executorHarness';

const SERIES = 'range i from 1 to 10 step 1 | extend hit = i in (3, 9) | sort by i asc';
const ids = (query: string) => rows(query).map((r) => r[0]);

describe('evaluate rows_near', () => {
  it('keeps the rows within N before and after each hit, once each, in order', () => {
    assert.deepEqual(ids(`${SERIES} | evaluate rows_near(hit, 1)`), [2, 3, 4, 8, 9, 10]);
    assert.deepEqual(ids(`${SERIES} | evaluate rows_near(hit, 3)`), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('takes a separate count after the hit, zero included', () => {
    assert.deepEqual(ids(`${SERIES} | evaluate rows_near(hit, 2, 0)`), [1, 2, 3, 7, 8, 9]);
    assert.deepEqual(ids(`${SERIES} | evaluate rows_near(hit, 0, 1)`), [3, 4, 9, 10]);
  });

  it('treats a null condition as no hit, and no hit as no rows', () => {
    assert.deepEqual(
      ids(
        'range i from 1 to 3 step 1 | extend hit = iff(i == 2, bool(null), false) | sort by i asc | evaluate rows_near(hit, 1)',
      ),
      [],
    );
  });

  it('refuses rows in no defined order, which decides what is near', () => {
    assert.throws(
      () => rows('range i from 1 to 10 step 1 | summarize by i | evaluate rows_near(i == 3, 1)'),
      refusedWith(/no defined order/),
    );
  });
});
