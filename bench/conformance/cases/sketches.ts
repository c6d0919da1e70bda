import { table, type ConformanceCase } from '../caseTypes';

/**
 * The hll and tdigest sketch functions: the pages' examples whose output is a count or a
 * percentile rather than the sketch itself (whose format is Kusto's internal one). Where a page's
 * example reads StormEvents, a small datatable of our own stands in and the answer is worked out
 * from the page's definition.
 */
const FLOODS =
  'datatable(State:string, EventType:string, Source:string)["IOWA", "Flood", "Public", "IOWA", "Flood", "Public", "IOWA", "Hail", "Trained Spotter", "IOWA", "Flood", "Emergency Manager", "KANSAS", "Flood", "Law Enforcement", "KANSAS", "Tornado", "Public"]';

export const sketchCases: ConformanceCase[] = [
  table(
    'hll-merge-function.md',
    'range x from 1 to 10 step 1 | extend y = x + 10 | summarize hll_x = hll(x), hll_y = hll(y) | project merged = hll_merge(hll_x, hll_y) | project dcount_hll(merged)',
    [[20]],
  ),
  table(
    'merge-tdigest-function.md',
    'range x from 1 to 10 step 1 | extend y = x + 10 | summarize tdigestX = tdigest(x), tdigestY = tdigest(y) | project merged = merge_tdigest(tdigestX, tdigestY) | project percentile_tdigest(merged, 100, typeof(long))',
    [[20]],
  ),
  table(
    'tdigest-aggregation-function.md',
    'let DT=datatable(V:real, W:long) [1.0, 1, 2.0, 2]; DT | summarize TD=tdigest(V, W) | project P50=percentile_tdigest(TD, 50)',
    [[2]],
  ),
  table(
    'rank-tdigest-function.md',
    'range x from 1 to 1000 step 1 | summarize t_x=tdigest(x) | project rank_of_685=rank_tdigest(t_x, 685)',
    [[685]],
  ),
  // Stand-ins for the StormEvents examples.
  table(
    'hll-if-aggregation-function.md',
    `${FLOODS} | where State in ("IOWA", "KANSAS") | summarize hll_flood = hll_if(Source, EventType == "Flood") by State | project State, SourcesOfFloodEvents = dcount_hll(hll_flood)`,
    [
      ['IOWA', 2],
      ['KANSAS', 1],
    ],
  ),
  table(
    'dcount-hll-function.md',
    'range x from 1 to 30 step 1 | extend StartTime = datetime(2007-01-01) + x * 7m, DamageProperty = x % 4 | summarize hllRes = hll(DamageProperty) by bin(StartTime, 10m) | summarize hllMerged = hll_merge(hllRes) | project dcount_hll(hllMerged)',
    [[4]],
  ),
  // The page shows percentrank_tdigest() equal to rank_tdigest() * 100.0 / count().
  table(
    'percentrank-tdigest-function.md',
    'range x from 1 to 40 step 1 | summarize tdigestRes = tdigest(x), count() | project percentrank_tdigest(tdigestRes, 34) == rank_tdigest(tdigestRes, 34) * 100.0 / count_, percentile_tdigest(tdigestRes, 85, typeof(long))',
    [[true, 34]],
  ),
];
