import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { refusedWith, rows, scalar } from './executorHarness';

/** erf, erfc, gamma, loggamma and the beta distribution: the pages' values, nulls and edges. */
const close = (actual: unknown, expected: number, rel = 1e-13) =>
  assert.ok(
    typeof actual === 'number' &&
      Math.abs(actual - expected) <= rel * (expected === 0 ? 1 : Math.abs(expected)),
    `${String(actual)} is not ${expected}`,
  );

describe('executor: erf and erfc', () => {
  it('give the digits the pages print from -3 to 3', () => {
    const erf = [-0.999977909503001, -0.995322265018953, -0.842700792949715, 0, 0.842700792949715];
    const got = rows('range x from -3 to 1 step 1 | project erf(x)').map((r) => r[0]);
    erf.forEach((v, i) => close(got[i], v));
    close(scalar('erfc(1)'), 0.157299207050285);
    close(scalar('erfc(2)'), 0.00467773498104727);
    close(scalar('erfc(3)'), 2.20904969985854e-5);
    close(scalar('erfc(-2)'), 1.995322265018953);
  });

  it('keep relative precision far in the tail and give null for null', () => {
    close(scalar('erfc(10)'), 2.088487583762545e-45);
    assert.equal(scalar('erf(50.0)'), 1);
    assert.equal(scalar('erfc(-50.0)'), 2);
    assert.equal(scalar('erf(real(null))'), null);
    assert.ok(Number.isNaN(scalar('erf(real(nan))')));
    assert.equal(scalar('erf(real(+inf))'), 1);
    assert.equal(scalar('erfc(real(+inf))'), 0);
    assert.equal(scalar('erfc(real(-inf))'), 2);
  });
});

describe('executor: gamma and loggamma', () => {
  it('give factorials exactly and the page values', () => {
    assert.equal(scalar('gamma(5)'), 24);
    assert.equal(scalar('gamma(1)'), 1);
    close(scalar('loggamma(5)'), 3.1780538303479458);
    close(scalar('gamma(0.5)'), Math.sqrt(Math.PI));
    close(scalar('gamma(-0.5)'), -2 * Math.sqrt(Math.PI));
    close(scalar('loggamma(-0.5)'), Math.log(2 * Math.sqrt(Math.PI)));
    close(scalar('loggamma(1000.0)'), 5905.220423209181);
  });

  it('refuse the poles, which the pages leave undefined, and pass null through', () => {
    assert.throws(() => scalar('gamma(0)'), refusedWith(/gamma\(0\).*pole/));
    assert.throws(() => scalar('loggamma(-3)'), refusedWith(/loggamma\(-3\)/));
    assert.equal(scalar('gamma(real(null))'), null);
  });
});

describe('executor: beta distribution', () => {
  it('beta_cdf, beta_pdf and beta_inv give the pages values', () => {
    close(scalar('beta_cdf(0.9, 10.0, 20.0)'), 0.999999999999959);
    close(scalar('beta_pdf(0.5, 10.0, 20.0)'), 0.746176019310951, 1e-12);
    close(scalar('beta_inv(0.1, 10.0, 20.0)'), 0.226415022388749, 1e-12);
    // The uniform distribution and a closed form: I_x(2, 3) = 6x² - 8x³ + 3x⁴.
    close(scalar('beta_cdf(0.25, 1, 1)'), 0.25);
    close(scalar('beta_cdf(0.3, 2, 3)'), 6 * 0.09 - 8 * 0.027 + 3 * 0.0081);
    close(scalar('beta_inv(beta_cdf(0.3, 2.5, 3.5), 2.5, 3.5)'), 0.3, 1e-12);
  });

  it('give NaN out of the domain the pages give and null for null', () => {
    for (const q of [
      'beta_cdf(1.5, 10.0, 20.0)',
      'beta_cdf(-10.0, 10.0, 20.0)',
      'beta_cdf(0.1, -1.0, 20.0)',
      'beta_cdf(0.1, 10001.0, 2.0)',
      'beta_pdf(0.0, 2.0, 2.0)',
      'beta_pdf(1.5, 10.0, 20.0)',
      'beta_pdf(0.1, 2.0, 0.0)',
    ])
      assert.ok(Number.isNaN(scalar(q)), q);
    assert.equal(scalar('beta_cdf(0.0, 2.0, 2.0)'), 0);
    assert.equal(scalar('beta_cdf(1.0, 2.0, 2.0)'), 1);
    assert.equal(scalar('beta_pdf(real(null), 2.0, 2.0)'), null);
    assert.equal(scalar('beta_inv(0.5, real(null), 2.0)'), null);
  });

  it('beta_inv refuses the out-of-range inputs its page contradicts itself on', () => {
    assert.throws(() => scalar('beta_inv(1.5, 10.0, 20.0)'), refusedWith(/contradicts itself/));
    assert.throws(() => scalar('beta_inv(0.1, -1.0, 20.0)'), refusedWith(/contradicts itself/));
    assert.equal(scalar('beta_inv(1.0, 2.0, 3.0)'), 1);
  });
});

describe('executor: welch_test', () => {
  it('gives the two-sided p-value of the page example (0.021)', () => {
    const [[p]] = rows(
      'print s1 = dynamic([27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4]), s2 = dynamic([27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4]) | mv-expand s1 to typeof(double), s2 to typeof(double) | summarize m1=avg(s1), v1=variance(s1), c1=count(), m2=avg(s2), v2=variance(s2), c2=count() | project pValue=welch_test(m1,v1,c1,m2,v2,c2)',
    );
    assert.equal(Math.round((p as number) * 1000) / 1000, 0.021);
  });

  it('matches the t table: t = 2.228139 on 10 degrees of freedom is p = 0.05', () => {
    // Equal counts of 6 and variances of 3 give a standard error of 1 and df = 10.
    close(scalar('welch_test(2.228138851986, 3.0, 6, 0.0, 3.0, 6)'), 0.05, 1e-9);
    assert.equal(scalar('welch_test(5.0, 1.0, 10, 5.0, 2.0, 20)'), 1);
  });

  it('gives null for a null argument and refuses the undefined cases', () => {
    assert.equal(scalar('welch_test(real(null), 1.0, 10, 0.0, 1.0, 10)'), null);
    assert.throws(() => scalar('welch_test(1.0, 1.0, 1, 0.0, 1.0, 10)'), refusedWith(/welch_test/));
    assert.throws(() => scalar('welch_test(1.0, 0.0, 5, 0.0, 0.0, 10)'), refusedWith(/welch_test/));
  });
});
