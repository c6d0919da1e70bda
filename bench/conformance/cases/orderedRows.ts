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
];
