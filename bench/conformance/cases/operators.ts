import { table, type ConformanceCase } from '../caseTypes';
import { DynamicText } from '../compare';

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
// The time axis both make-series examples print.
const MS_AXIS = new DynamicText(
  '[ "2017-01-01T00:00:00.0000000Z", "2017-01-02T00:00:00.0000000Z", "2017-01-03T00:00:00.0000000Z", "2017-01-04T00:00:00.0000000Z", "2017-01-05T00:00:00.0000000Z", "2017-01-06T00:00:00.0000000Z", "2017-01-07T00:00:00.0000000Z", "2017-01-08T00:00:00.0000000Z", "2017-01-09T00:00:00.0000000Z" ]',
);

export const operatorCases: ConformanceCase[] = [
  table(MS, `${MS_DATA} | make-series avg(metric) on timestamp from stime to etime step interval`, [
    [new DynamicText('[ 4.0, 3.0, 5.0, 0.0, 10.5, 4.0, 3.0, 8.0, 6.5 ]'), MS_AXIS],
  ]),
  table(
    MS,
    `${MS_DATA} | take 0 | make-series avg(metric) default=1.0 on timestamp from stime to etime step interval | count`,
    [[0]],
  ),
  table(
    MS,
    `${MS_DATA} | take 0 | make-series kind=nonempty avg(metric) default=1.0 on timestamp from stime to etime step interval`,
    [[new DynamicText('[1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0]'), MS_AXIS]],
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
    [1, new DynamicText('{"prop1": "a1"}')],
    [1, new DynamicText('{"prop2": "b1"}')],
    [2, new DynamicText('{"prop1": "a2"}')],
    [2, new DynamicText('{"prop2": "b2"}')],
  ]),
  table(MV, `${MV_BAGS} | mv-expand kind=array b | extend key = b[0], val=b[1]`, [
    [1, new DynamicText('["prop1","a1"]'), 'prop1', 'a1'],
    [1, new DynamicText('["prop2","b1"]'), 'prop2', 'b1'],
    [2, new DynamicText('["prop1","a2"]'), 'prop1', 'a2'],
    [2, new DynamicText('["prop2","b2"]'), 'prop2', 'b2'],
  ]),
  table(
    MV,
    'datatable (a: int, b: dynamic, c: dynamic)[1, dynamic({"prop1": "a", "prop2": "b"}), dynamic([5, 4, 3])] | mv-expand b, c',
    [
      [1, new DynamicText('{"prop1":"a"}'), 5],
      [1, new DynamicText('{"prop2":"b"}'), 4],
      [1, null, 3],
    ],
  ),
  table(
    MV,
    'datatable (a: int, b: dynamic, c: dynamic)[1, dynamic({"prop1": "a", "prop2": "b"}), dynamic([5, 6])] | mv-expand b | mv-expand c',
    [
      [1, new DynamicText('{  "prop1": "a"}'), 5],
      [1, new DynamicText('{  "prop1": "a"}'), 6],
      [1, new DynamicText('{  "prop2": "b"}'), 5],
      [1, new DynamicText('{  "prop2": "b"}'), 6],
    ],
  ),
  table(MV, 'range x from 1 to 4 step 1 | summarize x = make_list(x) | mv-expand with_itemindex=Index x', [
    [1, 0],
    [2, 1],
    [3, 2],
    [4, 3],
  ]),
  // Window functions: the examples of their pages.
  table('row-number-function.md', 'range a from 1 to 10 step 1 | sort by a desc | extend rn=row_number()', [
    [10, 1],
    [9, 2],
    [8, 3],
    [7, 4],
    [6, 5],
    [5, 6],
    [4, 7],
    [3, 8],
    [2, 9],
    [1, 10],
  ]),
  table('row-number-function.md', 'range a from 1 to 10 step 1 | sort by a desc | extend rn=row_number(7)', [
    [10, 7],
    [9, 8],
    [8, 9],
    [7, 10],
    [6, 11],
    [5, 12],
    [4, 13],
    [3, 14],
    [2, 15],
    [1, 16],
  ]),
  table(
    'row-number-function.md',
    'datatable (Airport:string, Airline:string, Departures:long)["TLV", "LH", 1, "TLV", "LY", 100, "SEA", "LH", 1, "SEA", "BA", 2, "SEA", "LY", 0] | sort by Airport asc, Departures desc | extend Rank=row_number(1, prev(Airport) != Airport)',
    [
      ['SEA', 'BA', 2, 1],
      ['SEA', 'LH', 1, 2],
      ['SEA', 'LY', 0, 3],
      ['TLV', 'LY', 100, 1],
      ['TLV', 'LH', 1, 2],
    ],
  ),
  table(
    'row-cumsum-function.md',
    'datatable (a:long) [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] | where a%2==0 | serialize cs=row_cumsum(a)',
    [
      [2, 2],
      [4, 6],
      [6, 12],
      [8, 20],
      [10, 30],
    ],
  ),
  table(
    'row-cumsum-function.md',
    'datatable (name:string, month:int, salary:long)["Alice", 1, 1000, "Bob", 1, 1000, "Alice", 2, 2000, "Bob", 2, 1950, "Alice", 3, 1400, "Bob", 3, 1450] | order by name asc, month asc | extend total=row_cumsum(salary, name != prev(name))',
    [
      ['Alice', 1, 1000, 1000],
      ['Alice', 2, 2000, 3000],
      ['Alice', 3, 1400, 4400],
      ['Bob', 1, 1000, 1000],
      ['Bob', 2, 1950, 2950],
      ['Bob', 3, 1450, 4400],
    ],
  ),
  table(
    'row-rank-dense-function.md',
    'datatable (Airport:string, Airline:string, Departures:long)["SEA", "LH", 3, "SEA", "LY", 100, "SEA", "UA", 3, "SEA", "BA", 2, "SEA", "EL", 3] | sort by Departures asc | extend Rank=row_rank_dense(Departures)',
    [
      ['SEA', 'BA', 2, 1],
      ['SEA', 'LH', 3, 2],
      ['SEA', 'UA', 3, 2],
      ['SEA', 'EL', 3, 2],
      ['SEA', 'LY', 100, 3],
    ],
  ),
  table(
    'row-rank-min-function.md',
    'datatable (Airport:string, Airline:string, Departures:long)["SEA", "LH", 3, "SEA", "LY", 100, "SEA", "UA", 3, "SEA", "BA", 2, "SEA", "EL", 3] | sort by Departures asc | extend Rank=row_rank_min(Departures)',
    [
      ['SEA', 'BA', 2, 1],
      ['SEA', 'LH', 3, 2],
      ['SEA', 'UA', 3, 2],
      ['SEA', 'EL', 3, 2],
      ['SEA', 'LY', 100, 5],
    ],
  ),
  // mv-apply: the examples of its page (pack_all from pack-all-function.md's example).
  table(
    'mv-apply-operator.md',
    'let data = datatable (index: int, Arr: dynamic)[0, dynamic([7]), 1, dynamic([6, 11, 7])]; data | mv-apply Arr2=Arr to typeof(long) on (take 100)',
    [
      [0, new DynamicText('[7]'), 7],
      [1, new DynamicText('[6, 11, 7]'), 6],
      [1, new DynamicText('[6, 11, 7]'), 11],
      [1, new DynamicText('[6, 11, 7]'), 7],
    ],
  ),
  table(
    'mv-apply-operator.md',
    'let data = datatable (index: int, Arr: dynamic)[0, dynamic([1, 5, 3]), 1, dynamic([10, 2, 5, 7])]; data | mv-apply topElem=Arr to typeof(long) on (top 1 by topElem)',
    [
      [0, new DynamicText('[1, 5, 3]'), 5],
      [1, new DynamicText('[10, 2, 5, 7]'), 10],
    ],
  ),
  table(
    'mv-apply-operator.md',
    'let data = datatable (index: int, Arr: dynamic)[0, dynamic([5, 1, 3]), 1, dynamic([4, 10, 8, 7])]; data | mv-apply Arr2=Arr to typeof(long) on (top 2 by Arr2 | summarize Top2=make_list(Arr2))',
    [
      [0, new DynamicText('[5, 1, 3]'), new DynamicText('[5, 3]')],
      [1, new DynamicText('[4, 10, 8, 7]'), new DynamicText('[10, 8]')],
    ],
  ),
  table(
    'mv-apply-operator.md',
    "datatable (Val:int, Arr1:dynamic, Arr2:dynamic)[1, dynamic(['A1', 'A2', 'A3']), dynamic([10, 30, 7]), 7, dynamic(['B1', 'B2', 'B5']), dynamic([15, 11, 50]), 3, dynamic(['C1', 'C2', 'C3', 'C4']), dynamic([6, 40, 20, 8])] | mv-apply NewArr1=Arr1, NewArr2=Arr2 to typeof(long) on (top 2 by NewArr2 | summarize NewArr1=make_list(NewArr1), NewArr2=make_list(NewArr2))",
    [
      // The page prints the first NewArr1 as ["A2',"A1"] (a stray quote), so that one stays compared by value.
      [
        1,
        new DynamicText('["A1","A2","A3"]'),
        new DynamicText('[10,30,7]'),
        ['A2', 'A1'],
        new DynamicText('[30,10]'),
      ],
      [
        7,
        new DynamicText('["B1","B2","B5"]'),
        new DynamicText('[15,11,50]'),
        new DynamicText('["B5","B1"]'),
        new DynamicText('[50,15]'),
      ],
      [
        3,
        new DynamicText('["C1","C2","C3","C4"]'),
        new DynamicText('[6,40,20,8]'),
        new DynamicText('["C2","C3"]'),
        new DynamicText('[40,20]'),
      ],
    ],
  ),
  table(
    'mv-apply-operator.md',
    'let data = datatable (row: int, Arr: dynamic)[0, dynamic([5, 1, 3]), 1, dynamic([4, 10, 8, 7])]; data | mv-apply with_itemindex=index value=Arr to typeof(long) on (where index >= 2)',
    [
      [0, new DynamicText('[5, 1, 3]'), 3, 2],
      [1, new DynamicText('[4, 10, 8, 7]'), 8, 2],
      [1, new DynamicText('[4, 10, 8, 7]'), 7, 3],
    ],
  ),
  table(
    'mv-apply-operator.md',
    "datatable (Val: int, Arr1: dynamic, Arr2: dynamic)[1, dynamic(['A1', 'A2']), dynamic(['B1', 'B2', 'B3']), 5, dynamic(['C1', 'C2']), dynamic(['D1'])] | mv-apply T1=Arr1, T2=Arr2 on (extend Out = strcat(T1, '_', T2) | summarize Out= make_list(Out))",
    [
      [
        1,
        new DynamicText('["A1","A2"]'),
        new DynamicText('["B1","B2","B3"]'),
        new DynamicText('["A1_B1","A2_B2","_B3"]'),
      ],
      [5, new DynamicText('["C1","C2"]'), new DynamicText('["D1"]'), new DynamicText('["C1_D1","C2_"]')],
    ],
  ),
  table(
    'mv-apply-operator.md',
    "datatable(Source: string, Target: string, Count: long)['555-1234', '555-1212', 46, '555-2424', '', int(null)] | extend Pack = pack_all() | mv-apply removeProperties = Pack on (mv-expand kind = array Pack | where Pack[1] !startswith '555' | summarize propsToRemove = make_set(Pack[0])) | extend values = bag_remove_keys(Pack, propsToRemove) | project-away propsToRemove",
    [
      [
        '555-1234',
        '555-1212',
        46,
        new DynamicText('{ "Source": "555-1234", "Target": "555-1212", "Count": 46 }'),
        new DynamicText('{ "Source": "555-1234", "Target": "555-1212" }'),
      ],
      [
        '555-2424',
        '',
        null,
        new DynamicText('{ "Source": "555-2424", "Target": "", "Count": null }'),
        new DynamicText('{ "Source": "555-2424" }'),
      ],
    ],
  ),
  table(
    'pack-all-function.md',
    "datatable(Source:string,Target:string,CharsCount:long)['555-1234','555-1212',46, '555-1313','',42, '','555-3456',74] | extend Packed=pack_all(), PackedIgnoreNullEmpty=pack_all(true) | project Packed, PackedIgnoreNullEmpty",
    [
      [
        new DynamicText('{ "Source":"555-1234", "Target":"555-1212", "CharsCount": 46 }'),
        new DynamicText('{ "Source":"555-1234", "Target":"555-1212", "CharsCount": 46 }'),
      ],
      [
        new DynamicText('{ "Source":"555-1313", "Target":"", "CharsCount": 42 }'),
        new DynamicText('{ "Source":"555-1313", "CharsCount": 42 }'),
      ],
      [
        new DynamicText('{ "Source":"", "Target":"555-3456", "CharsCount": 74 }'),
        new DynamicText('{ "Target":"555-3456", "CharsCount": 74 }'),
      ],
    ],
  ),
  table(
    'invoke-operator.md',
    'let clipped_average = (T:(x: long), lowPercentile:double, upPercentile:double) { let high = toscalar(T | summarize percentiles(x, upPercentile)); let low = toscalar(T | summarize percentiles(x, lowPercentile)); T | where x > low and x < high | summarize avg(x) }; range x from 1 to 100 step 1 | invoke clipped_average(5, 99)',
    [[52]],
  ),
  table(
    'union-operator.md',
    'let View_1 = view () { print x=1 }; let View_2 = view () { print x=toint(2) }; union withsource=TableName View_1, View_2',
    [
      ['View_1', 1, null],
      ['View_2', null, 2],
    ],
  ),
  // The page names View_1's column x_long1; the binder names it x_long, so this one is refused.
  table(
    'union-operator.md',
    'let View_1 = view () { print x=1 }; let View_2 = view () { print x=toint(2) }; let View_3 = view () { print x_long=3 }; union withsource=TableName View_1, View_2, View_3',
    [
      ['View_1', 1, null, null],
      ['View_2', null, 2, null],
      ['View_3', null, null, 3],
    ],
  ),
  ...projectByNamesCases(),
  // let-statement.md: a search with no source reads the query's views; only theirs have MyColumn.
  table(
    'let-statement.md',
    'let Range10 = view () { range MyColumn from 1 to 10 step 1 }; let Range20 = view () { range MyColumn from 1 to 20 step 1 }; search MyColumn == 5',
    [
      ['Range10', 5],
      ['Range20', 5],
    ],
  ),
];

/** project-by-names-operator.md: its five examples over the page's one-row table. */
function projectByNamesCases(): ConformanceCase[] {
  const doc = 'project-by-names-operator.md';
  const peter =
    "datatable(Name:string, Age:int, City:string, Country:string) ['Peter', 39, 'New York', 'USA']";
  const lookup = (columns: string) =>
    `let LookupTable = ${peter}; let LookupColumns = (Source:(Name:string), lookup_columns: dynamic) { Source | lookup LookupTable on Name | project-by-names column_names_of(Source), lookup_columns }; datatable(Name:string, Data:string) ['Peter', 'Source-data'] | invoke LookupColumns(dynamic(${columns}))`;
  return [
    table(doc, `${peter} | project-by-names "Name", "City"`, [['Peter', 'New York']]),
    table(doc, `${peter} | project-by-names dynamic(["Name", "Country"])`, [['Peter', 'USA']]),
    table(doc, `${peter} | project-by-names "C*"`, [['New York', 'USA']]),
    table(doc, lookup("['Country']"), [['Peter', 'Source-data', 'USA']]),
    table(doc, lookup("['Country', 'NonExistent']"), [['Peter', 'Source-data', 'USA']]),
  ];
}
