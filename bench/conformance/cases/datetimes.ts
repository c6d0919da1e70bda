import { table, value, type ConformanceCase } from '../caseTypes';

/**
 * datetime and timespan examples. Each answer restates what the named reference page prints
 * for its example (one case per output column, so one missing unit does not hide the rest).
 */
const DIFF = 'datetime-diff-function.md';
const PART = 'datetime-part-function.md';
const ADD = 'datetime-add-function.md';
const PART_DT = 'datetime(2017-10-30 01:02:03.7654321)';
const jan1 = 'make_datetime(2017,1,1)';

export const datetimeCases: ConformanceCase[] = [
  value(DIFF, "datetime_diff('year',datetime(2017-01-01),datetime(2000-12-31))", 17),
  value(DIFF, "datetime_diff('quarter',datetime(2017-07-01),datetime(2017-03-30))", 2),
  value(DIFF, "datetime_diff('month',datetime(2017-01-01),datetime(2015-12-30))", 13),
  value(DIFF, "datetime_diff('week',datetime(2017-10-29 00:00),datetime(2017-09-30 23:59))", 5),
  value(DIFF, "datetime_diff('day',datetime(2017-10-29 00:00),datetime(2017-09-30 23:59))", 29),
  value(DIFF, "datetime_diff('hour',datetime(2017-10-31 01:00),datetime(2017-10-30 23:59))", 2),
  value(DIFF, "datetime_diff('minute',datetime(2017-10-30 23:05:01),datetime(2017-10-30 23:00:59))", 5),
  value(
    DIFF,
    "datetime_diff('second',datetime(2017-10-30 23:00:10.100),datetime(2017-10-30 23:00:00.900))",
    10,
  ),
  value(
    DIFF,
    "datetime_diff('millisecond',datetime(2017-10-30 23:00:00.200100),datetime(2017-10-30 23:00:00.100900))",
    100,
  ),
  value(
    DIFF,
    "datetime_diff('microsecond',datetime(2017-10-30 23:00:00.1009001),datetime(2017-10-30 23:00:00.1008009))",
    100,
  ),
  value(
    DIFF,
    "datetime_diff('nanosecond',datetime(2017-10-30 23:00:00.0000000),datetime(2017-10-30 23:00:00.0000007))",
    -700,
  ),

  value(PART, `datetime_part("year", ${PART_DT})`, 2017),
  value(PART, `datetime_part("quarter", ${PART_DT})`, 4),
  value(PART, `datetime_part("month", ${PART_DT})`, 10),
  value(PART, `datetime_part("week_of_year", ${PART_DT})`, 44),
  value(PART, `datetime_part("day", ${PART_DT})`, 30),
  value(PART, `datetime_part("dayOfYear", ${PART_DT})`, 303),
  value(PART, `datetime_part("hour", ${PART_DT})`, 1),
  value(PART, `datetime_part("minute", ${PART_DT})`, 2),
  value(PART, `datetime_part("second", ${PART_DT})`, 3),
  value(PART, `datetime_part("millisecond", ${PART_DT})`, 765),
  value(PART, `datetime_part("microsecond", ${PART_DT})`, 765432),
  value(PART, `datetime_part("nanosecond", ${PART_DT})`, 765432100),

  value(ADD, `datetime_add('year',1,${jan1})`, '2018-01-01T00:00:00Z'),
  value(ADD, `datetime_add('quarter',1,${jan1})`, '2017-04-01T00:00:00Z'),
  value(ADD, `datetime_add('month',1,${jan1})`, '2017-02-01T00:00:00Z'),
  value(ADD, `datetime_add('week',1,${jan1})`, '2017-01-08T00:00:00Z'),
  value(ADD, `datetime_add('day',1,${jan1})`, '2017-01-02T00:00:00Z'),
  value(ADD, `datetime_add('hour',1,${jan1})`, '2017-01-01T01:00:00Z'),
  value(ADD, `datetime_add('minute',1,${jan1})`, '2017-01-01T00:01:00Z'),
  value(ADD, `datetime_add('second',1,${jan1})`, '2017-01-01T00:00:01Z'),
  value(ADD, `datetime_add('year',-5,${jan1})`, '2012-01-01T00:00:00Z'),
  value(ADD, `datetime_add('quarter',12,${jan1})`, '2020-01-01T00:00:00Z'),
  value(ADD, `datetime_add('month',-15,${jan1})`, '2015-10-01T00:00:00Z'),
  value(ADD, `datetime_add('week',100,${jan1})`, '2018-12-02T00:00:00Z'),

  value(
    'format-datetime-function.md',
    "format_datetime(datetime(2017-01-29 09:00:05),'yy-MM-dd [HH:mm:ss]')",
    '17-01-29 [09:00:05]',
  ),
  value(
    'format-datetime-function.md',
    "format_datetime(datetime(2017-01-29 09:00:05),'yyyy-M-dd [H:mm:ss]')",
    '2017-1-29 [9:00:05]',
  ),
  value(
    'format-datetime-function.md',
    "format_datetime(datetime(2017-01-29 09:00:05),'yy-MM-dd [hh:mm:ss tt]')",
    '17-01-29 [09:00:05 AM]',
  ),
  value(
    'format-timespan-function.md',
    "format_timespan(time(29.09:00:05.12345),'dd.hh:mm:ss:FF')",
    '29.09:00:05:12',
  ),
  value(
    'format-timespan-function.md',
    "format_timespan(time(29.09:00:05.12345),'ddd.h:mm:ss [fffffff]')",
    '029.9:00:05 [1234500]',
  ),

  value('make-datetime-function.md', 'make_datetime(2017,10,01,12,10)', '2017-10-01T12:10:00Z'),
  value('make-datetime-function.md', 'make_datetime(2017,10,01)', '2017-10-01T00:00:00Z'),
  value('totimespan-function.md', 'totimespan("0.00:03:00")', '00:03:00'),
  value('totimespan-function.md', 'totimespan(4d)', '4.00:00:00'),
  value('totimespan-function.md', 'totimespan(5 * 1h)', '05:00:00'),
  value('totimespan-function.md', 'totimespan(5 * 2m)', '00:10:00'),
  value('totimespan-function.md', 'totimespan(5 * 4s)', '00:00:20'),
  value('totimespan-function.md', 'timespan(25min)', '00:25:00'),
  value('todatetime-function.md', 'todatetime("2015-12-24")', '2015-12-24T00:00:00Z'),
  value('todatetime-function.md', 'todatetime("invalid")', null),
  value(
    'unixtime-seconds-todatetime-function.md',
    'unixtime_seconds_todatetime(1546300800)',
    '2019-01-01T00:00:00Z',
  ),
  value(
    'unixtime-milliseconds-todatetime-function.md',
    'unixtime_milliseconds_todatetime(1546300800000)',
    '2019-01-01T00:00:00Z',
  ),
  value(
    'unixtime-microseconds-todatetime-function.md',
    'unixtime_microseconds_todatetime(1546300800000000)',
    '2019-01-01T00:00:00Z',
  ),
  value(
    'unixtime-nanoseconds-todatetime-function.md',
    'unixtime_nanoseconds_todatetime(1546300800000000000)',
    '2019-01-01T00:00:00Z',
  ),

  value('datetime-timespan-arithmetic.md', 'datetime(1997-06-25) - datetime(1910-06-11)', '31791.00:00:00'),
  value('datetime-timespan-arithmetic.md', 'datetime(1910-06-11) - datetime(1997-06-25)', '-31791.00:00:00'),
  value('datetime-timespan-arithmetic.md', 'datetime(2024-01-01) + 1d', '2024-01-02T00:00:00Z'),
  value('datetime-timespan-arithmetic.md', 'datetime(2024-01-01) - 1h', '2023-12-31T23:00:00Z'),
  value('datetime-timespan-arithmetic.md', '1d / 1h', 24),
  value('datetime-timespan-arithmetic.md', '2h * 1.5', '03:00:00'),
  value('datetime-timespan-arithmetic.md', '1d - 1h', '23:00:00'),
  value('datetime-timespan-arithmetic.md', '(datetime(2024-01-02) - datetime(2024-01-01)) / 1h', 24),
  value(
    'datetime-timespan-arithmetic.md',
    'datetime(2024-01-01 00:00:00.0000001) - datetime(2024-01-01)',
    '00:00:00.0000001',
  ),
  value(
    'datetime-timespan-arithmetic.md',
    'datetime(2024-01-01 00:00:00.1234567) + 1tick',
    '2024-01-01T00:00:00.1234568Z',
  ),

  value('bin-function.md', 'bin(4.5, 1)', 4),
  value('bin-function.md', 'bin(time(16d), 7d)', '14.00:00:00'),
  value('bin-function.md', 'bin(datetime(1970-05-11 13:45:07), 1d)', '1970-05-11T00:00:00Z'),
  value('bin-function.md', 'bin(datetime(1970-05-11 13:45:07.456), 1s)', '1970-05-11T13:45:07Z'),
  value('bin-function.md', 'floor(datetime(2024-03-03 10:20:30), 1h)', '2024-03-03T10:00:00Z'),
  value('bin-at-function.md', 'bin_at(6.5, 2.5, 7)', 4.5),
  value('bin-at-function.md', 'bin_at(1h, 1d, 12h)', '-12:00:00'),
  value(
    'bin-at-function.md',
    'bin_at(datetime(2017-05-15 10:20:00.0), 1d, datetime(1970-01-01 12:00:00.0))',
    '2017-05-14T12:00:00Z',
  ),

  value('startofday-function.md', 'startofday(datetime(2017-01-01 10:10:17))', '2017-01-01T00:00:00Z'),
  value('startofday-function.md', 'startofday(datetime(2017-01-01 10:10:17), -1)', '2016-12-31T00:00:00Z'),
  value('startofday-function.md', 'startofday(datetime(2017-01-01 10:10:17), 1)', '2017-01-02T00:00:00Z'),
  value('startofweek-function.md', 'startofweek(datetime(2017-01-01 10:10:17), 1)', '2017-01-08T00:00:00Z'),
  value(
    'startofmonth-function.md',
    'startofmonth(datetime(2017-01-01 10:10:17), -1)',
    '2016-12-01T00:00:00Z',
  ),
  value('startofyear-function.md', 'startofyear(datetime(2017-01-01 10:10:17), 1)', '2018-01-01T00:00:00Z'),
  value('endofday-function.md', 'endofday(datetime(2017-01-01 10:10:17))', '2017-01-01T23:59:59.9999999Z'),
  value(
    'endofday-function.md',
    'endofday(datetime(2017-01-01 10:10:17), -1)',
    '2016-12-31T23:59:59.9999999Z',
  ),
  value('endofweek-function.md', 'endofweek(datetime(2017-01-01 10:10:17))', '2017-01-07T23:59:59.9999999Z'),
  value(
    'endofmonth-function.md',
    'endofmonth(datetime(2017-01-01 10:10:17))',
    '2017-01-31T23:59:59.9999999Z',
  ),
  value('endofyear-function.md', 'endofyear(datetime(2017-01-01 10:10:17))', '2017-12-31T23:59:59.9999999Z'),

  value('day-of-week-function.md', 'dayofweek(datetime(1947-11-30 10:00:05))', '00:00:00'),
  value('day-of-week-function.md', 'dayofweek(datetime(1970-05-11))', '1.00:00:00'),
  value('day-of-month-function.md', 'dayofmonth(datetime(2015-12-14))', 14),
  value('datetime-part-function.md', 'dayofyear(datetime(2015-12-14))', 348),
  value('monthofyear-function.md', 'monthofyear(datetime(2015-12-14))', 12),
  value('datetime-part-function.md', 'getyear(datetime(2015-10-12))', 2015),
  value('monthofyear-function.md', 'getmonth(datetime(2015-10-12))', 10),
  value('datetime-part-function.md', 'hourofday(datetime(2015-12-14 18:54))', 18),
  value('week-of-year-function.md', 'week_of_year(datetime(2020-12-31))', 53),
  value('week-of-year-function.md', 'week_of_year(datetime(2020-06-15))', 25),
  value('week-of-year-function.md', 'week_of_year(datetime(1970-01-01))', 1),
  value('week-of-year-function.md', 'week_of_year(datetime(2000-01-01))', 52),

  value('ago-function.md', 'ago(1h) == now() - 1h', true),
  value('now-function.md', 'now(-2d) == now() - 2d', true),
  value('datetime-timespan-arithmetic.md', 'datetime(null)', null),
  value('totimespan-function.md', 'time(null)', null),
  value('totimespan-function.md', '2d', '2.00:00:00'),
  value('totimespan-function.md', '1.5h', '01:30:00'),
  value('totimespan-function.md', '30m', '00:30:00'),
  value('totimespan-function.md', '10s', '00:00:10'),
  value('totimespan-function.md', '0.1s', '00:00:00.1000000'),
  value('totimespan-function.md', '100ms', '00:00:00.1000000'),
  value('totimespan-function.md', '10microsecond', '00:00:00.0000100'),
  value('totimespan-function.md', '1tick', '00:00:00.0000001'),
  value('totimespan-function.md', 'time(0.12:34:56.7)', '12:34:56.7000000'),
  value('totimespan-function.md', "time('12:34:56')", '12:34:56'),
  table('datetime-timespan-arithmetic.md', 'print d = datetime(2015-12-31 23:59:59.9)', [
    ['2015-12-31T23:59:59.9000000Z'],
  ]),
  table('datetime-timespan-arithmetic.md', 'print d = datetime(2024-01-01T00:00:00.1234567Z)', [
    ['2024-01-01T00:00:00.1234567Z'],
  ]),
  // Weekly bins start on Mondays: bin() counts from 0001-01-01 (tutorials/use-aggregation-functions.md).
  table(
    'tutorials/use-aggregation-functions.md',
    'datatable(StartTime:datetime, DamageCrops:long)[datetime(2007-01-03 10:00), 5, datetime(2007-01-09), 1, datetime(2007-01-10), 2] | summarize EventCount = count() by bin(StartTime, 7d)',
    [
      ['2007-01-01T00:00:00Z', 1],
      ['2007-01-08T00:00:00Z', 2],
    ],
  ),
  value(
    'bin-at-function.md',
    'bin_at(datetime(2017-05-17 10:20:00.0), 7d, datetime(2017-06-04 00:00:00.0))',
    '2017-05-14T00:00:00Z',
  ),
  // summarize has no defined row order; the sort only fixes the documented one.
  table(
    'bin-at-function.md',
    'datatable(Date:datetime, NumOfEvents:int)[datetime(2018-02-24T15:14),3, datetime(2018-02-24T15:24),4, datetime(2018-02-23T16:14),4, datetime(2018-02-23T17:29),4, datetime(2018-02-26T15:14),5] | summarize TotalEvents=sum(NumOfEvents) by bin_at(Date, 1d, datetime(2018-02-24 15:14:00.0000000)) | order by Date asc',
    [
      ['2018-02-23T15:14:00Z', 8],
      ['2018-02-24T15:14:00Z', 7],
      ['2018-02-26T15:14:00Z', 5],
    ],
  ),
  table(
    'bin-auto-function.md',
    'set query_bin_auto_size=1h; set query_bin_auto_at=datetime(2017-01-01 00:05); range Timestamp from datetime(2017-01-01 00:05) to datetime(2017-01-01 02:00) step 1m | summarize count() by bin_auto(Timestamp) | order by Timestamp asc',
    [
      ['2017-01-01T00:05:00Z', 60],
      ['2017-01-01T01:05:00Z', 56],
    ],
  ),
];
