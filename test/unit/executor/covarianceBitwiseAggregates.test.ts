import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { refusedWith, rows } from './executorHarness';

/**
 * The covariance, bitwise, weighted-percentile and conditional aggregates added for issue 16:
 * the reference pages' values plus nulls, empty groups and boundaries.
 */
const PAIRS = 'datatable(x:real, y:real) [1.0, 14.0, 2.0, 10.0, 3.0, 17.0, 4.0, 20.0, 5.0, 50.0]';
const EVENS = 'range x from 1 to 100 step 1 | extend y = iff(x % 2 == 0, x * 2, x * 3)';
const LATENCY = 'datatable (ReqCount:long, LatencyBucket:long) [8, 10, 6, 20, 3, 30, 1, 40]';

describe('executor: covariance aggregates', () => {
  it('give the sample and population covariance of the pages', () => {
    assert.deepEqual(rows(`${PAIRS} | summarize covariance(x, y), covariancep(x, y)`), [[20.5, 16.4]]);
    const [[c, cp]] = rows(
      `${EVENS} | summarize covarianceif(x, y, x % 3 == 0), covariancepif(x, y, x % 3 == 0)`,
    );
    assert.equal(c, 2142);
    assert.ok(Math.abs((cp as number) - 2077.09090909091) < 1e-9);
  });

  it('skip rows with a null on either side; no pairs give null, one pair gives 0', () => {
    const t = 'datatable(x:real, y:real) [1.0, real(null), real(null), 2.0, 1.0, 2.0, 3.0, 6.0]';
    assert.deepEqual(rows(`${t} | summarize covariance(x, y), covariancep(x, y)`), [[4, 2]]);
    assert.deepEqual(rows(`${t} | where x == 1 and y == 2 | summarize covariance(x, y)`), [[0]]);
    assert.deepEqual(rows(`${t} | where isnull(x) | summarize covariance(x, y), covariancep(x, y)`), [
      [null, null],
    ]);
    assert.deepEqual(rows(`${PAIRS} | summarize covarianceif(x, y, x > 100)`), [[null]]);
  });

  it('variancepif is refused: its page names the population variance but prints the sample one', () => {
    assert.throws(
      () => rows('range x from 1 to 100 step 1 | summarize variancepif(x, x % 2 == 0)'),
      refusedWith(/variancepif\(\).*not settled/),
    );
  });

  it('count_distinctif counts the distinct values of the rows whose predicate is true', () => {
    const t = 'datatable(a:string, b:long)["x",1,"y",0,"x",2,"z",3,"",4,"w",long(null)]';
    assert.deepEqual(rows(`${t} | summarize count_distinctif(a, b > 0)`), [[2]]);
    assert.deepEqual(rows(`${t} | summarize count_distinctif(a, b > 100)`), [[0]]);
  });
});

describe('executor: binary_all_and / or / xor', () => {
  it('fold the pages examples to CAFEF00D', () => {
    const q = (op: string, vals: string) =>
      rows(`datatable(num:long)[${vals}] | summarize r = toupper(tohex(binary_all_${op}(num)))`)[0][0];
    assert.equal(q('and', '0xFFFFFFFF, 0xFFFFF00F, 0xCFFFFFFD, 0xFAFEFFFF'), 'CAFEF00D');
    assert.equal(q('or', '0x88888008, 0x42000000, 0x00767000, 0x00000005'), 'CAFEF00D');
    assert.equal(q('xor', '0x44404440, 0x1E1E1E1E, 0x90ABBA09, 0x000B105A'), 'CAFEF00D');
  });

  it('work on 64 bits with negative longs and skip nulls', () => {
    const t = 'datatable(n:long)[-1, 0x100000000, long(null)]';
    assert.deepEqual(rows(`${t} | summarize binary_all_and(n), binary_all_or(n), binary_all_xor(n)`), [
      [4294967296, -1, -4294967297],
    ]);
  });

  it('refuse an empty group, which the pages leave undefined', () => {
    assert.throws(
      () => rows('datatable(n:long)[long(null)] | summarize binary_all_or(n)'),
      refusedWith(/binary_all_or\(\) of a group with no values/),
    );
  });
});

describe('executor: weighted percentiles', () => {
  it('give the page example: each value counted as many times as its weight', () => {
    assert.deepEqual(
      rows(
        `${LATENCY} | summarize percentilesw(LatencyBucket, ReqCount, 50, 75, 99.9), percentilew(LatencyBucket, ReqCount, 0)`,
      ),
      [[20, 20, 40, 10]],
    );
    assert.deepEqual(
      rows(`${LATENCY} | summarize percentilesw_array(LatencyBucket, ReqCount, dynamic([50, 75, 99.9]))`),
      [[[20, 20, 40]]],
    );
  });

  it('skip zero and null weights, give null for an empty group and refuse negative weights', () => {
    const t = 'datatable(w:long, v:long)[0, 1, long(null), 2, 3, 5]';
    assert.deepEqual(rows(`${t} | summarize percentilew(v, w, 1)`), [[5]]);
    assert.deepEqual(rows(`${t} | where v > 10 | summarize percentilew(v, w, 50)`), [[null]]);
    assert.throws(
      () => rows('datatable(w:long, v:long)[-1, 1] | summarize percentilew(v, w, 50)'),
      refusedWith(/weight -1/),
    );
  });
});

describe("executor: sketches in Kusto's internal format stay refused", () => {
  it('names the undocumented format when a sketch is shown or a stored one is read', () => {
    assert.throws(
      () => rows('datatable(a:long)[1] | summarize hll(a)'),
      refusedWith(/hll\(\) sketch in the query's output.*Kusto's internal one/),
    );
    assert.throws(
      () => rows('datatable(a:dynamic)[dynamic([1])] | summarize tdigest_merge(a)'),
      refusedWith(/tdigest_merge\(\) of a value that is not a tdigest\(\) sketch.*internal format/),
    );
  });
});

describe('executor: hex literals', () => {
  it('read their text, which the engine gives no value', () => {
    assert.deepEqual(rows('print 0xFF, -0x10, 0xcafef00d'), [[255, -16, 3405705229]]);
  });
});
