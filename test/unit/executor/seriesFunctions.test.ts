import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { asJson, run, refusedWith } from './executorHarness';

const shape = (q: string) => {
  const t = run(q).tables[0];
  return { columns: t.columns.map((c) => c.name), rows: t.rows };
};
const near = (actual: unknown, expected: number, digits = 3) =>
  assert.ok(Math.abs((actual as number) - expected) < 10 ** -digits, `${String(actual)} is not ${expected}`);

/** Functions of several columns: names from (a, b) = ..., the binder's names, and the arithmetic. */
describe('executor: series functions of several columns', () => {
  const y = 'dynamic([2, 5, 6, 8, 11, 15, 17, 18, 25, 26, 30, 30])';

  it("series_fit_line gives the reference example's line over x = 1..n", () => {
    const { columns, rows } = shape(
      `print y=${y} | extend (RSquare, Slope, Variance, RVariance, Interception, LineFit)=series_fit_line(y) | project-away y`,
    );
    assert.deepEqual(columns, ['RSquare', 'Slope', 'Variance', 'RVariance', 'Interception', 'LineFit']);
    const [rsquare, slope, variance, rvariance, interception, fit] = rows[0];
    // The page prints these cut to three decimals: 0.982, 2.730, 98.628, 1.686, -1.666, 1.064 ... 31.102.
    near(rsquare, 0.9829);
    near(slope, 2.7308);
    near(variance, 98.6288);
    near(rvariance, 1.6865);
    near(interception, -1.6667);
    assert.equal((fit as number[]).length, 12);
    near((fit as number[])[0], 1.0641);
    near((fit as number[])[11], 31.1026);
  });

  it('names the columns it is not given as the binder does, and replaces a column it names', () => {
    assert.deepEqual(shape(`print y=${y}, a=5 | extend (a, b) = series_fit_line(y)`).columns, [
      'y',
      'a',
      'b',
      'series_fit_line_y_variance',
      'series_fit_line_y_rvariance',
      'series_fit_line_y_interception',
      'series_fit_line_y_line_fit',
    ]);
  });

  it('gives print only the columns a named item names, as the binder does', () => {
    assert.deepEqual(shape(`print r = series_fit_line(${y}), n = 1`).columns, ['r', 'n']);
    const [[min, n]] = shape('print m = series_stats(dynamic([4, 2, 9])), n = 1').rows;
    assert.deepEqual([min, n], [2, 1]);
  });

  it("series_stats gives the reference example's statistics, with sample variance", () => {
    const { columns, rows } = shape(
      'print x=dynamic([23, 46, 23, 87, 4, 8, 3, 75, 2, 56, 13, 75, 32, 16, 29]) | project series_stats(x)',
    );
    assert.equal(columns[0], 'series_stats_x_min');
    assert.deepEqual(rows[0].slice(0, 5), [2, 8, 87, 3, 32.8]);
    near(rows[0][5], 28.5036338535483, 9);
    near(rows[0][6], 812.457142857143, 9);
    // A non-finite point makes every statistic null unless ignore_nonfinite is true.
    assert.deepEqual(shape('print x=dynamic([1, null, 3]) | project series_stats(x)').rows[0], [
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    assert.deepEqual(
      shape('print x=dynamic([1, null, 3]) | project series_stats(x, true)').rows[0].slice(0, 5),
      [1, 0, 3, 2, 2],
    );
  });

  it('series_decompose without seasonality: trend, baseline and residual', () => {
    const [[, ...components]] = shape('print y=dynamic([1, 2, 4]) | extend series_decompose(y, 0, "avg")')
      .rows as unknown[][];
    // Its components are reals: the seasonal zeros are written 0.0, as series-seasonal-function.md prints them.
    assert.equal(components[1], '[0.0,0.0,0.0]');
    const [baseline, , trend, residual] = components.map(asJson);
    const avg = 7 / 3;
    assert.deepEqual(trend, [avg, avg, avg]);
    assert.deepEqual(baseline, trend);
    (residual as number[]).forEach((r, i) => near(r, [1, 2, 4][i] - avg, 12));
    // Test points are left out of the learning: the average of [1, 2] is 1.5.
    assert.deepEqual(
      shape('print y=dynamic([1, 2, 4]) | extend series_decompose(y, 0, "avg", 1)').rows[0][3],
      [1.5, 1.5, 1.5],
    );
  });

  it('refuses by name what it cannot compute exactly, only when it meets a series', () => {
    assert.throws(
      () =>
        run(
          'print y=dynamic([1, 2, 4]) | extend (a, s, b) = series_decompose_anomalies(y, 1.5, -1, "linefit")',
        ),
      refusedWith(/series_decompose_anomalies\(\) with seasonality -1/),
    );
    assert.throws(
      () => run('print y=dynamic([1, 2, 4]) | extend series_decompose_anomalies(y, 1.5, 0)'),
      refusedWith(/Tukey/),
    );
    assert.deepEqual(
      shape('print y=dynamic([1, 2]) | where false | extend (a, s, b) = series_decompose_anomalies(y)').rows,
      [],
    );
    assert.throws(
      () => run('print y=dynamic([1, "x"]) | extend series_fit_line(y)'),
      refusedWith(/not a number/),
    );
  });
});
