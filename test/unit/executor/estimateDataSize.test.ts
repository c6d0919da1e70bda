import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { refusedWith, rows } from './executorHarness';

/** estimate_data_size(): the sizes its page pins (a long, an ASCII string) and refusals for the rest. */
describe('executor: estimate_data_size', () => {
  it('counts 8 bytes for a long and the length of a string, per row, for columns or *', () => {
    assert.deepEqual(
      rows('datatable(n:long, s:string) [1, "abc", 2, "", 3, "hello"] | project estimate_data_size(n, s)'),
      [[11], [8], [13]],
    );
    assert.deepEqual(rows('datatable(n:long, s:string) [1, "abcd"] | project size = estimate_data_size(*)'), [
      [12],
    ]);
  });

  it('runs over no rows and refuses by name what the page does not size', () => {
    assert.deepEqual(rows('datatable(r:real) [] | project estimate_data_size(r)'), []);
    assert.throws(
      () => rows('datatable(r:real) [1.5] | project estimate_data_size(r)'),
      refusedWith(/estimate_data_size\(\) of a real value/),
    );
    assert.throws(
      () => rows('datatable(s:string) ["é"] | project estimate_data_size(s)'),
      refusedWith(/beyond ASCII/),
    );
    assert.throws(
      () => rows('datatable(n:long) [long(null)] | project estimate_data_size(n)'),
      refusedWith(/a null long/),
    );
  });
});
