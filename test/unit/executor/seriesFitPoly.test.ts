import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { asJson, run, refusedWith } from './executorHarness';

/** series_fit_poly: the binder's columns, series_fit_line at degree 1, exact polynomials, and refusals. */

/** The columns and rows, dynamic values read as JSON (whole reals in them come as text). */
const shape = (q: string) => {
  const t = run(q).tables[0];
  return { columns: t.columns.map((c) => c.name), rows: t.rows.map((r) => r.map(asJson)) };
};
const close = (actual: unknown, expected: number, tolerance: number) =>
  assert.ok(
    Math.abs((actual as number) - expected) <= tolerance * Math.max(1, Math.abs(expected)),
    `${String(actual)} is not ${expected}`,
  );
const list = (xs: number[]) => `dynamic([${xs.join(', ')}])`;

/**
 * One row of the fit: [rsquare, coefficients, variance, rvariance, poly_fit]. The binder takes a
 * degree only after an x_series (and types it int, so a literal needs int()).
 */
const fit = (y: number[], x?: number[], degree?: number) => {
  const args = [list(y), ...(x ? [list(x)] : []), ...(degree !== undefined ? [`int(${degree})`] : [])];
  return shape(`print series_fit_poly(${args.join(', ')})`).rows[0] as [
    number,
    number[],
    number,
    number,
    number[],
  ];
};

/** A deterministic noise in [-0.5, 0.5): a linear congruential generator with a fixed seed. */
function noise(count: number): number[] {
  let s = 12345;
  return Array.from({ length: count }, () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648 - 0.5;
  });
}

describe('executor: series_fit_poly', () => {
  it("names its columns as the binder does, in the page's order", () => {
    const { columns } = shape('print y=dynamic([1, 2, 4]) | extend series_fit_poly(y) | project-away y');
    assert.deepEqual(columns, [
      'series_fit_poly_y_rsquare',
      'series_fit_poly_y_coefficients',
      'series_fit_poly_y_variance',
      'series_fit_poly_y_rvariance',
      'series_fit_poly_y_poly_fit',
    ]);
    assert.deepEqual(
      shape('print y=dynamic([1, 2, 4]) | extend (r, c) = series_fit_poly(y) | project-away y').columns,
      ['r', 'c', 'series_fit_poly_y_variance', 'series_fit_poly_y_rvariance', 'series_fit_poly_y_poly_fit'],
    );
  });

  it("gives series_fit_line's statistics and line at degree 1, the coefficients being [slope, interception]", () => {
    const inputs = [
      [2, 5, 6, 8, 11, 15, 17, 18, 25, 26, 30, 30],
      [1, 3, 2],
      noise(50).map((v, i) => 3 * i + 40 * v),
      [-1e6, 5, 2e6, 7, 3.5],
    ];
    for (const y of inputs) {
      const [lr, slope, lv, lrv, interception, lineFit] = shape(`print series_fit_line(${list(y)})`)
        .rows[0] as number[] & unknown[];
      const index = y.map((_, i) => i + 1);
      for (const poly of [fit(y), fit(y, index), fit(y, index, 1)]) {
        const [rsquare, coefficients, variance, rvariance, polyFit] = poly;
        close(rsquare, lr as number, 1e-12);
        assert.equal(variance, lv);
        close(rvariance, lrv as number, 1e-9);
        assert.equal(coefficients.length, 2);
        close(coefficients[0], slope as number, 1e-12);
        close(coefficients[1], interception as number, 1e-9);
        (lineFit as unknown as number[]).forEach((v, i) => close(polyFit[i], v, 1e-9));
      }
    }
  });

  it('recovers an exact cubic, highest power first, with rsquare 1 and no residual', () => {
    const x = Array.from({ length: 10 }, (_, i) => i + 1);
    const y = x.map((v) => 2 * v ** 3 - v + 5);
    const [rsquare, coefficients, variance, rvariance, polyFit] = fit(y, x, 3);
    [2, 0, -1, 5].forEach((c, i) => close(coefficients[i], c, 1e-9));
    close(rsquare, 1, 1e-12);
    assert.ok(rvariance >= 0 && rvariance < 1e-12 * variance, `rvariance ${rvariance}`);
    y.forEach((v, i) => close(polyFit[i], v, 1e-9));
  });

  it('fits over the given x_series, which changes the answer from the default', () => {
    const x = [0.5, 1, 4, 9, 9.5, 20];
    const y = x.map((v) => -3 * v * v + 4 * v + 1);
    const [, coefficients, , , polyFit] = fit(y, x, 2);
    [-3, 4, 1].forEach((c, i) => close(coefficients[i], c, 1e-9));
    y.forEach((v, i) => close(polyFit[i], v, 1e-9));
    const [rsquareByIndex, byIndex] = fit(y, [1, 2, 3, 4, 5, 6], 2);
    assert.ok(rsquareByIndex < 1);
    assert.ok(Math.abs(byIndex[0] + 3) > 0.1);
    // Without x_series the abscissae are 1..n: the same fit as x_series [1, ..., n].
    const z = [4, -1, 7, 2, 9, 3];
    assert.deepEqual(fit(z), fit(z, [1, 2, 3, 4, 5, 6]));
    assert.deepEqual(fit(z), fit(z, [1, 2, 3, 4, 5, 6], 1));
    assert.notDeepEqual(fit(z), fit(z, [0, 2, 3, 4, 5, 6]));
  });

  it('has rsquare = 1 - rvariance / variance on noisy data, both dividing by n - 1', () => {
    const e = noise(200);
    const x = noise(200).map((v) => (v + 0.5) * 5 - 2.3);
    const y = x.map((v, i) => (v ** 5 - 8 * v ** 3 + 10 * v + 6) * (1 + e[i] * 0.5));
    const [rsquare, coefficients, variance, rvariance, polyFit] = fit(y, x, 5);
    assert.equal(coefficients.length, 6);
    close(rsquare, 1 - rvariance / variance, 1e-12);
    const mean = y.reduce((a, b) => a + b, 0) / y.length;
    close(variance, y.reduce((a, v) => a + (v - mean) ** 2, 0) / 199, 1e-12);
    close(rvariance, y.reduce((a, v, i) => a + (v - polyFit[i]) ** 2, 0) / 199, 1e-12);
    // Least squares: raising the degree never leaves a larger residual.
    assert.ok(fit(y, x, 6)[3] <= rvariance * (1 + 1e-12));
  });

  it('fits degree 8 on x in [0, 1] without losing the coefficients', () => {
    const x = Array.from({ length: 60 }, (_, i) => (i / 59) ** 1.3);
    const c = [3, -7, 2, 0.5, -4, 1, 6, -2, 0.25];
    const y = x.map((v) => c.reduce((a, k) => a * v + k, 0));
    const [rsquare, coefficients] = fit(y, x, 8);
    c.forEach((k, i) => close(coefficients[i], k, 1e-6));
    close(rsquare, 1, 1e-12);
  });

  it('gives nulls for a null y_series, as series_fit_line does, and runs over no rows', () => {
    assert.deepEqual(shape('print series_fit_poly(dynamic(null))').rows[0], [null, null, null, null, null]);
    assert.deepEqual(shape('print y=dynamic([1]) | where false | extend series_fit_poly(y)').rows, []);
  });

  it('refuses by name what its page does not define', () => {
    const refused = (q: string, why: RegExp) =>
      assert.throws(() => run(`print ${q}`), refusedWith(new RegExp(`series_fit_poly\\(\\) ${why.source}`)));
    refused('series_fit_poly(dynamic([1, null, 3]))', /of a series with an element that is not a number/);
    refused('series_fit_poly(dynamic([1, "a", 3]))', /of a series with an element that is not a number/);
    refused('series_fit_poly(dynamic([1, 2, 3]), dynamic([1, null, 3]))', /.*not a number/);
    refused('series_fit_poly(dynamic([1, 2, 3]), dynamic([1, 2]))', /.*different lengths/);
    refused('series_fit_poly(dynamic([1, 2, 3]), dynamic(null), int(1))', /with a null x_series/);
    refused(`series_fit_poly(dynamic([1, 2, 3]), parse_json('{"a": 1}'))`, /whose x_series is not an array/);
    refused('series_fit_poly(dynamic([1, 2, 3]), dynamic([1, 2, 3]), int(0))', /with the degree 0/);
    refused('series_fit_poly(dynamic([1, 2, 3]), dynamic([1, 2, 3]), int(-2))', /with the degree -2/);
    refused('series_fit_poly(dynamic([1, 2, 3]), dynamic([1, 2, 3]), int(null))', /with a null degree/);
    refused('series_fit_poly(dynamic([1, 2, 3]), dynamic([1, 2, 3]), int(3))', /of degree 3 over 3 distinct/);
    refused('series_fit_poly(dynamic([1, 2, 3]), dynamic([1, 1, 2]), int(2))', /of degree 2 over 2 distinct/);
    refused('series_fit_poly(dynamic([5]))', /of degree 1 over 1 distinct/);
    refused('series_fit_poly(dynamic([]))', /of an empty series/);
    refused('series_fit_poly(dynamic([4, 4, 4]))', /of a constant y_series/);
    refused('series_fit_poly(dynamic([1, 2, 3]), dynamic([1e200, 2e200, 3e200]), int(2))', /.*beyond a real/);
    refused('series_fit_poly(dynamic([1, 2, 3]), dynamic([1e-200, 2e-200, 3e-200]), int(2))', /.*too small/);
    refused('series_fit_poly(pack_array(1.0, real(nan), 3.0))', /whose y_series holds NaN or an infinity/);
  });
});
