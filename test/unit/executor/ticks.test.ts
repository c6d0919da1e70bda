import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UnsupportedError } from '../../../server/src/executor/errors';
import {
  formatDatetimeTicks,
  formatTimespanTicks,
  parseDatetimeTicks,
  parseTimespanTicks,
} from '../../../server/src/executor/ticks';
import { rows, scalar } from './executorHarness';

/** Datetimes and timespans to the 100 ns tick, end to end: parse, arithmetic, bin, format, output. */
describe('executor: 100 ns ticks', () => {
  it('parses and prints datetimes to the tick, in every documented form', () => {
    const t = parseDatetimeTicks('2014-05-25T08:20:03.1234567Z')!;
    assert.equal(formatDatetimeTicks(t), '2014-05-25T08:20:03.1234567Z');
    assert.equal(
      formatDatetimeTicks(parseDatetimeTicks('2014-05-25 08:20:03.123')!),
      '2014-05-25T08:20:03.123Z',
    );
    assert.equal(formatDatetimeTicks(parseDatetimeTicks('2014-11-08 15:55')!), '2014-11-08T15:55:00Z');
    assert.equal(formatDatetimeTicks(parseDatetimeTicks('2014-11-08T15:05:25 GMT')!), '2014-11-08T15:05:25Z');
    assert.equal(
      formatDatetimeTicks(parseDatetimeTicks('Sat, 8 Nov 14 15:05:02 GMT')!),
      '2014-11-08T15:05:02Z',
    );
    assert.equal(formatDatetimeTicks(parseDatetimeTicks('8 Nov 14 15:05:02')!), '2014-11-08T15:05:02Z');
    assert.equal(
      formatDatetimeTicks(parseDatetimeTicks('2014-05-25T10:20:03+02:00')!),
      '2014-05-25T08:20:03Z',
    );
    // Digits past the seventh are below a tick and are dropped.
    assert.equal(
      formatDatetimeTicks(parseDatetimeTicks('2014-05-25T08:20:03.123456789Z')!),
      '2014-05-25T08:20:03.1234567Z',
    );
    // Before the Unix epoch the ticks are negative; the fraction still reads forward.
    assert.equal(
      formatDatetimeTicks(parseDatetimeTicks('1969-12-31T23:59:59.9999999Z')!),
      '1969-12-31T23:59:59.9999999Z',
    );
    assert.equal(formatDatetimeTicks(parseDatetimeTicks('0001-01-01')!), '0001-01-01T00:00:00Z');
    for (const bad of ['', '2014-02-30', '2014-13-01', 'yesterday', '2014/05/25 x'])
      assert.equal(parseDatetimeTicks(bad), null, bad);
  });

  it('parses and prints timespans to the tick', () => {
    assert.equal(parseTimespanTicks('00:00:00.0000001'), 1n);
    assert.equal(
      parseTimespanTicks('-1.02:03:04.5'),
      -(((26n * 60n + 3n) * 60n + 4n) * 10_000_000n + 5_000_000n),
    );
    assert.equal(formatTimespanTicks(1n), '00:00:00.0000001');
    assert.equal(formatTimespanTicks(-15_000_000n), '-00:00:01.5000000');
    assert.equal(parseTimespanTicks('1:2'), null);
  });

  it('keeps sub-millisecond digits through literals, arithmetic and output', () => {
    assert.equal(scalar('datetime(2017-10-30 01:02:03.7654321)'), '2017-10-30T01:02:03.7654321Z');
    assert.equal(scalar('datetime(2024-01-01 00:00:00.0000001) - datetime(2024-01-01)'), '00:00:00.0000001');
    assert.equal(scalar('datetime(2024-01-01) + 1tick'), '2024-01-01T00:00:00.0000001Z');
    assert.equal(scalar('datetime(2024-01-01) + 1microsecond'), '2024-01-01T00:00:00.0000010Z');
    assert.equal(scalar('tostring(datetime(2024-01-01 00:00:00.0000001))'), '2024-01-01T00:00:00.0000001Z');
    assert.equal(scalar('tolong(1tick)'), 1);
    assert.equal(scalar('tolong(1ms)'), 10000);
    assert.equal(scalar('toreal(1.5s)'), 15_000_000);
    assert.equal(scalar('totimespan(15)'), '00:00:00.0000015');
    assert.equal(scalar('datetime(2024-01-01 00:00:00.0000001) > datetime(2024-01-01)'), true);
    assert.equal(scalar('datetime(2024-01-01 00:00:00.0000001) == datetime(2024-01-01)'), false);
  });

  it('scales and divides timespans as Kusto does (datetime-timespan-arithmetic.md)', () => {
    assert.equal(scalar('1h * 2'), '02:00:00');
    assert.equal(scalar('2 * 1h'), '02:00:00');
    assert.equal(scalar('1h / 2'), '00:30:00');
    assert.equal(scalar('1h / 30m'), 2);
    assert.equal(scalar('1h % 25m'), '00:10:00');
    assert.equal(scalar('1.5 * 1s'), '00:00:01.5000000');
    assert.equal(scalar('1h / 0'), null);
    assert.equal(scalar('datetime(null) - 1h'), null);
  });

  it('keeps years below 100 as themselves in calendar arithmetic (not 1900 + year)', () => {
    assert.equal(scalar("datetime_add('year', 1, datetime(0050-03-01))"), '0051-03-01T00:00:00Z');
    assert.equal(scalar("datetime_add('month', 1, datetime(0099-01-31 10:00))"), '0099-02-28T10:00:00Z');
    assert.equal(scalar('startofyear(datetime(0050-06-01))'), '0050-01-01T00:00:00Z');
    assert.equal(scalar('dayofyear(datetime(0050-02-01))'), 32);
  });

  it('gives null for a datetime outside 0001-01-01 .. 9999-12-31', () => {
    assert.equal(scalar('datetime(9999-12-31) + 1d'), null);
    assert.equal(scalar('datetime(0001-01-01) - 1tick'), null);
  });

  it('bins datetimes from 0001-01-01, so 7-day bins start on Mondays (use-aggregation-functions.md)', () => {
    assert.equal(scalar('bin(datetime(2007-01-03 10:00), 7d)'), '2007-01-01T00:00:00Z');
    assert.equal(scalar('bin(datetime(2007-01-08), 7d)'), '2007-01-08T00:00:00Z');
    assert.equal(scalar('bin(datetime(2024-01-01 00:00:00.1234567), 1ms)'), '2024-01-01T00:00:00.123Z');
    assert.equal(scalar('bin(time(16d), 7d)'), '14.00:00:00');
    assert.equal(scalar('bin(datetime(1969-12-31 23:00), 1d)'), '1969-12-31T00:00:00Z');
  });

  it('sums timespans exactly, ranks them in percentile, and refuses avg of them by name', () => {
    const data = { T: [{ d: '00:00:00.0000001' }, { d: '00:00:00.0000002' }, { d: '01:00:00' }] };
    const types = { T: { d: 'timespan' } };
    assert.deepEqual(rows('T | summarize sum(d), percentile(d, 50), max(d)', data, types), [
      ['01:00:00.0000003', '00:00:00.0000002', '01:00:00'],
    ]);
    assert.throws(
      () => rows('T | summarize avg(d)', data, types),
      (e) => e instanceof UnsupportedError && /avg\(\)/.test(e.message),
    );
  });

  it('steps range over datetimes by a timespan', () => {
    assert.deepEqual(
      rows('range t from datetime(2024-01-01) to datetime(2024-01-01 00:00:00.0000003) step 1tick'),
      [
        ['2024-01-01T00:00:00Z'],
        ['2024-01-01T00:00:00.0000001Z'],
        ['2024-01-01T00:00:00.0000002Z'],
        ['2024-01-01T00:00:00.0000003Z'],
      ],
    );
  });

  it('converts a datetime to its exact ticks since 0001-01-01, a long beyond 2^53', () => {
    assert.equal(scalar('tolong(datetime(2024-01-01))'), '638396640000000000');
    assert.equal(scalar('tolong(datetime(2024-01-01) + 1tick)'), '638396640000000001');
  });

  it('loads data files to the tick', () => {
    const data = { T: [{ t: '2024-01-01T00:00:00.1234567Z' }, { t: '2024-01-01T00:00:00.1234568Z' }] };
    const types = { T: { t: 'datetime' } };
    assert.deepEqual(rows('T | summarize dcount(t), max(t)', data, types), [
      [2, '2024-01-01T00:00:00.1234568Z'],
    ]);
  });
});
