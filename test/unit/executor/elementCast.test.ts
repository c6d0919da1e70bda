import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UnsupportedError } from '../../../server/src/executor/errors';
import { rows } from './executorHarness';

const mixed = 'datatable(a:dynamic)[dynamic([1, "abc", "7", true, null, {"x":1}, "é"])]';

/** `to typeof(T)` is a cast only (mv-expand-operator.md): elements of another kind become null. */
describe('executor: to typeof() in mv-expand and mv-apply', () => {
  it('keeps conforming elements and nulls the rest, without parsing text', () => {
    assert.deepEqual(
      rows(`${mixed} | mv-expand v = a to typeof(long) | project v`).map((r) => r[0]),
      [1, null, null, null, null, null, null],
    );
    assert.deepEqual(
      rows(`${mixed} | mv-apply v = a to typeof(string) on (take 100) | project v`).map((r) => r[0]),
      ['', 'abc', '7', '', '', '', 'é'],
    );
    assert.deepEqual(
      rows(`${mixed} | mv-expand v = a to typeof(bool) | project v`).map((r) => r[0]),
      [null, null, null, true, null, null, null],
    );
    assert.deepEqual(
      rows('print a = dynamic([1, 2.5, "3"]) | mv-expand v = a to typeof(real) | project v').map((r) => r[0]),
      [1, 2.5, null],
    );
  });

  it('reads back datetimes that a dynamic value holds as text', () => {
    assert.deepEqual(
      rows(
        'range x from 1 to 2 step 1 | summarize l = make_list(datetime(2020-01-01) + x * 1d) | mv-expand l to typeof(datetime)',
      ),
      [['2020-01-02T00:00:00Z'], ['2020-01-03T00:00:00Z']],
    );
  });

  it('pads the shorter of two arrays with the type’s null (the empty string for string)', () => {
    assert.deepEqual(
      rows(
        'print a = dynamic([1, 2]), b = dynamic(["x"]) | mv-apply a to typeof(long), b to typeof(string) on (take 5)',
      ),
      [
        [1, 'x'],
        [2, ''],
      ],
    );
  });

  it('refuses, by name, a cast the reference leaves open', () => {
    assert.throws(
      () => rows('print a = dynamic([2.5]) | mv-expand v = a to typeof(long)'),
      (e) =>
        e instanceof UnsupportedError && /to typeof\(long\) of the fractional number 2.5/.test(e.message),
    );
    assert.throws(
      () => rows('print a = dynamic([4294967296]) | mv-apply v = a to typeof(int) on (take 1)'),
      (e) => e instanceof UnsupportedError && /beyond an int/.test(e.message),
    );
  });
});
