import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { refusedWith, rows, scalar } from './executorHarness';

/**
 * Whole reals inside dynamic values (issue 16): Kusto keeps 2.0 in a dynamic value a real, so
 * gettype() names it real and its JSON text keeps the decimal point ([1.0], as the
 * series-*-function.md pages print). Where the executor cannot tell how Kusto treats one, it
 * refuses by name.
 */
describe('executor: whole reals inside dynamic values', () => {
  it('gettype() names them real, wherever they come from', () => {
    assert.equal(scalar('gettype(dynamic(2.0))'), 'real');
    assert.equal(scalar("gettype(parse_json('2.0'))"), 'real');
    assert.equal(scalar('gettype(dynamic([1.0])[0])'), 'real');
    assert.equal(scalar('gettype(todynamic(\'{"a":[3.0]}\').a[0])'), 'real');
    assert.equal(scalar('gettype(pack_array(2.0)[0])'), 'real');
    assert.equal(scalar('gettype(dynamic(1e3))'), 'real');
    // An int stays an int, and a fractional real a real.
    assert.equal(scalar('gettype(dynamic(2))'), 'int');
    assert.equal(scalar('gettype(dynamic(2.5))'), 'real');
    assert.equal(scalar('gettype(dynamic([1,2.0])[0])'), 'int');
  });

  it('writes them with a decimal point in JSON text', () => {
    assert.equal(scalar('tostring(dynamic([1.0]))'), '[1.0]');
    assert.equal(scalar('dynamic([-2.0,1.0,2.0])'), '[-2.0,1.0,2.0]');
    assert.equal(scalar('tostring(dynamic([111,0.0,36]))'), '[111,0.0,36]');
    assert.equal(
      scalar('tostring(dynamic({"a":[1.0,{"b":2.0}],"c":null,"d":2.5}))'),
      '{"a":[1.0,{"b":2.0}],"c":null,"d":2.5}',
    );
    assert.equal(scalar("tostring(parse_json('[0.25, 1.0, 4.00]'))"), '[0.25,1.0,4.0]');
    assert.equal(scalar('strcat(dynamic([5.0]))'), '[5.0]');
    assert.equal(scalar('dynamic_to_json(dynamic([1.0]))'), '[1.0]');
    // An int array is unchanged.
    assert.deepEqual(scalar('dynamic([1,2])'), [1, 2]);
  });

  it('keeps a real column a real inside dynamic values (pack_array, bag_pack, make_list, make_set, make_bag, range)', () => {
    assert.equal(scalar('tostring(pack_array(1.0, 2, 2.5))'), '[1.0,2,2.5]');
    assert.equal(scalar('tostring(bag_pack("a", 1.0))'), '{"a":1.0}');
    assert.equal(scalar('tostring(pack("a", real(3)))'), '{"a":3.0}');
    assert.equal(scalar('tostring(range(1.0, 3.0, 1.0))'), '[1.0,2.0,3.0]');
    const t = { T: [{ x: 1 }, { x: 2 }, { x: 1 }] };
    const types = { T: { x: 'real' } };
    assert.deepEqual(rows('T | summarize l = tostring(make_list(x)), s = tostring(make_set(x))', t, types), [
      ['[1.0,2.0,1.0]', '[1.0,2.0]'],
    ]);
    assert.deepEqual(rows('T | summarize b = tostring(make_bag(bag_pack(tostring(x), x)))', t, types), [
      ['{"1":1.0,"2":2.0}'],
    ]);
    // summarize-operator.md: make_list of a real average.
    assert.deepEqual(rows('T | summarize a = avg(x) by x | summarize tostring(make_list(a))', t, types)[0], [
      '[1.0,2.0]',
    ]);
  });

  it('keeps them in the bags bag_remove_keys returns (bag-remove-keys-function.md prints "key3": 42.0)', () => {
    assert.equal(
      scalar("bag_remove_keys(dynamic({'key1' : 'value', 'key3': 42.0}), dynamic(['key2', 'key4']))"),
      '{"key1":"value","key3":42.0}',
    );
    // A whole real given as a key is refused by name rather than read as the key "1".
    assert.throws(
      () => scalar("bag_remove_keys(dynamic({'1': 1}), dynamic([1.0]))"),
      refusedWith(/whole real 1 inside a dynamic value/),
    );
  });

  it('reads them as numbers in conversions, arithmetic and comparisons with typed values', () => {
    assert.equal(scalar('todouble(dynamic([2.0])[0])'), 2);
    assert.equal(scalar('tolong(dynamic(2.0))'), 2);
    assert.equal(scalar('toint(dynamic([7.0])[0])'), 7);
    assert.equal(scalar('dynamic([2.0])[0] + 1'), 3);
    assert.equal(scalar('dynamic(2.0) == 2'), true);
    assert.equal(scalar('dynamic(2.0) > 1.5'), true);
    assert.equal(scalar('round(todouble(dynamic(2.0)))'), 2);
    assert.equal(scalar('dynamic(2.0).a'), null);
    assert.equal(scalar('isnull(dynamic([2.0])[1])'), true);
    assert.equal(scalar('array_length(dynamic([1.0, 2.0]))'), 2);
    assert.equal(scalar('tostring(array_concat(dynamic([1.0]), dynamic([2])))'), '[1.0,2]');
  });

  it('refuses by name what the pages do not settle', () => {
    // tostring() of a whole real held alone: "2" or "2.0".
    assert.throws(
      () => scalar('tostring(dynamic(2.0))'),
      refusedWith(/whole real 2 inside a dynamic value converted to/),
    );
    // Whether a dynamic 1.0 and 1 are one value.
    assert.throws(
      () => scalar('dynamic([1.0])[0] == dynamic([1])[0]'),
      refusedWith(/whole real 1 inside a dynamic value/),
    );
    assert.throws(
      () => rows('print d = dynamic([1, 1.0]) | mv-expand d | summarize make_set(d)'),
      refusedWith(/whole real 1 inside a dynamic value/),
    );
    assert.throws(() => scalar('set_union(dynamic([1.0]), dynamic([1]))'), refusedWith(/set_union\(\)/));
    assert.throws(() => scalar('array_sort_asc(dynamic([2.0, 1.0]))'), refusedWith(/array_sort_asc\(\)/));
    // How Kusto writes a whole real of 1e15 or more inside JSON text, no page shows.
    assert.throws(() => scalar('tostring(dynamic([1e20]))'), refusedWith(/whole real 100000000000000000000/));
  });

  it('fills series keeping ints and reals apart (series-fill-const and series-fill-linear pages)', () => {
    assert.equal(scalar('tostring(series_fill_const(dynamic([111,null,36]), 0.0))'), '[111,0.0,36]');
    assert.equal(
      scalar('tostring(series_fill_linear(dynamic([null, 111.0, null, 36.0, 41.0, null, null, 16.0])))'),
      '[111.0,111.0,73.5,36.0,41.0,32.666666666666664,24.333333333333332,16.0]',
    );
    assert.equal(
      scalar('tostring(series_fill_linear(dynamic([null, 111, null, 36, 41, null, null, 16])))'),
      '[111,111,73,36,41,32,24,16]',
    );
    assert.equal(scalar('tostring(series_fill_linear(dynamic([null,null])))'), '[0.0,0.0]');
    assert.throws(
      () => scalar('series_fill_linear(dynamic([1, null, 2.0]))'),
      refusedWith(/mixing int and real/),
    );
  });

  it('gives series functions the numbers of a series of reals, the elements following their types', () => {
    assert.equal(scalar('series_add(dynamic([1.0, 2.5]), dynamic([1, 1]))'), '[2.0,3.5]');
    assert.equal(scalar('gettype(series_stats_dynamic(dynamic([1, 2])).min)'), 'real');
    assert.deepEqual(scalar('series_greater(dynamic([1.0, 2.5]), dynamic([1, 1]))'), [false, true]);
  });
});

describe('executor: series functions whose elements are reals', () => {
  it('keep whole elements reals, as their pages print them', () => {
    assert.equal(scalar('series_floor(dynamic([-1.5,1,2.5]))'), '[-2.0,1.0,2.0]');
    assert.equal(scalar('series_ceiling(dynamic([-1.5,1,2.5]))'), '[-1.0,1.0,3.0]');
    assert.equal(scalar('series_pow(dynamic([1, 2, 3, 4]), dynamic([1, 2, 3, 0.5]))'), '[1.0,4.0,27.0,2.0]');
    assert.equal(scalar('series_divide(dynamic([1,2,4]), dynamic([4,2,1]))'), '[0.25,1.0,4.0]');
    assert.equal(scalar('gettype(series_divide(dynamic([4]), dynamic([2]))[0])'), 'real');
  });
});

describe('executor: whole reals in the dynamic columns of tables', () => {
  it('reads them from a dynamic column given as JSON text, through mv-expand', () => {
    const t = { T: [{ d: '[2.0, 3, {"a": 1.0}]' }] };
    const types = { T: { d: 'dynamic' } };
    assert.deepEqual(rows('T | project tostring(d)', t, types), [['[2.0,3,{"a":1.0}]']]);
    assert.deepEqual(rows('T | mv-expand e = d | project gettype(e)', t, types), [
      ['real'],
      ['int'],
      ['dictionary'],
    ]);
    assert.deepEqual(
      rows('T | mv-expand e = d to typeof(real) | take 1', t, types).map((r) => r[1]),
      [2],
    );
    assert.throws(
      () => rows('T | mv-expand e = d to typeof(long)', t, types),
      refusedWith(/whole real 2 inside a dynamic value mv-expand to typeof\(long\)/),
    );
  });
});
