import { table, type ConformanceCase } from '../caseTypes';
import { DynamicText } from '../compare';

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
  // The page's own example: refused, since the page names the population variance and prints the sample one.
  table(
    'variancepif-aggregation-function.md',
    'range x from 1 to 100 step 1 | summarize variancepif(x, x%2 == 0)',
    [[850]],
  ),
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
    [[new DynamicText('[20, 20, 40]')]],
  ),
  table(
    'percentilesw-aggregation-function.md',
    `${LATENCY} | summarize percentilesw_array(LatencyBucket, ReqCount, dynamic([50, 75, 99.9]))`,
    [[new DynamicText('[20, 20, 40]')]],
  ),
  table('erf-function.md', 'range x from -3 to 3 step 1 | extend erf_x = erf(x)', [
    [-3, -0.999977909503001],
    [-2, -0.995322265018953],
    [-1, -0.842700792949715],
    [0, 0],
    [1, 0.842700792949715],
    [2, 0.995322265018953],
    [3, 0.999977909503001],
  ]),
  table('erfc-function.md', 'range x from -3 to 3 step 1 | extend erf_x = erfc(x)', [
    [-3, 1.999977909503001],
    [-2, 1.995322265018953],
    [-1, 1.842700792949715],
    [0, 1],
    [1, 0.157299207050285],
    [2, 0.00467773498104727],
    [3, 2.20904969985854e-5],
  ]),
  table('gamma-function.md', 'print result = gamma(5)', [[24]]),
  table('loggamma-function.md', 'print result=loggamma(5)', [[3.1780538303479458]]),
  table(
    'beta-cdf-function.md',
    `datatable(x:double, alpha:double, beta:double, comment:string) [0.9, 10.0, 20.0, "Valid input", 1.5, 10.0, 20.0, "x > 1, yields NaN", double(-10), 10.0, 20.0, "x < 0, yields NaN", 0.1, double(-1.0), 20.0, "alpha is < 0, yields NaN"] | extend b = beta_cdf(x, alpha, beta)`,
    [
      [0.9, 10, 20, 'Valid input', 0.999999999999959],
      [1.5, 10, 20, 'x > 1, yields NaN', NaN],
      [-10, 10, 20, 'x < 0, yields NaN', NaN],
      [0.1, -1, 20, 'alpha is < 0, yields NaN', NaN],
    ],
  ),
  table(
    'beta-pdf-function.md',
    `datatable(x:double, alpha:double, beta:double, comment:string) [0.5, 10.0, 20.0, "Valid input", 1.5, 10.0, 20.0, "x > 1, yields NaN", double(-10), 10.0, 20.0, "x < 0, yields NaN", 0.1, double(-1.0), 20.0, "alpha is < 0, yields NaN"] | extend r = beta_pdf(x, alpha, beta)`,
    [
      [0.5, 10, 20, 'Valid input', 0.746176019310951],
      [1.5, 10, 20, 'x > 1, yields NaN', NaN],
      [-10, 10, 20, 'x < 0, yields NaN', NaN],
      [0.1, -1, 20, 'alpha is < 0, yields NaN', NaN],
    ],
  ),
  // The page's table (p > 1 gives null, alpha < 0 gives NaN) contradicts its notes, so those rows are refused.
  table(
    'beta-inv-function.md',
    `datatable(p:double, alpha:double, beta:double, comment:string) [0.1, 10.0, 20.0, "Valid input", 1.5, 10.0, 20.0, "p > 1, yields null", 0.1, double(-1.0), 20.0, "alpha is < 0, yields NaN"] | extend b = beta_inv(p, alpha, beta)`,
    [
      [0.1, 10, 20, 'Valid input', 0.226415022388749],
      [1.5, 10, 20, 'p > 1, yields null', null],
      [0.1, -1, 20, 'alpha is < 0, yields NaN', NaN],
    ],
  ),
  table('beta-inv-function.md', 'print b = beta_inv(0.1, 10.0, 20.0)', [[0.226415022388749]]),
  table('convert-angle-function.md', "print result = convert_angle(1.2, 'Degree', 'Arcminute')", [[72]]),
  table('convert-energy-function.md', "print result = convert_energy(1.2, 'Joule', 'BritishThermalUnit')", [
    [0.00113738054437598],
  ]),
  table('convert-force-function.md', "print result = convert_force(1.2, 'Newton', 'Decanewton')", [[0.12]]),
  table('convert-length-function.md', "print result = convert_length(1.2, 'Meter', 'Foot')", [
    [3.93700787401575],
  ]),
  table('convert-mass-function.md', "print result = convert_mass(1.2, 'Kilogram', 'Pound')", [
    [2.64554714621853],
  ]),
  table(
    'convert-speed-function.md',
    "print result = convert_speed(1.2, 'MeterPerSecond', 'CentimeterPerHour')",
    [[432000]],
  ),
  table(
    'convert-temperature-function.md',
    "print result = convert_temperature(1.2, 'Kelvin', 'DegreeCelsius')",
    [[-271.95]],
  ),
  table('convert-volume-function.md', "print result = convert_volume(1.2, 'CubicMeter', 'AcreFoot')", [
    [0.0009728568],
  ]),
  // The page prints its rows in another order than the input's; extend keeps the input's order.
  table(
    'datetime-local-to-utc-function.md',
    "datatable(local_dt: datetime, tz: string) [datetime(2020-02-02 20:02:20), 'US/Pacific', datetime(2020-02-02 20:02:20), 'America/Chicago', datetime(2020-02-02 20:02:20), 'Europe/Paris'] | extend utc_dt = datetime_local_to_utc(local_dt, tz)",
    [
      ['2020-02-02 20:02:20.0000000', 'US/Pacific', '2020-02-03 04:02:20.0000000'],
      ['2020-02-02 20:02:20.0000000', 'America/Chicago', '2020-02-03 02:02:20.0000000'],
      ['2020-02-02 20:02:20.0000000', 'Europe/Paris', '2020-02-02 19:02:20.0000000'],
    ],
  ),
  // The page's now() is the dt it prints, written here as a literal.
  table(
    'datetime-utc-to-local-function.md',
    "print dt=datetime(2022-07-11 22:18:48.4678620) | extend pacific_dt = datetime_utc_to_local(dt, 'US/Pacific'), canberra_dt = datetime_utc_to_local(dt, 'Australia/Canberra') | extend diff = pacific_dt - canberra_dt",
    [
      [
        '2022-07-11 22:18:48.4678620',
        '2022-07-11 15:18:48.4678620',
        '2022-07-12 08:18:48.4678620',
        '-17:00:00',
      ],
    ],
  ),
  table(
    'around-function.md',
    'range dt from datetime(2021-01-01 01:00) to datetime(2021-01-01 02:00) step 1min | where around(dt, datetime(2021-01-01 01:30), 1min)',
    [['2021-01-01T01:29:00Z'], ['2021-01-01T01:30:00Z'], ['2021-01-01T01:31:00Z']],
  ),
  table('bitset-count-ones-function.md', 'print ones = bitset_count_ones(42)', [[3]]),
  // The page's failing examples end in an error, not a table; the unit tests check those.
  table(
    'assert-function.md',
    'let checkLength = (len:long, s:string) { assert(len > 0, "Length must be greater than zero") and strlen(s) > len }; datatable(input:string) ["123", "4567"] | where checkLength(len=3, input)',
    [['4567']],
  ),
];
