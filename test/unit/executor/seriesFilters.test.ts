import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { refusedWith, scalar } from './executorHarness';

/** series_iir and series_fir: the pages' formula and examples, the normalize and center rules, and the refusals. */
describe('executor: series filters', () => {
  it('series_iir follows the recursive formula, points before the series counting as 0', () => {
    assert.deepEqual(
      scalar('series_iir(dynamic([1,2,3,4]), dynamic([1]), dynamic([1,-1]))'),
      '[1.0,3.0,6.0,10.0]',
    );
    // Y[i] = (X[i] + X[i-1] - 0.5 Y[i-1]) / 2
    assert.deepEqual(scalar('series_iir(dynamic([2,2]), dynamic([1,1]), dynamic([2,0.5]))'), '[1.0,1.75]');
    assert.deepEqual(scalar('series_iir(dynamic([]), dynamic([1]), dynamic([1]))'), []);
    assert.equal(scalar('series_iir(dynamic(null), dynamic([1]), dynamic([1]))'), null);
    assert.throws(
      () => scalar('series_iir(dynamic([1]), dynamic([1]), dynamic([0,1]))'),
      refusedWith(/series_iir\(\) with a first denominator of zero/),
    );
    assert.throws(
      () => scalar('series_iir(dynamic([1,null]), dynamic([1]), dynamic([1]))'),
      refusedWith(/series_iir\(\) with a series that is not an array of numbers/),
    );
  });

  it('series_fir normalises by default, centres on request, and takes differences', () => {
    const val = 'dynamic([0,0,10,20,40,100,40,0,0])';
    assert.deepEqual(
      scalar(`series_fir(${val}, dynamic([1,1,1,1,1]))`),
      '[0.0,0.0,2.0,6.0,14.0,34.0,42.0,40.0,36.0]',
    );
    assert.deepEqual(
      scalar(`series_fir(${val}, dynamic([1,1,1,1,1]), true, true)`),
      '[2.0,6.0,14.0,34.0,42.0,40.0,36.0,28.0,8.0]',
    );
    assert.deepEqual(
      scalar(`series_fir(${val}, dynamic([1,1,1]), false)`),
      '[0.0,0.0,10.0,30.0,70.0,160.0,180.0,140.0,40.0]',
    );
    assert.deepEqual(
      scalar('series_fir(dynamic([0,2,2,3]), dynamic([1,-1]), false, false)'),
      '[0.0,2.0,0.0,1.0]',
    );
    // A negative coefficient turns the default normalisation off; asking for it gives null.
    assert.deepEqual(scalar('series_fir(dynamic([0,2,2,3]), dynamic([1,-1]))'), '[0.0,2.0,0.0,1.0]');
    assert.equal(scalar('series_fir(dynamic([0,2]), dynamic([1,-1]), true)'), null);
    assert.deepEqual(scalar('series_fir(dynamic([]), dynamic([1]))'), []);
  });

  it('series_fir refuses what its page leaves open', () => {
    assert.throws(
      () => scalar('series_fir(dynamic([1,2]), dynamic([1,1]), true, true)'),
      refusedWith(/series_fir\(\) centred with an even number/),
    );
    assert.throws(
      () => scalar('series_fir(dynamic([1,2]), dynamic([]))'),
      refusedWith(/series_fir\(\) with an empty filter/),
    );
  });

  it('series_seasonal takes the median of each phase for a given period', () => {
    assert.equal(
      scalar('series_seasonal(dynamic([1,3,5,1,3,5,2,4,6]), 3)'),
      '[1.0,3.0,5.0,1.0,3.0,5.0,1.0,3.0,5.0]',
    );
    assert.equal(scalar('series_seasonal(dynamic([1,3,2,4,9]), 2)'), '[2.0,3.5,2.0,3.5,2.0]');
    assert.equal(scalar('series_seasonal(dynamic([1,2]), 5)'), '[1.0,2.0]');
    assert.deepEqual(scalar('series_seasonal(dynamic([]), 3)'), []);
    assert.throws(
      () => scalar('series_seasonal(dynamic([1,2,3]))'),
      refusedWith(/series_seasonal\(\) with the period -1: autodetection/),
    );
    assert.throws(
      () => scalar('series_seasonal(dynamic([1,null]), 2)'),
      refusedWith(/series_seasonal\(\) with a series/),
    );
  });
});
