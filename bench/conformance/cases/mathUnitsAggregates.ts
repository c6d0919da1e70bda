import { table, type ConformanceCase } from '../caseTypes';

/**
 * The covariance, bitwise and weighted-percentile aggregates and the math, unit-conversion and
 * time-zone functions added for issue 16: each case is its reference page's example with the
 * output the page prints.
 */
const PAIRS = 'datatable(x:real, y:real) [1.0, 14.0, 2.0, 10.0, 3.0, 17.0, 4.0, 20.0, 5.0, 50.0]';
const EVENS = 'range x from 1 to 100 step 1 | extend y = iff(x % 2 == 0, x * 2, x * 3)';
const LATENCY =
  'let latencyTable = datatable (ReqCount:long, LatencyBucket:long) [8, 10, 6, 20, 3, 30, 1, 40]; latencyTable';

export const mathUnitsAggregateCases: ConformanceCase[] = [
  table('covariance-aggregation-function.md', `${PAIRS} | summarize covariance(x, y)`, [[20.5]]),
  table('covariancep-aggregation-function.md', `${PAIRS} | summarize covariancep(x, y)`, [[16.4]]),
  table('covarianceif-aggregation-function.md', `${EVENS} | summarize covarianceif(x, y, x % 3 == 0)`, [
    [2142],
  ]),
  table('covariancepif-aggregation-function.md', `${EVENS} | summarize covariancepif(x, y, x % 3 == 0)`, [
    [2077.09090909091],
  ]),
  table(
    'binary-all-and-aggregation-function.md',
    'datatable(num:long)[0xFFFFFFFF, 0xFFFFF00F, 0xCFFFFFFD, 0xFAFEFFFF] | summarize result = toupper(tohex(binary_all_and(num)))',
    [['CAFEF00D']],
  ),
  table(
    'binary-all-or-aggregation-function.md',
    'datatable(num:long)[0x88888008, 0x42000000, 0x00767000, 0x00000005] | summarize result = toupper(tohex(binary_all_or(num)))',
    [['CAFEF00D']],
  ),
  table(
    'binary-all-xor-aggregation-function.md',
    'datatable(num:long)[0x44404440, 0x1E1E1E1E, 0x90ABBA09, 0x000B105A] | summarize result = toupper(tohex(binary_all_xor(num)))',
    [['CAFEF00D']],
  ),
  table(
    'percentilesw-aggregation-function.md',
    `${LATENCY} | summarize percentilesw(LatencyBucket, ReqCount, 50, 75, 99.9)`,
    [[20, 20, 40]],
  ),
  table(
    'percentilesw-aggregation-function.md',
    `${LATENCY} | summarize percentilesw_array(LatencyBucket, ReqCount, 50, 75, 99.9)`,
    [[[20, 20, 40]]],
  ),
  table(
    'percentilesw-aggregation-function.md',
    `${LATENCY} | summarize percentilesw_array(LatencyBucket, ReqCount, dynamic([50, 75, 99.9]))`,
    [[[20, 20, 40]]],
  ),
];
