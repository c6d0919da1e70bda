import { table, type ConformanceCase } from '../caseTypes';

/** evaluate plugins: each answer restates what the named reference page prints for its example. */
const BU = 'bag-unpack-plugin.md';
const PEOPLE =
  'datatable(d:dynamic)[dynamic({"Name": "John", "Age":20}), dynamic({"Name": "Dave", "Age":40}), dynamic({"Name": "Jasmine", "Age":30})]';
const NAMED = (second: string) =>
  `datatable(Name:string, d:dynamic)['James', dynamic({"Name": "John", "Age":20}), 'David', dynamic(${second}), 'Emily', dynamic({"Name": "Jasmine", "Age":30})]`;

// The lookup table and addresses of ipv4-lookup-plugin.md's examples.
const IP_DATA =
  'let IP_Data = datatable(network:string, continent_code:string ,continent_name:string, country_iso_code:string, country_name:string)["111.68.128.0/17","AS","Asia","JP","Japan", "5.8.0.0/19","EU","Europe","RU","Russia", "223.255.254.0/24","AS","Asia","SG","Singapore", "46.36.200.51/32","OC","Oceania","CK","Cook Islands", "2.20.183.0/24","EU","Europe","GB","United Kingdom"]; let IPs = datatable(ip:string)["2.20.183.12", "5.8.1.2", "192.165.12.17"];';

// The lookup table and addresses of ipv6-lookup-plugin.md's examples. The page prints the lookup's
// columns before the input's, where the binder (and ipv4-lookup-plugin.md) put the input's first;
// the project puts them in the page's order so that the values are what is compared.
const IP6_DATA =
  'let IP_Data = datatable(network:string, continent_code:string ,continent_name:string, country_iso_code:string, country_name:string)["2001:0db8:85a3::/48","NA","North America","US","United States", "2404:6800:4001::/48","AS","Asia","JP","Japan", "2a00:1450:4001::/48","EU","Europe","DE","Germany", "2800:3f0:4001::/48","SA","South America","BR","Brazil", "2c0f:fb50:4001::/48","AF","Africa","ZA","South Africa", "2607:f8b0:4001::/48","NA","North America","CA","Canada", "2a02:26f0:4001::/48","EU","Europe","FR","France", "2400:cb00:4001::/48","AS","Asia","IN","India", "2801:0db8:85a3::/48","SA","South America","AR","Argentina", "2a03:2880:4001::/48","EU","Europe","GB","United Kingdom"]; let IPs = datatable(ip:string)["2001:0db8:85a3:0000:0000:8a2e:0370:7334", "2404:6800:4001:0001:0000:8a2e:0370:7334", "2a02:26f0:4001:0006:0000:8a2e:0370:7334", "a5e:f127:8a9d:146d:e102:b5d3:c755:abcd", "a5e:f127:8a9d:146d:e102:b5d3:c755:abce"];';
const IP6_ORDER = '| project network, continent_code, continent_name, country_iso_code, country_name, ip';
const IP6_MATCHED = [
  [
    '2001:0db8:85a3::/48',
    'NA',
    'North America',
    'US',
    'United States',
    '2001:0db8:85a3:0000:0000:8a2e:0370:7334',
  ],
  ['2404:6800:4001::/48', 'AS', 'Asia', 'JP', 'Japan', '2404:6800:4001:0001:0000:8a2e:0370:7334'],
  ['2a02:26f0:4001::/48', 'EU', 'Europe', 'FR', 'France', '2a02:26f0:4001:0006:0000:8a2e:0370:7334'],
];

export const pluginCases: ConformanceCase[] = [
  table(
    'ipv6-lookup-plugin.md',
    `${IP6_DATA} IPs | evaluate ipv6_lookup(IP_Data, ip, network) ${IP6_ORDER}`,
    IP6_MATCHED,
  ),
  table(
    'ipv6-lookup-plugin.md',
    `${IP6_DATA} IPs | evaluate ipv6_lookup(IP_Data, ip, network, true) ${IP6_ORDER}`,
    [
      ...IP6_MATCHED,
      ['', '', '', '', '', 'a5e:f127:8a9d:146d:e102:b5d3:c755:abcd'],
      ['', '', '', '', '', 'a5e:f127:8a9d:146d:e102:b5d3:c755:abce'],
    ],
  ),
  table(BU, `${PEOPLE} | evaluate bag_unpack(d)`, [
    [20, 'John'],
    [40, 'Dave'],
    [30, 'Jasmine'],
  ]),
  table(BU, `${PEOPLE} | evaluate bag_unpack(d, 'Property_')`, [
    [20, 'John'],
    [40, 'Dave'],
    [30, 'Jasmine'],
  ]),
  table(BU, `${NAMED('{ "Age":40}')} | evaluate bag_unpack(d, columnsConflict='replace_source')`, [
    ['John', 20],
    ['', 40],
    ['Jasmine', 30],
  ]),
  table(
    BU,
    `${NAMED('{"Name": "Dave", "Age":40}')} | evaluate bag_unpack(d, columnsConflict='keep_source')`,
    [
      ['James', 20],
      ['David', 40],
      ['Emily', 30],
    ],
  ),
  table(
    BU,
    'datatable(d:dynamic)[dynamic({"Name": "John", "Age":20}), dynamic({ "Name": "Dave", "Height": 170, "Age":40}), dynamic({"Name": "Jasmine", "Age":30})] | evaluate bag_unpack(d)',
    [
      [20, null, 'John'],
      [40, 170, 'Dave'],
      [30, null, 'Jasmine'],
    ],
  ),
  table(
    BU,
    'datatable(d:dynamic, Description: string)[dynamic({"Name": "John", "Age":20, "height":180}), "Student", dynamic({"Name": "Dave", "Age":40, "height":160}), "Teacher", dynamic({"Name": "Jasmine", "Age":30, "height":172}), "Student"] | evaluate bag_unpack(d) : (*, Name:string, Age:long)',
    [
      ['Student', 'John', 20],
      ['Teacher', 'Dave', 40],
      ['Student', 'Jasmine', 30],
    ],
  ),
  table('ipv4-lookup-plugin.md', `${IP_DATA} IPs | evaluate ipv4_lookup(IP_Data, ip, network)`, [
    ['2.20.183.12', '2.20.183.0/24', 'EU', 'Europe', 'GB', 'United Kingdom'],
    ['5.8.1.2', '5.8.0.0/19', 'EU', 'Europe', 'RU', 'Russia'],
  ]),
  table(
    'ipv4-lookup-plugin.md',
    `${IP_DATA} IPs | evaluate ipv4_lookup(IP_Data, ip, network, return_unmatched = true)`,
    [
      ['2.20.183.12', '2.20.183.0/24', 'EU', 'Europe', 'GB', 'United Kingdom'],
      ['5.8.1.2', '5.8.0.0/19', 'EU', 'Europe', 'RU', 'Russia'],
      ['192.165.12.17', '', '', '', '', ''],
    ],
  ),
  // narrow-plugin.md rotates one wide row of `.show diagnostics`; these are a few of its cells,
  // one of each type the page shows, rebuilt with print since the command is not a query.
  table(
    'narrow-plugin.md',
    'print IsHealthy=true, IsRebalanceRequired=false, MachinesTotal=2, NodeLastRestartedOn=datetime(2017-03-14 10:59:18.9263023), ClusterWarmDataCapacityFactor=0.130552847673333, TotalOriginalDataSize=5167628070, BuildVersion="1.0.6281.19882", ProductVersion="KustoRelease_2017.03.13.2" | evaluate narrow()',
    [
      [0, 'IsHealthy', 'True'],
      [0, 'IsRebalanceRequired', 'False'],
      [0, 'MachinesTotal', '2'],
      [0, 'NodeLastRestartedOn', '2017-03-14 10:59:18.9263023'],
      [0, 'ClusterWarmDataCapacityFactor', '0.130552847673333'],
      [0, 'TotalOriginalDataSize', '5167628070'],
      [0, 'BuildVersion', '1.0.6281.19882'],
      [0, 'ProductVersion', 'KustoRelease_2017.03.13.2'],
    ],
  ),
  table(
    'rows-near-plugin.md',
    `datatable (Timestamp:datetime, Value:long, State:string)[${[
      [1, 1, 'Success'],
      [2, 4, 'Success'],
      [3, 3, 'Success'],
      [4, 11, 'Success'],
      [5, 15, 'Success'],
      [6, 2, 'Success'],
      [7, 19, 'Error'],
      [8, 12, 'Success'],
      [9, 7, 'Success'],
      [10, 9, 'Success'],
      [11, 4, 'Success'],
      [12, 1, 'Success'],
    ]
      .map(([d, v, s]) => `datetime(2021-06-${String(d).padStart(2, '0')}), ${v}, "${s}"`)
      .join(', ')}] | sort by Timestamp asc | evaluate rows_near(State == "Error", 2)`,
    [
      ['2021-06-05 00:00:00.0000000', 15, 'Success'],
      ['2021-06-06 00:00:00.0000000', 2, 'Success'],
      ['2021-06-07 00:00:00.0000000', 19, 'Error'],
      ['2021-06-08 00:00:00.0000000', 12, 'Success'],
      ['2021-06-09 00:00:00.0000000', 7, 'Success'],
    ],
  ),
  table(
    'dcount-intersect-plugin.md',
    'range x from 1 to 100 step 1 | extend isEven = (x % 2 == 0), isMod3 = (x % 3 == 0), isMod5 = (x % 5 == 0) | summarize hll_even = hll(iif(isEven, x, 0), 2), hll_mod3 = hll(iif(isMod3, x, 0), 2), hll_mod5 = hll(iif(isMod5, x, 0), 2) | evaluate dcount_intersect(hll_even, hll_mod3, hll_mod5) | project evenNumbers = s0 - 1, even_and_mod3 = s1 - 1, even_and_mod3_and_mod5 = s2 - 1',
    [[50, 16, 3]],
  ),
  table(
    'sliding-window-counts-plugin.md',
    `let start = datetime(2017 - 08 - 01); let end = datetime(2017 - 08 - 07);  let lookbackWindow = 3d;   let bin = 1d; let T = datatable(UserId: string, Timestamp: datetime)     [     'Bob', datetime(2017 - 08 - 01),      'David', datetime(2017 - 08 - 01),      'David', datetime(2017 - 08 - 01),      'John', datetime(2017 - 08 - 01),      'Bob', datetime(2017 - 08 - 01),      'Ananda', datetime(2017 - 08 - 02),       'Atul', datetime(2017 - 08 - 02),      'John', datetime(2017 - 08 - 02),      'Ananda', datetime(2017 - 08 - 03),      'Atul', datetime(2017 - 08 - 03),      'Atul', datetime(2017 - 08 - 03),      'John', datetime(2017 - 08 - 03),      'Bob', datetime(2017 - 08 - 03),      'Betsy', datetime(2017 - 08 - 04),      'Bob', datetime(2017 - 08 - 05),  ]; T | evaluate sliding_window_counts(UserId, Timestamp, start, end, lookbackWindow, bin)`,
    [
      ['2017-08-01 00:00:00.0000000', 5, 3],
      ['2017-08-02 00:00:00.0000000', 8, 5],
      ['2017-08-03 00:00:00.0000000', 13, 5],
      ['2017-08-04 00:00:00.0000000', 9, 5],
      ['2017-08-05 00:00:00.0000000', 7, 5],
      ['2017-08-06 00:00:00.0000000', 2, 2],
      ['2017-08-07 00:00:00.0000000', 1, 1],
    ],
  ),
  table(
    'activity-counts-metrics-plugin.md',
    `let start=datetime(2017-08-01); let end=datetime(2017-08-04); let window=1d; let T = datatable(UserId:string, Timestamp:datetime) [ 'A', datetime(2017-08-01), 'D', datetime(2017-08-01), 'J', datetime(2017-08-01), 'B', datetime(2017-08-01), 'C', datetime(2017-08-02), 'T', datetime(2017-08-02), 'J', datetime(2017-08-02), 'H', datetime(2017-08-03), 'T', datetime(2017-08-03), 'T', datetime(2017-08-03), 'J', datetime(2017-08-03), 'B', datetime(2017-08-03), 'S', datetime(2017-08-03), 'S', datetime(2017-08-04), ];  T  | evaluate activity_counts_metrics(UserId, Timestamp, start, end, window)`,
    [
      ['2017-08-01 00:00:00.0000000', 4, 4, 4, 4],
      ['2017-08-02 00:00:00.0000000', 3, 3, 2, 6],
      ['2017-08-03 00:00:00.0000000', 6, 5, 2, 8],
      ['2017-08-04 00:00:00.0000000', 1, 1, 0, 8],
    ],
  ),
  table(
    'active-users-count-plugin.md',
    `let Start = datetime(2018-07-01); let End = datetime(2018-07-31); let LookbackWindow = 8d; let Period = 1d; let ActivePeriods = 3; let Bin = 7d; let T =  datatable(User:string, Timestamp:datetime) [     "B",      datetime(2018-06-29),     "B",      datetime(2018-06-30),     "A",      datetime(2018-07-02),     "B",      datetime(2018-07-04),     "B",      datetime(2018-07-08),     "A",      datetime(2018-07-10),     "A",      datetime(2018-07-14),     "A",      datetime(2018-07-17),     "A",      datetime(2018-07-20),     "B",      datetime(2018-07-24) ]; T | evaluate active_users_count(User, Timestamp, Start, End, LookbackWindow, Period, ActivePeriods, Bin)`,
    [
      ['2018-07-01 00:00:00.0000000', 1],
      ['2018-07-15 00:00:00.0000000', 1],
    ],
  ),
  table(
    'rolling-percentile-plugin.md',
    'let T = range idx from 0 to 24 * 10 - 1 step 1 | project Timestamp = datetime(2018-01-01) + 1h * idx, val=idx + 1 | extend EvenOrOdd = iff(val % 2 == 0, "Even", "Odd"); T | evaluate rolling_percentile(val, 50, Timestamp, 1d, 3)',
    [12, 24, 36, 60, 84, 108, 132, 156, 180, 204].map((v, i) => [
      `2018-01-${String(i + 1).padStart(2, '0')} 00:00:00.0000000`,
      v,
    ]),
  ),
  // The page lists Even before Odd; the query orders them so.
  table(
    'rolling-percentile-plugin.md',
    'let T = range idx from 0 to 24 * 10 - 1 step 1 | project Timestamp = datetime(2018-01-01) + 1h * idx, val=idx + 1 | extend EvenOrOdd = iff(val % 2 == 0, "Even", "Odd"); T | evaluate rolling_percentile(val, 50, Timestamp, 1d, 3, EvenOrOdd) | order by EvenOrOdd asc, Timestamp asc',
    [
      ...[12, 24, 36, 60, 84, 108, 132, 156, 180, 204].map((v, i) => [
        `2018-01-${String(i + 1).padStart(2, '0')} 00:00:00.0000000`,
        'Even',
        v,
      ]),
      ...[11, 23, 35, 59, 83, 107, 131, 155, 179, 203].map((v, i) => [
        `2018-01-${String(i + 1).padStart(2, '0')} 00:00:00.0000000`,
        'Odd',
        v,
      ]),
    ],
  ),
];
