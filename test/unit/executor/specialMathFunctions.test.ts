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
