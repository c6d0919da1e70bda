import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scalar } from './executorHarness';

/** Calendar functions and timespan literals, with values from Kusto's reference pages. */
describe('executor: calendar functions', () => {
  it('timespan literals written as time(...) keep their value (the engine reads them as zero)', () => {
    assert.equal(scalar('time(0.12:34:56.7)'), '12:34:56.7000000');
    assert.equal(scalar("time('12:34:56')"), '12:34:56');
    assert.equal(scalar('timespan(1.02:03:04)'), '1.02:03:04');
    assert.equal(scalar('time(2h)'), '02:00:00');
    assert.equal(scalar('time(null)'), null);
  });

  it('datetime_part by name, including week_of_year and dayOfYear (datetime-part-function.md)', () => {
    const dt = 'datetime(2017-10-30 01:02:03.7654321)';
    const expected: Record<string, number> = {
      year: 2017,
      quarter: 4,
      month: 10,
      week_of_year: 44,
      day: 30,
      dayOfYear: 303,
      hour: 1,
      minute: 2,
      second: 3,
      millisecond: 765,
      microsecond: 765432,
      nanosecond: 765432100,
    };
    for (const [part, v] of Object.entries(expected))
      assert.equal(scalar(`datetime_part("${part}", ${dt})`), v, part);
    assert.equal(scalar('datetime_part("year", datetime(null))'), null);
  });

  it('datetime_add by calendar and fixed units, clamping the day of month', () => {
    assert.equal(scalar("datetime_add('month', -15, make_datetime(2017,1,1))"), '2015-10-01T00:00:00Z');
    assert.equal(scalar("datetime_add('week', 100, make_datetime(2017,1,1))"), '2018-12-02T00:00:00Z');
    assert.equal(scalar("datetime_add('month', 1, datetime(2024-01-31 10:00))"), '2024-02-29T10:00:00Z');
    assert.equal(scalar("datetime_add('year', 1, datetime(2024-02-29))"), '2025-02-28T00:00:00Z');
    assert.equal(scalar("datetime_add('hour', 1, datetime(null))"), null);
  });

  it('make_datetime, startof*, day-of functions and week_of_year at year boundaries', () => {
    assert.equal(scalar('make_datetime(2017,10,01,12,10)'), '2017-10-01T12:10:00Z');
    assert.equal(scalar('make_datetime(2017,13,01)'), null);
    assert.equal(scalar('startofweek(datetime(2017-01-01 10:10:17), 1)'), '2017-01-08T00:00:00Z');
    assert.equal(scalar('startofmonth(datetime(2017-01-01 10:10:17), -1)'), '2016-12-01T00:00:00Z');
    assert.equal(scalar('startofyear(datetime(2017-06-01), 1)'), '2018-01-01T00:00:00Z');
    assert.equal(scalar('dayofweek(datetime(1947-11-30 10:00:05))'), '00:00:00');
    assert.equal(scalar('dayofweek(datetime(1970-05-11))'), '1.00:00:00');
    assert.equal(scalar('dayofyear(datetime(2015-12-14))'), 348);
    assert.equal(scalar('week_of_year(datetime(2020-12-31))'), 53);
    assert.equal(scalar('week_of_year(datetime(2021-01-03))'), 53);
    assert.equal(scalar('week_of_year(datetime(2021-01-04))'), 1);
    assert.equal(scalar('week_of_year(datetime(2000-01-01))'), 52);
  });

  it('unixtime_*_todatetime and totimespan', () => {
    assert.equal(scalar('unixtime_seconds_todatetime(1546300800)'), '2019-01-01T00:00:00Z');
    // Nanoseconds since 1970 are beyond 2^53: an exact long (the page's example).
    assert.equal(scalar('unixtime_nanoseconds_todatetime(1546300800000000000)'), '2019-01-01T00:00:00Z');
    assert.equal(scalar('unixtime_seconds_todatetime(long(null))'), null);
    assert.equal(scalar('totimespan("0.00:03:00")'), '00:03:00');
    assert.equal(scalar('totimespan("nonsense")'), null);
  });

  it('endof* is one tick before the next period, and sub-millisecond differences count (datetime-diff-function.md)', () => {
    assert.equal(scalar('endofday(datetime(2017-01-01 10:10:17))'), '2017-01-01T23:59:59.9999999Z');
    assert.equal(scalar('endofweek(datetime(2017-01-01 10:10:17), 1)'), '2017-01-14T23:59:59.9999999Z');
    assert.equal(scalar('endofmonth(datetime(2017-02-01 10:10:17), 1)'), '2017-03-31T23:59:59.9999999Z');
    assert.equal(scalar('endofyear(datetime(2017-01-01 10:10:17), -1)'), '2016-12-31T23:59:59.9999999Z');
    assert.equal(
      scalar(
        "datetime_diff('microsecond', datetime(2017-10-30 23:00:00.1009001), datetime(2017-10-30 23:00:00.1008009))",
      ),
      100,
    );
    assert.equal(
      scalar(
        "datetime_diff('nanosecond', datetime(2017-10-30 23:00:00.0000000), datetime(2017-10-30 23:00:00.0000007))",
      ),
      -700,
    );
    assert.equal(
      scalar(
        "datetime_diff('millisecond', datetime(2017-10-30 23:00:00.200100), datetime(2017-10-30 23:00:00.100900))",
      ),
      100,
    );
  });
});
