import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ExecutionError } from '../../../server/src/executor/errors';
import { refusedWith, rows, run } from './executorHarness';

// around(), bitset_count_ones(), make_timespan() and assert(), each against its reference page.

const failsWith = (pattern: RegExp) => (e: unknown) => e instanceof ExecutionError && pattern.test(e.message);

test('around() includes both bounds, takes numbers or times, and is null with a null argument', () => {
  assert.deepEqual(
    rows(
      'print around(1, 2, 1.5), around(5, 2, 1), around(3, 2, 1), around(int(null), 1, 1), around(datetime(2021-01-01 01:29), datetime(2021-01-01 01:30), 1min), around(2h, 1h, 59m)',
    ),
    [[true, false, true, null, true, false]],
  );
  // around-function.md's example: the minutes within a minute of 01:30.
  assert.deepEqual(
    rows(
      'range dt from datetime(2021-01-01 01:00) to datetime(2021-01-01 02:00) step 1min | where around(dt, datetime(2021-01-01 01:30), 1min)',
    ),
    [['2021-01-01T01:29:00Z'], ['2021-01-01T01:30:00Z'], ['2021-01-01T01:31:00Z']],
  );
});

test('bitset_count_ones() counts the set bits of the 64-bit value', () => {
  assert.deepEqual(
    rows(
      'print bitset_count_ones(42), bitset_count_ones(0), bitset_count_ones(-1), bitset_count_ones(long(null))',
    ),
    [[3, 0, 64, null]],
  );
});

test('make_timespan() builds a timespan from its parts; a part out of range gives null', () => {
  assert.deepEqual(
    rows(
      'print make_timespan(1, 2), make_timespan(1, 2, 3), make_timespan(2, 1, 2, 3), make_timespan(24, 0), make_timespan(1, 60), make_timespan(int(null), 2)',
    ),
    [['01:02:00', '01:02:03', '2.01:02:03', null, null, null]],
  );
  assert.throws(
    () => rows('print make_timespan(-1, 1, 2, 3)'),
    refusedWith(/make_timespan\(\) of a negative day/),
  );
});

test('assert() passes a true constant condition and fails the query on a false one, before any row', () => {
  const check = (len: string) =>
    `let checkLength = (len:long, s:string) { assert(len > 0, "Length must be greater than zero") and strlen(s) > len }; datatable(input:string) ["123", "4567"] | where checkLength(len=${len}, input)`;
  assert.deepEqual(rows(check('3')), [['4567']]);
  assert.throws(
    () => run(check('long(-1)')),
    failsWith(/^assert\(\) has failed with message: 'Length must be greater than zero'$/),
  );
  // Evaluated even though no row reaches it.
  assert.throws(
    () => run('let b=false; print x="Hello" | where b | where assert(b, "Assertion failed")'),
    failsWith(/'Assertion failed'/),
  );
});

test('assert() of a condition that reads a column fails; a null condition is refused by name', () => {
  assert.throws(
    () => run('datatable(input:string) ["123"] | where assert(strlen(input) > 0, "x")'),
    failsWith(/needs a constant condition; this one reads a column/),
  );
  assert.throws(() => run('print assert(bool(null), "m")'), refusedWith(/assert\(\) of a null condition/));
});
