import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { refusedWith, rows } from './executorHarness';

/**
 * The hll and tdigest sketches (issue 16): the executor holds their exact data, so each sketch
 * function answers as the exact aggregate does, and a sketch used as an ordinary value is refused
 * by name. Fixtures are our own: logons per host and day, and request latencies with weights.
 */
const LOGONS = `datatable(Day:datetime, Host:string, User:string) [
  datetime(2024-05-01), "h1", "alice",
  datetime(2024-05-01), "h1", "bob",
  datetime(2024-05-01), "h2", "alice",
  datetime(2024-05-02), "h1", "carol",
  datetime(2024-05-02), "h2", "alice",
  datetime(2024-05-02), "h2", "",
  datetime(2024-05-03), "h3", "dave"
]`;
const LATENCY = `datatable(Host:string, Ms:long, N:long) [
  "h1", 10, 1, "h1", 20, 2, "h1", 40, 1,
  "h2", 5, 3, "h2", 50, 1, "h2", long(null), 4
]`;
const SKETCH_FORMAT = /Kusto's internal one, which is not documented/;

describe('executor: hll sketches', () => {
  it('dcount_hll of hll equals dcount, per group and merged across groups', () => {
    assert.deepEqual(
      rows(
        `${LOGONS} | summarize h = hll(User), d = dcount(User) by Day | project Day, dcount_hll(h), d | order by Day asc`,
      ),
      [
        ['2024-05-01T00:00:00Z', 2, 2],
        ['2024-05-02T00:00:00Z', 2, 2],
        ['2024-05-03T00:00:00Z', 1, 1],
      ],
    );
    assert.deepEqual(
      rows(`${LOGONS} | summarize h = hll(User) by Day | summarize m = hll_merge(h) | project dcount_hll(m)`),
      [[4]],
    );
    // The aggregate nested in the scalar, as using-hll-tdigest.md writes it.
    assert.deepEqual(
      rows(
        `${LOGONS} | summarize h = hll(User) by Host, Day | summarize n = dcount_hll(hll_merge(h)) by Host | order by Host asc`,
      ),
      [
        ['h1', 3],
        ['h2', 1],
        ['h3', 1],
      ],
    );
  });

  it('hll_if counts the rows whose predicate is true; the scalar hll_merge joins sketches of one row', () => {
    assert.deepEqual(rows(`${LOGONS} | summarize h = hll_if(User, Host == "h1") | project dcount_hll(h)`), [
      [3],
    ]);
    assert.deepEqual(
      rows(
        `${LOGONS} | summarize a = hll(User), b = hll(Host), c = hll(User, 2) | project dcount_hll(hll_merge(a, a)), dcount_hll(b), dcount_hll(c)`,
      ),
      [[4, 3, 4]],
    );
  });

  it('nulls and empty strings are not counted; an empty group counts 0', () => {
    assert.deepEqual(
      rows('datatable(x:long)[long(null), 1, 1, long(null)] | summarize h = hll(x) | project dcount_hll(h)'),
      [[1]],
    );
    assert.deepEqual(
      rows(`${LOGONS} | where Host == "none" | summarize h = hll(User) | project dcount_hll(h)`),
      [[0]],
    );
    assert.deepEqual(
      rows(
        `${LOGONS} | summarize h = hll(User) | where false | summarize m = hll_merge(h) | project dcount_hll(m)`,
      ),
      [[0]],
    );
  });

  it('refuses accuracies beyond the page, merges of different accuracies or types, and stored sketches', () => {
    assert.throws(
      () => rows(`${LOGONS} | summarize hll(User, 7)`),
      refusedWith(/hll\(\) with the accuracy 7/),
    );
    assert.throws(
      () =>
        rows(
          `${LOGONS} | summarize a = hll(User, 0), b = hll(User, 2) | project dcount_hll(hll_merge(a, b))`,
        ),
      refusedWith(/hll_merge\(\) of hll values of the accuracies 0 and 2/),
    );
    assert.throws(
      () => rows(`${LOGONS} | summarize a = hll(User), b = hll(Day) | project dcount_hll(hll_merge(a, b))`),
      refusedWith(/hll values of string and of datetime values/),
    );
    assert.throws(
      () => rows('datatable(h:dynamic)[dynamic([[1024,14],["1"],[]])] | project dcount_hll(h)'),
      refusedWith(/dcount_hll\(\) of a value that is not a hll\(\) sketch made by the query itself/),
    );
    assert.throws(
      () => rows('datatable(h:dynamic)[dynamic(null)] | summarize hll_merge(h)'),
      refusedWith(/hll_merge\(\) of a null value/),
    );
  });
});

describe('executor: tdigest sketches', () => {
  it('percentile_tdigest equals percentile, and percentiles_array_tdigest percentiles_array', () => {
    const exact = rows(
      `${LATENCY} | summarize p = percentile(Ms, 50), a = percentiles_array(Ms, 0, 50, 100)`,
    );
    assert.deepEqual(exact, [[20, [5, 20, 50]]]);
    assert.deepEqual(
      rows(
        `${LATENCY} | summarize t = tdigest(Ms) | project percentile_tdigest(t, 50, typeof(long)), percentile_tdigest(t, 50), percentiles_array_tdigest(t, 0, 50, 100), percentiles_array_tdigest(t, dynamic([100]))`,
      ),
      [[20, 20, [5, 20, 50], [50]]],
    );
  });

  it('merges per-host digests, in the aggregate and the scalar form', () => {
    const q = `${LATENCY} | summarize t = tdigest(Ms) by Host`;
    assert.deepEqual(
      rows(`${q} | summarize m = tdigest_merge(t) | project percentile_tdigest(m, 100, typeof(long))`),
      [[50]],
    );
    assert.deepEqual(
      rows(`${q} | summarize m = merge_tdigest(t) | project percentile_tdigest(m, 60, typeof(long))`),
      [[20]],
    );
    assert.deepEqual(
      rows(
        `${LATENCY} | summarize a = tdigest(Ms), b = tdigest(Ms * 2) | project percentile_tdigest(merge_tdigest(a, b), 100, typeof(long)), percentile_tdigest(tdigest_merge(a, b), 0, typeof(long))`,
      ),
      [[100, 5]],
    );
  });

  it('honours weights as counts of repetitions, as percentilesw does', () => {
    assert.deepEqual(
      rows(
        `${LATENCY} | summarize t = tdigest(Ms, N), w = percentilew(Ms, N, 50) | project percentile_tdigest(t, 50, typeof(long)), w, rank_tdigest(t, 10), percentrank_tdigest(t, 10)`,
      ),
      [[10, 10, 4, 50]],
    );
    assert.throws(
      () =>
        rows(
          'datatable(v:long, w:long)[1, -2] | summarize t = tdigest(v, w) | project percentile_tdigest(t, 50)',
        ),
      refusedWith(/tdigest\(\) with the weight -2/),
    );
  });

  it('rank_tdigest counts the values at or below; percentrank_tdigest is that as a percentage', () => {
    assert.deepEqual(
      rows(
        'range x from 1 to 1000 step 1 | summarize t = tdigest(x) | project rank_tdigest(t, 685), rank_tdigest(t, 685.5), percentrank_tdigest(t, 250), rank_tdigest(t, 0)',
      ),
      [[685, 685, 25, 0]],
    );
    assert.deepEqual(
      rows(
        'range d from datetime(2024-01-01) to datetime(2024-01-10) step 1d | summarize t = tdigest(d) | project rank_tdigest(t, datetime(2024-01-03)), percentile_tdigest(t, 50, typeof(datetime))',
      ),
      [[3, '2024-01-05T00:00:00Z']],
    );
  });

  it('nulls are skipped; an empty digest gives null percentiles and a refused rank', () => {
    const empty = `${LATENCY} | where Host == "none" | summarize t = tdigest(Ms)`;
    assert.deepEqual(rows(`${empty} | project percentile_tdigest(t, 50), percentiles_array_tdigest(t, 50)`), [
      [null, null],
    ]);
    assert.deepEqual(
      rows(
        `${LATENCY} | where Host == "h2" | summarize t = tdigest(Ms) | project percentile_tdigest(t, 100)`,
      ),
      [[50]],
    );
    assert.throws(
      () => rows(`${empty} | project rank_tdigest(t, 1)`),
      refusedWith(/rank_tdigest\(\) of an empty tdigest/),
    );
    assert.deepEqual(rows(`${LATENCY} | summarize t = tdigest(Ms) | project rank_tdigest(t, long(null))`), [
      [null],
    ]);
  });

  it('refuses what the pages leave open: casts that change values, untyped datetimes, mixed merges', () => {
    const days =
      'range d from datetime(2024-01-01) to datetime(2024-01-03) step 1d | summarize t = tdigest(d)';
    assert.throws(
      () => rows(`${days} | project percentile_tdigest(t, 50)`),
      refusedWith(/tdigest of datetime values without a typeof\(\) argument/),
    );
    assert.throws(
      () =>
        rows(
          `${LATENCY} | summarize t = tdigest(todouble(Ms)) | project percentile_tdigest(t, 50, typeof(long))`,
        ),
      refusedWith(/typeof\(long\) of a tdigest of real values/),
    );
    assert.throws(
      () =>
        rows(
          `${LATENCY} | summarize a = tdigest(Ms), b = tdigest(todouble(Ms)) | project percentile_tdigest(merge_tdigest(a, b), 50)`,
        ),
      refusedWith(/tdigest values of long and of real values/),
    );
    assert.throws(
      () => rows(`${days} | project rank_tdigest(t, 5)`),
      refusedWith(/rank_tdigest\(\) of a long value in a tdigest of datetime values/),
    );
  });
});

describe('executor: a sketch used as an ordinary value is refused by name', () => {
  const H = `${LOGONS} | summarize h = hll(User), t = tdigest(1) by Host`;

  it('in the output, also after take_any, iff or a join carried it', () => {
    assert.throws(() => rows(H), refusedWith(/hll\(\) sketch in the query's output/));
    assert.throws(() => rows(`${H} | project t`), refusedWith(/tdigest\(\) sketch in the query's output/));
    assert.throws(() => rows(`${H} | summarize take_any(h)`), refusedWith(SKETCH_FORMAT));
    assert.throws(() => rows(`${H} | project x = iff(Host == "h1", h, h)`), refusedWith(SKETCH_FORMAT));
    // Carrying the sketch through iff and a join is allowed; only showing it is refused.
    assert.deepEqual(
      rows(
        `${H} | project Host, x = iff(Host == "h1", h, h) | join kind=inner (${H} | project Host) on Host | project Host, n = dcount_hll(x) | order by Host asc`,
      ),
      [
        ['h1', 3],
        ['h2', 1],
        ['h3', 1],
      ],
    );
  });

  it('converted, compared, grouped, sorted or joined on', () => {
    assert.throws(
      () => rows(`${H} | project s = tostring(h)`),
      refusedWith(/hll\(\) sketch as an argument of tostring\(\)/),
    );
    assert.throws(
      () => rows(`${H} | project n = array_length(t)`),
      refusedWith(/as an argument of array_length\(\)/),
    );
    assert.throws(() => rows(`${H} | where h == h`), refusedWith(/hll\(\) sketch compared or sorted/));
    assert.throws(
      () => rows(`${H} | where t != dynamic([1])`),
      refusedWith(/tdigest\(\) sketch compared or sorted/),
    );
    assert.throws(
      () => rows(`${H} | where h contains "a"`),
      refusedWith(/hll\(\) sketch converted to a string/),
    );
    assert.throws(() => rows(`${H} | where h == 1`), refusedWith(/hll\(\) sketch converted to long/));
    assert.throws(() => rows(`${H} | summarize count() by tostring(h)`), refusedWith(SKETCH_FORMAT));
    // The binder itself rejects a dynamic value in distinct, sort and summarize by; top and in reach the executor.
    assert.throws(() => rows(`${H} | top 2 by h | project Host`), refusedWith(/compared or sorted/));
    assert.throws(
      () => rows(`${H} | where h in (dynamic([1]))`),
      refusedWith(/as a grouping, distinct or join key/),
    );
    assert.throws(
      () => rows(`${H} | join kind=inner (${H}) on h | count`),
      refusedWith(/as a grouping, distinct or join key/),
    );
  });

  it('a sketch from toscalar() reaches dcount_hll; a series of sketches is refused', () => {
    assert.deepEqual(rows(`print n = dcount_hll(toscalar(${LOGONS} | summarize hll(User)))`), [[4]]);
    assert.throws(
      () =>
        rows(
          `${LOGONS} | make-series h = hll(User) on Day from datetime(2024-05-01) to datetime(2024-05-04) step 1d`,
        ),
      refusedWith(/hll\(\) sketch inside another dynamic value/),
    );
  });

  it('put inside a dynamic value, read as one, or aggregated by an ordinary aggregate', () => {
    assert.throws(
      () => rows(`${H} | summarize make_list(h)`),
      refusedWith(/hll\(\) sketch as the argument of make_list\(\)/),
    );
    assert.throws(() => rows(`${H} | summarize dcount(t)`), refusedWith(/argument of dcount\(\)/));
    assert.throws(
      () => rows(`${H} | project b = pack_all() | count`),
      refusedWith(/inside another dynamic value/),
    );
    assert.throws(
      () => rows(`${H} | project x = h[0]`),
      refusedWith(/hll\(\) sketch read as an ordinary dynamic value/),
    );
    assert.throws(
      () => rows(`${H} | mv-expand t | count`),
      refusedWith(/tdigest\(\) sketch read as an ordinary dynamic value/),
    );
    assert.throws(() => rows(`${H} | evaluate bag_unpack(h) | count`), refusedWith(SKETCH_FORMAT));
    assert.throws(() => rows(`${H} | summarize hll(h)`), refusedWith(/as a grouping, distinct or join key/));
  });
});
