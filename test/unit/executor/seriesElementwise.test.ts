import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { refusedWith, rows, scalar } from './executorHarness';

/**
 * The element-wise series functions and the series fills: the reference pages' rules for arrays of
 * different lengths, non-numeric elements, nulls and empty arrays, and the refusals for what the
 * pages leave open (scalars in place of arrays, elements outside a function's domain).
 */
describe('executor: element-wise series functions', () => {
  it('combines arrays element by element, the shorter one giving nulls', () => {
    assert.deepEqual(scalar('series_add(dynamic([1,2,4]), dynamic([4,2,1]))'), [5, 4, 5]);
    assert.deepEqual(scalar('series_add(dynamic([1,2,4]), dynamic([4]))'), [5, null, null]);
    assert.deepEqual(scalar('series_subtract(dynamic([1]), dynamic([4,2]))'), [-3, null]);
    // A real operand makes the element a real, a long one stays a long (series-abs-function.md's [6.5,0,8.2]).
    assert.equal(scalar('series_multiply(dynamic([1.5,"a",true]), dynamic([2,2,2]))'), '[3.0,null,null]');
    assert.equal(scalar('series_add(dynamic([1.0, 1, 0.5]), dynamic([1, 1, 0.5]))'), '[2.0,2,1.0]');
    // A whole real element is written with its decimal point, as the page prints it.
    assert.equal(scalar('series_pow(dynamic([1,2,3,4]), dynamic([1,2,3,0.5]))'), '[1.0,4.0,27.0,2.0]');
    assert.deepEqual(scalar('series_add(dynamic([]), dynamic([]))'), []);
    assert.deepEqual(scalar('series_add(dynamic([null]), dynamic([1]))'), [null]);
  });

  it('takes a number in place of one array at each position of the other', () => {
    assert.deepEqual(scalar('series_add(dynamic([1,2,"a"]), 10)'), [11, 12, null]);
    assert.deepEqual(scalar('series_subtract(10, dynamic([1,2]))'), [9, 8]);
    assert.deepEqual(scalar('series_divide(dynamic([1,2]), 4)'), [0.25, 0.5]);
    assert.deepEqual(scalar('series_greater(dynamic([1,5]), 2)'), [false, true]);
    assert.deepEqual(scalar('series_add(dynamic([]), 1)'), []);
    assert.equal(scalar('series_add(dynamic(null), 1)'), null);
  });

  it('divides as reals, division by zero giving infinity', () => {
    const [[r]] = rows('print x = series_divide(dynamic([2,1]), dynamic([0,4]))');
    assert.deepEqual(r, [Infinity, 0.25]);
  });

  it('compares element by element into booleans', () => {
    const a = 'dynamic([1,2,4,"x"])';
    const b = 'dynamic([4,2,1,1])';
    assert.deepEqual(scalar(`series_equals(${a}, ${b})`), [false, true, false, null]);
    assert.deepEqual(scalar(`series_not_equals(${a}, ${b})`), [true, false, true, null]);
    assert.deepEqual(scalar(`series_greater(${a}, ${b})`), [false, false, true, null]);
    assert.deepEqual(scalar(`series_greater_equals(${a}, ${b})`), [false, true, true, null]);
    assert.deepEqual(scalar(`series_less(${a}, ${b})`), [true, false, false, null]);
    assert.deepEqual(scalar(`series_less_equals(${a}, ${b})`), [true, true, false, null]);
  });

  it('maps one array, non-numeric elements giving nulls', () => {
    assert.deepEqual(scalar('series_abs(dynamic([-6.5,0,8.2,"a",null]))'), [6.5, 0, 8.2, null, null]);
    assert.equal(scalar('series_abs(dynamic([-2.0,3]))'), '[2.0,3]');
    assert.equal(scalar('series_sign(dynamic([-6.5,0]))'), '[-1.0,0]');
    assert.deepEqual(scalar('series_sign(dynamic([-6,0,8]))'), [-1, 0, 1]);
    assert.equal(scalar('series_ceiling(dynamic([-1.5,1,2.5]))'), '[-1.0,1.0,3.0]');
    assert.equal(scalar('series_floor(dynamic([-1.5,1,2.5]))'), '[-2.0,1.0,2.0]');
    // Reals whatever the input, as the pages print them (series_cos of 0 is 1.0, series_log of 1 is 0.0).
    assert.equal(scalar('series_acos(dynamic([-1,0,1]))'), `[${Math.PI},${Math.PI / 2},0.0]`);
    assert.equal(scalar('series_asin(dynamic([-1,0,1]))'), `[${-Math.PI / 2},0.0,${Math.PI / 2}]`);
    assert.deepEqual(scalar('series_atan(dynamic([1]))'), [Math.PI / 4]);
    assert.equal(scalar('series_cos(dynamic([0]))'), '[1.0]');
    assert.equal(scalar('series_sin(dynamic([0]))'), '[0.0]');
    assert.equal(scalar('series_tan(dynamic([0]))'), '[0.0]');
    assert.equal(scalar('series_exp(dynamic([0, 1]))'), `[1.0,${Math.E}]`);
    assert.equal(scalar('series_log(dynamic([1,2]))'), `[0.0,${Math.LN2}]`);
    assert.deepEqual(scalar('series_abs(dynamic([]))'), []);
    assert.equal(scalar('series_abs(dynamic(null))'), null);
  });

  it('refuses what the pages leave open, naming the function', () => {
    assert.throws(() => scalar('series_log(dynamic([0]))'), refusedWith(/series_log\(\) of the element 0/));
    assert.throws(() => scalar('series_acos(dynamic([2]))'), refusedWith(/series_acos\(\).*domain/));
    assert.throws(
      () => scalar("series_add(parse_json('1'), parse_json('2'))"),
      refusedWith(/series_add\(\) of two scalars/),
    );
    assert.throws(
      () => scalar(`series_abs(parse_json('{"a":1}'))`),
      refusedWith(/series_abs\(\) with a non-array/),
    );
  });
});

describe('executor: series fills', () => {
  it('fills forward and backward, leaving the unreachable edge as it is', () => {
    assert.deepEqual(scalar('series_fill_forward(dynamic([null,1,null,2,null]))'), [null, 1, 1, 2, 2]);
    assert.deepEqual(scalar('series_fill_backward(dynamic([null,1,null,2,null]))'), [1, 1, 2, 2, null]);
    assert.deepEqual(scalar('series_fill_forward(dynamic([0,1,0,2]), 0)'), [0, 1, 1, 2]);
    assert.deepEqual(scalar('series_fill_backward(dynamic([]))'), []);
    assert.equal(scalar('series_fill_forward(dynamic(null))'), null);
  });

  it('fills a constant where the placeholder is', () => {
    assert.deepEqual(scalar('series_fill_const(dynamic([null,1,-1]), 5)'), [5, 1, -1]);
    assert.deepEqual(scalar('series_fill_const(dynamic([null,1,-1]), 5, -1)'), [null, 1, 5]);
    assert.deepEqual(scalar('series_fill_const(dynamic([null,1]), 0, long(null))'), [0, 1]);
  });

  it('interpolates linearly, with or without the edges, and fills an all-missing series', () => {
    // An interpolated whole real stays a real (2.0), shown with its decimal point.
    assert.equal(scalar('series_fill_linear(dynamic([null,1.5,null,2.5,null]))'), '[1.5,1.5,2.0,2.5,2.5]');
    assert.equal(
      scalar('series_fill_linear(dynamic([null,1.5,null,2.5,null]), double(null), false)'),
      '[null,1.5,2.0,2.5,null]',
    );
    assert.deepEqual(scalar('series_fill_linear(dynamic([1,null,3]))'), [1, 2, 3]);
    assert.equal(scalar('series_fill_linear(dynamic([null,null]))'), '[0.0,0.0]');
    assert.deepEqual(scalar('series_fill_linear(dynamic([null,null]), double(null), true, 3.5)'), [3.5, 3.5]);
    assert.deepEqual(scalar('series_fill_linear(dynamic([]))'), []);
  });

  it('cuts the interpolated values of an int series to whole numbers, as the page does (73.5 to 73)', () => {
    assert.deepEqual(scalar('series_fill_linear(dynamic([1,null,2]))'), [1, 1, 2]);
    assert.equal(scalar('series_fill_linear(dynamic([1.0,null,2.0]))'), '[1.0,1.5,2.0]');
    assert.throws(
      () => scalar('series_fill_linear(dynamic([-1,null,-2]))'),
      refusedWith(/series_fill_linear\(\) cutting a negative interpolated value/),
    );
  });
});
