import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { refusedWith, rows, scalar } from './executorHarness';

/** The series functions whose pages leave the computation open: refused by name, with the reason, but only on a row. */
describe('executor: refused series functions', () => {
  it('names the function and what its page leaves undefined', () => {
    assert.throws(
      () => scalar('series_outliers(dynamic([1,2,3]))'),
      refusedWith(/series_outliers\(\): .*Tukey/),
    );
    assert.throws(
      () => scalar('series_decompose_forecast(dynamic([1,2,3]), 1)'),
      refusedWith(/series_decompose_forecast\(\): /),
    );
    assert.throws(
      () => rows('print x=dynamic([1,2,3,4,5,6,7,8]) | extend series_periods_detect(x, 2, 4, 1)'),
      refusedWith(/series_periods_detect\(\): .*scores/),
    );
    assert.throws(
      () => rows('print x=dynamic([1,2]) | extend series_fit_2lines(x)'),
      refusedWith(/series_fit_2lines\(\): .*split/),
    );
  });

  it('lets a query over no rows run', () => {
    assert.deepEqual(rows('print x=dynamic([1]) | where false | extend series_fit_2lines(x)'), []);
    assert.deepEqual(rows('print x=dynamic([1]) | where false | extend y = series_outliers(x)'), []);
  });
});
