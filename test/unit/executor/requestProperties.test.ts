import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ExecutionError } from '../../../server/src/executor/errors';
import { refusedWith, rows, run } from './executorHarness';

// Set statements (set-statement.md) and the request properties that change a query's result.

test('bin_auto() bins on query_bin_auto_size, with one bin starting at query_bin_auto_at', () => {
  // bin-auto-function.md's example: two bins of an hour that start at 00:05.
  assert.deepEqual(
    rows(
      [
        'set query_bin_auto_size=1h;',
        'set query_bin_auto_at=datetime(2017-01-01 00:05);',
        'range Timestamp from datetime(2017-01-01 00:05) to datetime(2017-01-01 02:00) step 1m',
        '| summarize count() by bin_auto(Timestamp)',
      ].join('\n'),
    ),
    [
      ['2017-01-01T00:05:00Z', 60],
      ['2017-01-01T01:05:00Z', 56],
    ],
  );
});

test('bin_auto() without query_bin_auto_at bins as bin() does; numbers take a numeric size', () => {
  assert.deepEqual(rows('set query_bin_auto_size=1d; print bin_auto(datetime(2020-03-04 17:30))'), [
    ['2020-03-04T00:00:00Z'],
  ]);
  assert.deepEqual(
    rows('set query_bin_auto_size=10; print bin_auto(25), bin_auto(-5), bin_auto(int(null))'),
    [[20, -10, null]],
  );
  assert.deepEqual(rows('set query_bin_auto_size=10; set query_bin_auto_at=3; print bin_auto(25)'), [[23]]);
  assert.deepEqual(rows('set query_bin_auto_size=1h; print bin_auto(90m)'), [['01:00:00']]);
});

test('bin_auto() without a size, or with a size of the wrong kind, fails with what to set', () => {
  assert.throws(
    () => run('print bin_auto(5)'),
    (e: unknown) => e instanceof ExecutionError && /set query_bin_auto_size first/.test(e.message),
  );
  assert.throws(
    () => run('set query_bin_auto_size=1h; print bin_auto(5)'),
    (e: unknown) => e instanceof ExecutionError && /long needs a numeric query_bin_auto_size/.test(e.message),
  );
});

test('query_now sets now() and ago() for the whole query', () => {
  assert.deepEqual(rows('set query_now=datetime(2020-01-01); print now(), ago(1d)'), [
    ['2020-01-01T00:00:00Z', '2019-12-31T00:00:00Z'],
  ]);
  assert.equal(run('set query_now=datetime(2020-01-01); print 1').stats.now, '2020-01-01T00:00:00.000Z');
});

test('query_take_max_records keeps the first records; truncationmaxrecords fails a larger result', () => {
  assert.deepEqual(rows('set query_take_max_records=2; range x from 1 to 5 step 1'), [[1], [2]]);
  assert.deepEqual(rows('set truncationmaxrecords=5; range x from 1 to 5 step 1').length, 5);
  assert.throws(
    () => run('set truncationmaxrecords=4; range x from 1 to 5 step 1'),
    (e: unknown) => e instanceof ExecutionError && /5 records, more than the 4/.test(e.message),
  );
});

test('properties that only tune the service leave the result as it is, wherever they stand', () => {
  assert.deepEqual(
    rows('set notruncation; set query_results_cache_max_age=1h; print 1; set notruncation; print 2'),
    [[1]],
  );
});

test('a property whose effect is not followed, or a set after a query, is refused by name', () => {
  assert.throws(
    () => run('set query_datetimescope_column="Timestamp"; print 1'),
    refusedWith(/request property query_datetimescope_column/),
  );
  assert.throws(() => run('set best_effort=true; print 1'), refusedWith(/request property best_effort/));
  assert.throws(
    () => run('print 1; set query_now=datetime(2020-01-01); print now()'),
    refusedWith(/'set query_now' statement after a tabular statement/),
  );
  assert.throws(
    () => run('set query_now=datetime(2020-01-01 00:00:00.0000001); print now()'),
    refusedWith(/query_now finer than a millisecond/),
  );
});
