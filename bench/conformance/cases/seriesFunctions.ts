import { table, value, type ConformanceCase } from '../caseTypes';
import { DynamicText } from '../compare';

/**
 * The element-wise series functions and series fills: the examples of their reference pages with
 * the answers those pages print. Where a page prints an input column that its query does not make
 * (series_acos, _cos, _sin, _tan, _atan show [-6.5,0,8.2] for dynamic([-1,0,1])), only the result
 * column is compared. series_asin's page prints its answer as strings, so it is left to the unit tests.
 */
const TRIPLES =
  'range x from 1 to 3 step 1 | extend y = x * 2 | extend z = y * 2 | project s1 = pack_array(x,y,z), s2 = pack_array(z, y, x)';
const S1 = [
  [1, 2, 4],
  [2, 4, 8],
  [3, 6, 12],
];
const S2 = [
  [4, 2, 1],
  [8, 4, 2],
  [12, 6, 3],
];
const triples = (fn: string, results: (number[] | DynamicText)[]): ConformanceCase =>
  table(
    `series-${fn}-function.md`,
    `${TRIPLES} | extend r = series_${fn}(s1, s2)`,
    results.map((r, i) => [S1[i], S2[i], r]),
  );
/** series-fft-function.md's query up to its transform: sine waves of periods 8 and 32 over 128 points. */
const FFT_EXAMPLE = [
  'let sinewave=(x:double, period:double, gain:double=1.0, phase:double=0.0) { gain*sin(2*pi()/period*(x+phase)) };',
  'let n=128;',
  'range x from 0 to n-1 step 1 | extend yr=sinewave(x, 8), yi=sinewave(x, 32)',
  '| summarize x=make_list(x), y_real=make_list(yr), y_imag=make_list(yi)',
  '| extend (fft_y_real, fft_y_imag) = series_fft(y_real, y_imag)',
].join(' ');
const compare = (fn: string, expected: boolean[]): ConformanceCase =>
  value(
    `series-${fn.replace(/_/g, '-')}-function.md`,
    `series_${fn}(dynamic([1,2,4]), dynamic([4,2,1]))`,
    expected,
  );

const FILL_LINEAR = `datatable(arr: dynamic) [
  dynamic([null, 111.0, null, 36.0, 41.0, null, null, 16.0, 61.0, 33.0, null, null]),
  dynamic([null, null, null, null])]`;

export const seriesFunctionCases: ConformanceCase[] = [
  triples('add', [
    [5, 4, 5],
    [10, 8, 10],
    [15, 12, 15],
  ]),
  triples('subtract', [
    [-3, 0, 3],
    [-6, 0, 6],
    [-9, 0, 9],
  ]),
  triples('multiply', [
    [4, 4, 4],
    [16, 16, 16],
    [36, 36, 36],
  ]),
  triples('divide', [
    new DynamicText('[0.25,1.0,4.0]'),
    new DynamicText('[0.25,1.0,4.0]'),
    new DynamicText('[0.25,1.0,4.0]'),
  ]),
  value(
    'series-pow-function.md',
    'series_pow(dynamic([1, 2, 3, 4]), dynamic([1, 2, 3, 0.5]))',
    new DynamicText('[1.0,4.0,27.0,2.0]'),
  ),
  compare('equals', [false, true, false]),
  compare('not_equals', [true, false, true]),
  compare('greater', [false, false, true]),
  compare('greater_equals', [false, true, true]),
  compare('less', [true, false, false]),
  compare('less_equals', [true, true, false]),
  value('series-abs-function.md', 'series_abs(dynamic([-6.5,0,8.2]))', [6.5, 0, 8.2]),
  value('series-sign-function.md', 'series_sign(dynamic([-6, 0, 8]))', [-1, 0, 1]),
  value(
    'series-ceiling-function.md',
    'series_ceiling(dynamic([-1.5,1,2.5]))',
    new DynamicText('[-1.0,1.0,3.0]'),
  ),
  value('series-floor-function.md', 'series_floor(dynamic([-1.5,1,2.5]))', new DynamicText('[-2.0,1.0,2.0]')),
  value(
    'series-acos-function.md',
    'series_acos(dynamic([-1,0,1]))',
    new DynamicText('[3.1415926535897931,1.5707963267948966,0.0]'),
  ),
  value(
    'series-cos-function.md',
    'series_cos(dynamic([-1,0,1]))',
    new DynamicText('[0.54030230586813976,1.0,0.54030230586813976]'),
  ),
  value(
    'series-sin-function.md',
    'series_sin(dynamic([-1, 0, 1]))',
    new DynamicText('[-0.8414709848078965,0.0,0.8414709848078965]'),
  ),
  value(
    'series-tan-function.md',
    'series_tan(dynamic([-1, 0, 1]))',
    new DynamicText('[-1.5574077246549023,0.0,1.5574077246549023]'),
  ),
  value(
    'series-atan-function.md',
    'series_atan(dynamic([-1,0,1]))',
    new DynamicText('[-0.78539816339744828,0.0,0.78539816339744828]'),
  ),
  value(
    'series-exp-function.md',
    'series_exp(dynamic([1,2,3]))',
    [2.7182818284590451, 7.38905609893065, 20.085536923187668],
  ),
  value(
    'series-log-function.md',
    'series_log(dynamic([1,2,3]))',
    new DynamicText('[0.0,0.69314718055994529,1.0986122886681098]'),
  ),
  table(
    'series-fill-forward-function.md',
    'datatable(arr: dynamic) [dynamic([null, null, 36, 41, null, null, 16, 61, 33, null, null])] | project arr, fill_forward = series_fill_forward(arr)',
    [
      [
        [null, null, 36, 41, null, null, 16, 61, 33, null, null],
        [null, null, 36, 41, 41, 41, 16, 61, 33, 33, 33],
      ],
    ],
  ),
  table(
    'series-fill-backward-function.md',
    'datatable(arr: dynamic) [dynamic([111, null, 36, 41, null, null, 16, 61, 33, null, null])] | project arr, fill_backward = series_fill_backward(arr)',
    [
      [
        [111, null, 36, 41, null, null, 16, 61, 33, null, null],
        [111, 36, 36, 41, 16, 16, 16, 61, 33, null, null],
      ],
    ],
  ),
  table(
    'series-fill-const-function.md',
    'datatable(arr: dynamic) [dynamic([111, null, 36, 41, 23, null, 16, 61, 33, null, null])] | project arr, fill_const1 = series_fill_const(arr, 0.0), fill_const2 = series_fill_const(arr, -1)',
    [
      [
        [111, null, 36, 41, 23, null, 16, 61, 33, null, null],
        new DynamicText('[111,0.0,36,41,23,0.0,16,61,33,0.0,0.0]'),
        [111, -1, 36, 41, 23, -1, 16, 61, 33, -1, -1],
      ],
    ],
  ),
  // The page's int row, without its with_const column, which disagrees with its own other columns.
  table(
    'series-fill-linear-function.md',
    'datatable(arr: dynamic) [dynamic([null, 111, null, 36, 41, null, null, 16, 61, 33, null, null])] | project without_args = series_fill_linear(arr), wo_edges = series_fill_linear(arr, double(null), false)',
    [
      [
        new DynamicText('[111,111,73,36,41,32,24,16,61,33,33,33]'),
        new DynamicText('[null,111,73,36,41,32,24,16,61,33,null,null]'),
      ],
    ],
  ),
  // The page's int row with_const column disagrees with its own other columns, so it is left out.
  table(
    'series-fill-linear-function.md',
    `${FILL_LINEAR} | project without_args = series_fill_linear(arr), with_edges = series_fill_linear(arr, double(null), true), wo_edges = series_fill_linear(arr, double(null), false), with_const = series_fill_linear(arr, double(null), true, 3.14159)`,
    [
      [
        new DynamicText('[111.0,111.0,73.5,36.0,41.0,32.667,24.333,16.0,61.0,33.0,33.0,33.0]'),
        new DynamicText('[111.0,111.0,73.5,36.0,41.0,32.667,24.333,16.0,61.0,33.0,33.0,33.0]'),
        new DynamicText('[null,111.0,73.5,36.0,41.0,32.667,24.333,16.0,61.0,33.0,null,null]'),
        new DynamicText('[111.0,111.0,73.5,36.0,41.0,32.667,24.333,16.0,61.0,33.0,33.0,33.0]'),
      ],
      [
        new DynamicText('[0.0,0.0,0.0,0.0]'),
        new DynamicText('[0.0,0.0,0.0,0.0]'),
        new DynamicText('[0.0,0.0,0.0,0.0]'),
        [3.14159, 3.14159, 3.14159, 3.14159],
      ],
    ],
  ),
  value('series-sum-function.md', 'series_sum(dynamic([1,2,3,4]))', 10),
  value('series-product-function.md', 'series_product(dynamic([1,2,3,4]))', 24),
  value('series-magnitude-function.md', 'series_magnitude(dynamic([1,2,3,4]))', 5.4772255750516612),
  table(
    'series-dot-product-function.md',
    `${TRIPLES} | extend r = series_dot_product(s1, s2)`,
    [12, 48, 108].map((r, i) => [S1[i], S2[i], r]),
  ),
  table(
    'series-dot-product-function.md',
    'range x from 1 to 3 step 1 | extend y = x * 2 | extend z = y * 2 | project s1 = pack_array(x,y,z), s2 = x | extend r = series_dot_product(s1, s2)',
    [7, 28, 63].map((r, i) => [S1[i], i + 1, r]),
  ),
  table(
    'series-cosine-similarity-function.md',
    'datatable(s1:dynamic, s2:dynamic) [dynamic([0.1,0.2,0.1,0.2]), dynamic([0.11,0.2,0.11,0.21]), dynamic([0.1,0.2,0.1,0.2]), dynamic([1,2,3,4])] | extend cosine_similarity=series_cosine_similarity(s1, s2)',
    [
      [[0.1, 0.2, 0.1, 0.2], [0.11, 0.2, 0.11, 0.21], 0.99935343825504],
      [[0.1, 0.2, 0.1, 0.2], [1, 2, 3, 4], 0.923760430703401],
    ],
  ),
  table(
    'series-pearson-correlation-function.md',
    'range s1 from 1 to 5 step 1 | extend s2 = 2 * s1 | summarize s1 = make_list(s1), s2 = make_list(s2) | extend correlation_coefficient = series_pearson_correlation(s1, s2)',
    [[[1, 2, 3, 4, 5], [2, 4, 6, 8, 10], 1]],
  ),
  value(
    'series-stats-dynamic-function.md',
    'series_stats_dynamic(dynamic([23, 46, 23, 87, 4, 8, 3, 75, 2, 56, 13, 75, 32, 16, 29]))',
    new DynamicText(
      '{"min": 2.0, "min_idx": 8, "max": 87.0, "max_idx": 3, "avg": 32.8, "stdev": 28.503633853548269, "variance": 812.45714285714291, "sum": 492.0, "len": 15}',
    ),
  ),
  // The page prints the first four of the ten rows.
  table(
    'series-iir-function.md',
    'let x = range(1.0, 10, 1); print x=x, y = series_iir(x, dynamic([1]), dynamic([1,-1])) | mv-expand x, y | take 4',
    [
      [1, 1],
      [2, 3],
      [3, 6],
      [4, 10],
    ],
  ),
  table(
    'series-iir-function.md',
    'let vector_sum=(x: dynamic) { let y=array_length(x) - 1; todouble(series_iir(x, dynamic([1]), dynamic([1, -1]))[y]) }; print d=dynamic([0, 1, 2, 3, 4]) | extend dd=vector_sum(d)',
    [[[0, 1, 2, 3, 4], 10]],
  ),
  table(
    'series-seasonal-function.md',
    'print s=dynamic([1, 3, 5, 1, 3, 5, 2, 4, 6]) | union (print s=dynamic([1, 3, 5, 2, 4, 6, 1, 3, 5, 2, 4, 6])) | extend s_seasonal = series_seasonal(s, 3)',
    [
      [[1, 3, 5, 1, 3, 5, 2, 4, 6], new DynamicText('[1.0,3.0,5.0,1.0,3.0,5.0,1.0,3.0,5.0]')],
      [
        [1, 3, 5, 2, 4, 6, 1, 3, 5, 2, 4, 6],
        [1.5, 3.5, 5.5, 1.5, 3.5, 5.5, 1.5, 3.5, 5.5, 1.5, 3.5, 5.5],
      ],
    ],
  ),
  // series-fit-poly-function.md's second example shows that degree 1 (the default) gives
  // series_fit_line's answer; its data table is not local, so series-fit-line-function.md's series stands in.
  table(
    'series-fit-poly-function.md',
    [
      'print y=dynamic([2, 5, 6, 8, 11, 15, 17, 18, 25, 26, 30, 30])',
      '| extend series_fit_line(y) | extend series_fit_poly(y)',
      '| project rsquare = abs(series_fit_poly_y_rsquare - series_fit_line_y_rsquare) < 1e-9,',
      'slope = abs(todouble(series_fit_poly_y_coefficients[0]) - series_fit_line_y_slope) < 1e-9,',
      'interception = abs(todouble(series_fit_poly_y_coefficients[1]) - series_fit_line_y_interception) < 1e-9,',
      'variance = series_fit_poly_y_variance == series_fit_line_y_variance,',
      'rvariance = abs(series_fit_poly_y_rvariance - series_fit_line_y_rvariance) < 1e-9,',
      'degree = array_length(series_fit_poly_y_coefficients)',
    ].join(' '),
    [[true, true, true, true, true, 2]],
  ),
  // series-fft-function.md's examples print charts, not numbers: the first shows fft_y_imag's one
  // dip at bin 16 and peak at 112 and fft_y_real's peak at 4 and dip at 124 (the sign convention);
  // the second says that series_ifft gives back y_real and y_imag. Each is compared as the chart
  // or the sentence states it, the render left out.
  table(
    'series-fft-function.md',
    `${FFT_EXAMPLE} | project imag_dip = series_stats_dynamic(fft_y_imag)['min_idx'], imag_peak = series_stats_dynamic(fft_y_imag)['max_idx'], real_peak = series_stats_dynamic(fft_y_real)['max_idx'], real_dip = series_stats_dynamic(fft_y_real)['min_idx']`,
    [[16, 112, 4, 124]],
  ),
  table(
    'series-fft-function.md',
    [
      FFT_EXAMPLE,
      '| extend (y_real2, y_image2) = series_ifft(fft_y_real, fft_y_imag)',
      '| project-away fft_y_real, fft_y_imag',
      "| project real_same = series_stats_dynamic(series_abs(series_subtract(y_real2, y_real)))['max'] < 1e-9,",
      "imag_same = series_stats_dynamic(series_abs(series_subtract(y_image2, y_imag)))['max'] < 1e-9",
    ].join(' '),
    [[true, true]],
  ),
];
