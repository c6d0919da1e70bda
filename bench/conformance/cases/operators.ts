import { table, type ConformanceCase } from '../caseTypes';

/** Tabular operators: each answer restates what the named reference page prints for its example. */
const MS = 'make-series-operator.md';
const MS_DATA = `let data=datatable(timestamp:datetime, metric: real)[
  datetime(2016-12-31T06:00), 50, datetime(2017-01-01), 4, datetime(2017-01-02), 3, datetime(2017-01-03), 4,
  datetime(2017-01-03T03:00), 6, datetime(2017-01-05), 8, datetime(2017-01-05T13:40), 13, datetime(2017-01-06), 4,
  datetime(2017-01-07), 3, datetime(2017-01-08), 8, datetime(2017-01-08T21:00), 8, datetime(2017-01-09), 2,
  datetime(2017-01-09T12:00), 11, datetime(2017-01-10T05:00), 5];
let interval = 1d; let stime = datetime(2017-01-01); let etime = datetime(2017-01-10);
data`;
const MV = 'mv-expand-operator.md';
const MV_BAGS =
  'datatable (a: int, b: dynamic)[1, dynamic({"prop1": "a1", "prop2": "b1"}), 2, dynamic({"prop1": "a2", "prop2": "b2"})]';
const MS_AXIS = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((d) => `2017-01-0${d}T00:00:00.0000000Z`);

export const operatorCases: ConformanceCase[] = [
  table(MS, `${MS_DATA} | make-series avg(metric) on timestamp from stime to etime step interval`, [
    [[4.0, 3.0, 5.0, 0.0, 10.5, 4.0, 3.0, 8.0, 6.5], MS_AXIS],
  ]),
  table(
    MS,
    `${MS_DATA} | take 0 | make-series avg(metric) default=1.0 on timestamp from stime to etime step interval | count`,
    [[0]],
  ),
  table(
    MS,
    `${MS_DATA} | take 0 | make-series kind=nonempty avg(metric) default=1.0 on timestamp from stime to etime step interval`,
    [[[1, 1, 1, 1, 1, 1, 1, 1, 1], MS_AXIS]],
  ),
  table(
    MS,
    `let startDate = datetime(2025-01-06); let endDate = datetime(2025-02-09);
let data = datatable(Time: datetime, Value: int, other:int)[datetime(2025-01-07), 10, 11, datetime(2025-01-16), 20, 21, datetime(2025-02-01), 30, 5];
data
| make-series Value=sum(Value), other=-1 default=-2 on Time from startDate to endDate step 7d
| mv-expand Value, Time, other
| extend Time=todatetime(Time), Value=toint(Value), other=toint(other)
| project-reorder Time, Value, other`,
    [
      ['2025-01-06T00:00:00Z', 10, -1],
      ['2025-01-13T00:00:00Z', 20, -1],
      ['2025-01-20T00:00:00Z', 0, -2],
      ['2025-01-27T00:00:00Z', 30, -1],
      ['2025-02-03T00:00:00Z', 0, -2],
    ],
  ),
  table(MV, "datatable (a: int, b: dynamic)[1, dynamic([10, 20]), 2, dynamic(['a', 'b'])] | mv-expand b", [
    [1, 10],
    [1, 20],
    [2, 'a'],
    [2, 'b'],
  ]),
  table(MV, `${MV_BAGS} | mv-expand b`, [
    [1, { prop1: 'a1' }],
    [1, { prop2: 'b1' }],
    [2, { prop1: 'a2' }],
    [2, { prop2: 'b2' }],
  ]),
  table(MV, `${MV_BAGS} | mv-expand kind=array b | extend key = b[0], val=b[1]`, [
    [1, ['prop1', 'a1'], 'prop1', 'a1'],
    [1, ['prop2', 'b1'], 'prop2', 'b1'],
    [2, ['prop1', 'a2'], 'prop1', 'a2'],
    [2, ['prop2', 'b2'], 'prop2', 'b2'],
  ]),
  table(
    MV,
    'datatable (a: int, b: dynamic, c: dynamic)[1, dynamic({"prop1": "a", "prop2": "b"}), dynamic([5, 4, 3])] | mv-expand b, c',
    [
      [1, { prop1: 'a' }, 5],
      [1, { prop2: 'b' }, 4],
      [1, null, 3],
    ],
  ),
  table(
    MV,
    'datatable (a: int, b: dynamic, c: dynamic)[1, dynamic({"prop1": "a", "prop2": "b"}), dynamic([5, 6])] | mv-expand b | mv-expand c',
    [
      [1, { prop1: 'a' }, 5],
      [1, { prop1: 'a' }, 6],
      [1, { prop2: 'b' }, 5],
      [1, { prop2: 'b' }, 6],
    ],
  ),
  table(MV, 'range x from 1 to 4 step 1 | summarize x = make_list(x) | mv-expand with_itemindex=Index x', [
    [1, 0],
    [2, 1],
    [3, 2],
    [4, 3],
  ]),
];
