import { table, type ConformanceCase } from '../caseTypes';

/**
 * Ordered rows: serialize, the window functions and top-nested. Each answer restates what the
 * named reference page prints for its example. (The first examples of row_number, row_cumsum,
 * row_rank_* and every mv-apply example are in operators.ts.)
 *
 * Where a page runs over a sample table (TraceLogs, ConferenceSessions), the table here holds the
 * rows the page prints, in the order it prints them; where the page prints only the first rows of
 * a longer answer, `take` keeps as many.
 */

const SESSIONS = [
  ['Mon, May 6, 8:30-10:00 am', 'Vision Keynote - Satya Nadella', 'Keynote'],
  ['Mon, May 6, 1:20-1:40 pm', 'Azure Data Explorer: Advanced Time Series analysis', 'Expo Session'],
  [
    'Mon, May 6, 2:00-3:00 pm',
    "Azure's Data Platform - Powering Modern Applications and Cloud Scale Analytics at Petabyte Scale",
    'Breakout',
  ],
  ['Mon, May 6, 4:00-4:20 pm', 'How BASF is using Azure Data Services', 'Expo Session'],
  ['Mon, May 6, 6:50 - 7:10 pm', 'Azure Data Explorer: Operationalize your ML models', 'Expo Session'],
];
const sessionRows = (extra: string[][] = []) =>
  [...SESSIONS, ...extra].map(([time_and_duration, session_title, session_type]) => ({
    conference: 'Build 2019',
    time_and_duration,
    session_title,
    session_type,
  }));

const BLOB = (n: number) =>
  `""https://benchmarklogs3.blob.core.windows.net/benchmark/2014/IMAGINEFIRST0_1399_${n}.json.gz""`;
const TRACE = [
  [
    '2014-03-08T12:24:55.5464757Z',
    '757',
    'INGESTOR_GATEWAY',
    '$$IngestionCommand table=fogEvents format=json',
  ],
  ['2014-03-08T12:24:56.0929514Z', '757', 'DOWNLOADER', `Downloading file path: ${BLOB(0)}`],
  [
    '2014-03-08T12:25:40.3574831Z',
    '341',
    'INGESTOR_EXECUTER',
    `IngestionCompletionEvent: finished ingestion file path: ${BLOB(0)}`,
  ],
  ['2014-03-08T12:25:40.9039588Z', '341', 'DOWNLOADER', `Downloading file path: ${BLOB(1)}`],
  [
    '2014-03-08T12:26:25.1684905Z',
    '057',
    'INGESTOR_EXECUTER',
    `IngestionCompletionEvent: finished ingestion file path: ${BLOB(1)}`,
  ],
].map(([t, node, component, message]) => [t, `Engine000000000${node}`, component, message]);
const CLIENT = '5a848f70-9996-eb17-15ed-21b8eb94bf0e';

const AIRPORTS = `datatable (Airport:string, Airline:string, Departures:long)
["SEA", "LH", 3, "SEA", "LY", 100, "SEA", "UA", 3, "SEA", "BA", 2, "SEA", "EL", 3, "AMS", "EL", 1, "AMS", "BA", 1]`;

export const orderedRowsCases: ConformanceCase[] = [
  {
    ...table(
      'serialize-operator.md',
      `TraceLogs | where ClientRequestId == "${CLIENT}" | serialize`,
      TRACE.map(([t, node, component, message]) => [t, node, component, CLIENT, message]),
    ),
    tables: {
      TraceLogs: TRACE.map(([Timestamp, Node, Component, Message]) => ({
        Timestamp,
        Node,
        Component,
        ClientRequestId: CLIENT,
        Message,
      })),
    },
  },
  {
    ...table(
      'prev-function.md',
      `ConferenceSessions
| where conference == 'Build 2019'
| serialize previous_session_type = prev(session_type)
| project time_and_duration, session_title, session_type, previous_session_type`,
      SESSIONS.map((s, i) => [...s, i === 0 ? '' : SESSIONS[i - 1][2]]),
    ),
    tables: { ConferenceSessions: sessionRows() },
  },
  {
    ...table(
      'next-function.md',
      `ConferenceSessions
| where conference == 'Build 2019'
| serialize next_session_type = next(session_type)
| project time_and_duration, session_title, session_type, next_session_type
| take 5`,
      SESSIONS.map((s, i) => [...s, i < 4 ? SESSIONS[i + 1][2] : 'Expo Session']),
    ),
    // The page's fifth row reads its next_session_type from a sixth session of that type.
    tables: {
      ConferenceSessions: sessionRows([['Tue, May 7, 9:00-9:20 am', 'A sixth session', 'Expo Session']]),
    },
  },
  table(
    'row-rank-dense-function.md',
    `${AIRPORTS} | sort by Airport desc, Departures asc | extend Rank=row_rank_dense(Departures, prev(Airport) != Airport)`,
    [
      ['SEA', 'BA', 2, 1],
      ['SEA', 'LH', 3, 2],
      ['SEA', 'UA', 3, 2],
      ['SEA', 'EL', 3, 2],
      ['SEA', 'LY', 100, 3],
      ['AMS', 'EL', 1, 1],
      ['AMS', 'BA', 1, 1],
    ],
  ),
  table(
    'row-rank-min-function.md',
    `datatable(Category:string, Item:string, Value:int)
["A", "item1", 10, "A","item2", 10, "A", "item3", 5, "A", "item4", 20, "B", "item2", 5, "B", "item1", 7]
| sort by Category asc, Value asc
| extend rank = row_rank_min(Value, Category != prev(Category))`,
    [
      ['A', 'item3', 5, 1],
      ['A', 'item1', 10, 2],
      ['A', 'item2', 10, 2],
      ['A', 'item4', 20, 4],
      ['B', 'item2', 5, 1],
      ['B', 'item1', 7, 2],
    ],
  ),
  table(
    'row-window-session-function.md',
    `datatable (ID:string, Timestamp:datetime) [
    "1", datetime(2024-04-11 10:00:00), "2", datetime(2024-04-11 10:18:00), "1", datetime(2024-04-11 11:00:00),
    "3", datetime(2024-04-11 11:30:00), "2", datetime(2024-04-11 13:30:00), "2", datetime(2024-04-11 10:16:00)]
| sort by ID asc, Timestamp asc
| extend SessionStarted = row_window_session(Timestamp, 1h, 5m, ID != prev(ID))`,
    [
      ['1', '2024-04-11T10:00:00Z', '2024-04-11T10:00:00Z'],
      ['1', '2024-04-11T11:00:00Z', '2024-04-11T11:00:00Z'],
      ['2', '2024-04-11T10:16:00Z', '2024-04-11T10:16:00Z'],
      ['2', '2024-04-11T10:18:00Z', '2024-04-11T10:16:00Z'],
      ['2', '2024-04-11T13:30:00Z', '2024-04-11T13:30:00Z'],
      ['3', '2024-04-11T11:30:00Z', '2024-04-11T11:30:00Z'],
    ],
  ),
  // top-nested output has no defined order; the final sort only fixes the one the page prints.
  table(
    'top-nested-operator.md',
    `datatable(id: string, timestamp: datetime, otherInformation: string)
["Barak", datetime(2015-01-01), "1", "Barak", datetime(2016-01-01), "2", "Barak", datetime(2017-01-20), "3",
 "Donald", datetime(2017-01-20), "4", "Donald", datetime(2017-01-18), "5", "Donald", datetime(2017-01-19), "6"]
| top-nested of id by Ignore0=max(1),
  top-nested 2 of timestamp by Ignore1=max(timestamp),
  top-nested of otherInformation by Ignore2=max(1)
| project-away Ignore0, Ignore1, Ignore2
| order by timestamp asc, id asc`,
    [
      ['Barak', '2016-01-01T00:00:00Z', '2'],
      ['Donald', '2017-01-19T00:00:00Z', '6'],
      ['Barak', '2017-01-20T00:00:00Z', '3'],
      ['Donald', '2017-01-20T00:00:00Z', '4'],
    ],
  ),
  ...scanCases(),
];

/** scan-operator.md's examples over their own datatables (the funnel over StormEvents is left out). */
function scanCases(): ConformanceCase[] {
  const events = (rows: [number, string][]) =>
    `datatable (Ts: timespan, Event: string) [${rows.map(([m, e]) => `${m}m, "${e}"`).join(', ')}]`;
  const ts = (m: number) =>
    `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00`;
  const fill: [number, string][] = [
    [0, 'A'],
    [1, ''],
    [2, 'B'],
    [3, ''],
    [4, ''],
    [6, 'C'],
    [8, ''],
    [11, 'D'],
    [12, ''],
  ];
  const sessions: [number, string][] = [
    [0, 'A'],
    [1, 'A'],
    [2, 'B'],
    [3, 'D'],
    [32, 'B'],
    [36, 'C'],
    [38, 'D'],
    [41, 'E'],
    [75, 'A'],
  ];
  const startStop: [number, string][] = [
    [0, 'A'],
    [1, 'Start'],
    [2, 'B'],
    [3, 'D'],
    [4, 'Stop'],
    [6, 'C'],
    [8, 'Start'],
    [11, 'E'],
    [12, 'Stop'],
  ];
  return [
    table(
      'scan-operator.md',
      'range x from 1 to 5 step 1 | scan declare (cumulative_x:long=0) with (step s1: true => cumulative_x = x + s1.cumulative_x;)',
      [
        [1, 1],
        [2, 3],
        [3, 6],
        [4, 10],
        [5, 15],
      ],
    ),
    table(
      'scan-operator.md',
      `range x from 1 to 5 step 1
| extend y = 2 * x
| scan declare (cumulative_x:long=0, cumulative_y:long=0) with (
    step s1: true => cumulative_x = iff(s1.cumulative_x >= 10, x, x + s1.cumulative_x),
                     cumulative_y = iff(s1.cumulative_y >= 10, y, y + s1.cumulative_y);
)`,
      [
        [1, 2, 1, 2],
        [2, 4, 3, 6],
        [3, 6, 6, 12],
        [4, 8, 10, 8],
        [5, 10, 5, 18],
      ],
    ),
    table(
      'scan-operator.md',
      `${events(fill)}
| sort by Ts asc
| scan declare (Event_filled: string="") with (step s1: true => Event_filled = iff(isempty(Event), s1.Event_filled, Event);)`,
      fill.map(([m, e], i) => [ts(m), e, ['A', 'A', 'B', 'B', 'B', 'C', 'C', 'D', 'D'][i]]),
    ),
    table(
      'scan-operator.md',
      `${events(sessions)}
| sort by Ts asc
| scan with_match_id=session_id declare (sessionStart: timespan) with (
    step inSession: true => sessionStart = iff(isnull(inSession.sessionStart), Ts, inSession.sessionStart);
    step endSession output=none: Ts - inSession.sessionStart > 30m;
)`,
      sessions.map(([m, e], i) => [ts(m), e, ts(i < 4 ? 0 : i < 8 ? 32 : 75), i < 4 ? 0 : i < 8 ? 1 : 2]),
    ),
    // The page prints the three sessions in no particular order (partition's output has none); sorted here.
    table(
      'scan-operator.md',
      `datatable(Timestamp:datetime, userID:int, EventType:string) [
    datetime(2024-05-28 08:15:23), 1, "login",
    datetime(2024-05-28 08:30:15), 2, "login",
    datetime(2024-05-28 09:10:27), 3, "login",
    datetime(2024-05-28 12:30:45), 1, "logout",
    datetime(2024-05-28 11:45:32), 2, "logout",
    datetime(2024-05-28 13:25:19), 3, "logout"]
| sort by userID, Timestamp
| partition hint.strategy=native by userID (
    sort by Timestamp asc
    | scan declare (start: datetime, end: datetime, sessionDuration: timespan) with (
        step s1 output=none: EventType == "login" => start = Timestamp;
        step s2 output=all: EventType == "logout" => start = s1.start, end = Timestamp, sessionDuration = Timestamp - s1.start;
    )
)
| project start, end, userID, sessionDuration
| sort by userID asc`,
      [
        ['2024-05-28 08:15:23.0000', '2024-05-28 12:30:45.0000', 1, '04:15:22'],
        ['2024-05-28 08:30:15.0000', '2024-05-28 11:45:32.0000', 2, '03:15:17'],
        ['2024-05-28 09:10:27.0000', '2024-05-28 13:25:19.0000', 3, '04:14:52'],
      ],
    ),
    table(
      'scan-operator.md',
      `${events(startStop)}
| sort by Ts asc
| scan with_match_id=m_id with (
    step s1: Event == "Start";
    step s2: Event != "Start" and Event != "Stop" and Ts - s1.Ts <= 5m;
    step s3: Event == "Stop" and Ts - s1.Ts <= 5m;
)`,
      [
        [1, 'Start', 0],
        [2, 'B', 0],
        [3, 'D', 0],
        [4, 'Stop', 0],
        [8, 'Start', 1],
        [11, 'E', 1],
        [12, 'Stop', 1],
      ].map(([m, e, id]) => [ts(m as number), e, id]),
    ),
  ];
}
