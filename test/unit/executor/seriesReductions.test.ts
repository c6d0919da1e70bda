import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { refusedWith, scalar } from './executorHarness';

/**
 * The series functions that reduce arrays to one value or one bag: the pages' values plus the
 * rules for lengths, non-numeric elements, empty arrays and nulls, and the refusals for what the
 * pages leave open.
 */
describe('executor: series reductions', () => {
  it('sums, multiplies and measures an array; null in, null out', () => {
    assert.equal(scalar('series_sum(dynamic([1,2,3,4]))'), 10);
    assert.equal(scalar('series_product(dynamic([1,2,3,4]))'), 24);
    assert.equal(scalar('series_magnitude(dynamic([3,4]))'), 5);
    assert.equal(scalar('series_sum(dynamic(null))'), null);
    assert.throws(() => scalar('series_sum(dynamic([]))'), refusedWith(/series_sum\(\) of an empty array/));
    assert.throws(
      () => scalar('series_product(dynamic([1,"a"]))'),
      refusedWith(/series_product\(\).*non-numeric/),
    );
  });

  it('takes dot products over the shorter length, ignoring non-numeric pairs, a scalar at every position', () => {
    assert.equal(scalar('series_dot_product(dynamic([1,2,4]), dynamic([4,2,1]))'), 12);
    assert.equal(scalar('series_dot_product(dynamic([1,2,4]), dynamic([4,2]))'), 8);
    assert.equal(scalar('series_dot_product(dynamic([1,"x",4]), dynamic([4,2,1]))'), 8);
    assert.equal(scalar('series_dot_product(dynamic([1,2,4]), 2)'), 14);
    assert.equal(scalar('series_dot_product(dynamic([]), dynamic([1]))'), null);
  });

  it('gives cosine similarity, with given magnitudes, and refuses arrays it cannot pair', () => {
    assert.ok(
      Math.abs(
        (scalar('series_cosine_similarity(dynamic([1,0]), dynamic([1,1]))') as number) - Math.SQRT1_2,
      ) < 1e-15,
    );
    assert.equal(scalar('series_cosine_similarity(dynamic([1,0]), dynamic([1,1]), 1.0, 2.0)'), 0.5);
    assert.equal(scalar('series_cosine_similarity(dynamic([]), dynamic([1]))'), null);
    assert.throws(
      () => scalar('series_cosine_similarity(dynamic([1,2]), dynamic([1]))'),
      refusedWith(/series_cosine_similarity\(\) of arrays of different lengths/),
    );
  });

  it('correlates; different sizes or a non-numeric element give null', () => {
    assert.equal(scalar('series_pearson_correlation(dynamic([1,2,3]), dynamic([3,2,1]))'), -1);
    assert.equal(scalar('series_pearson_correlation(dynamic([1,2,3]), dynamic([3,2]))'), null);
    assert.equal(scalar('series_pearson_correlation(dynamic([1,2,"a"]), dynamic([3,2,1]))'), null);
    assert.throws(
      () => scalar('series_pearson_correlation(dynamic([1,1]), dynamic([3,2]))'),
      refusedWith(/series_pearson_correlation\(\) of a series with no variance/),
    );
  });

  it('series_stats_dynamic: the bag of statistics, null when a value is not finite', () => {
    // The statistics are reals, the indexes and the length longs (series-stats-dynamic-function.md: "min": 2.0, "min_idx": 8).
    assert.equal(
      scalar('series_stats_dynamic(dynamic([4, 2, 6]))'),
      '{"min":2.0,"min_idx":1,"max":6.0,"max_idx":2,"avg":4.0,"stdev":2.0,"variance":4.0,"sum":12.0,"len":3}',
    );
    assert.equal(
      scalar('series_stats_dynamic(dynamic([4.5, 2.5]))'),
      `{"min":2.5,"min_idx":1,"max":4.5,"max_idx":0,"avg":3.5,"stdev":${Math.SQRT2},"variance":2.0,"sum":7.0,"len":2}`,
    );
    assert.equal(scalar('series_stats_dynamic(dynamic([1, null]))'), null);
    assert.equal(scalar('series_stats_dynamic(dynamic(null))'), null);
    assert.throws(
      () => scalar('series_stats_dynamic(dynamic([1, null, 2]), true)'),
      refusedWith(/series_stats_dynamic\(\) ignoring non-finite values/),
    );
  });

  it('series_fit_line_dynamic: the bag of series_fit_line', () => {
    // Whole statistics and fitted points stay reals inside the bag.
    assert.equal(
      scalar('series_fit_line_dynamic(dynamic([1, 3, 5]))'),
      '{"rsquare":1.0,"slope":2.0,"variance":4.0,"rvariance":0.0,"interception":-1.0,"line_fit":[1.0,3.0,5.0]}',
    );
    assert.equal(scalar('series_fit_line_dynamic(dynamic(null))'), null);
  });
});
