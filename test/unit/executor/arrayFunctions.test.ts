import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { refusedWith, rows, run, scalar } from './executorHarness';

/** Array and bag functions of issue 16, with their reference examples, nulls, empties and refusals. */
describe('executor: array functions', () => {
  it('array_sort_asc sorts the first array and reorders the others (array-sort-asc-function.md)', () => {
    const r = run('print array_sort_asc(dynamic([1,3,4,5,2]), dynamic(["a","b","c","d","e"]))');
    assert.deepEqual(
      r.tables[0].columns.map((c) => c.name),
      ['array0_sorted', 'array1_sorted'],
    );
    assert.deepEqual(r.tables[0].rows, [
      [
        [1, 2, 3, 4, 5],
        ['a', 'e', 'b', 'c', 'd'],
      ],
    ]);
    assert.equal(
      scalar('strcat_array(array_sort_asc(split("John,Paul,Jane,Kao", ",")), ",")'),
      'Jane,John,Kao,Paul',
    );
    assert.deepEqual(scalar('array_sort_asc(dynamic([null,"blue","yellow","green",null]))'), [
      'blue',
      'green',
      'yellow',
      null,
      null,
    ]);
    assert.deepEqual(scalar('array_sort_asc(dynamic([null,"blue","yellow","green",null]), false)'), [
      null,
      null,
      'blue',
      'green',
      'yellow',
    ]);
    // Numbers come before strings, and strings compare ordinally (upper case first).
    assert.deepEqual(scalar('array_sort_asc(dynamic(["b", 2, "B", 10, "ä"]))'), [2, 10, 'B', 'b', 'ä']);
    assert.deepEqual(scalar('array_sort_asc(dynamic([]))'), []);
    // A value that is not an array (the binder cannot tell from a dynamic column) gives null.
    assert.deepEqual(
      rows('datatable(d:dynamic)[dynamic({"a":1})] | extend s = array_sort_asc(d) | project isnull(s)'),
      [[true]],
    );
  });

  it('array_sort_desc sorts down, and a mismatched companion array is null (array-sort-desc-function.md)', () => {
    assert.deepEqual(rows('print array_sort_desc(dynamic([1,3,4,5,2]), dynamic(["a","b","c","d","e"]))'), [
      [
        [5, 4, 3, 2, 1],
        ['d', 'c', 'b', 'e', 'a'],
      ],
    ]);
    assert.deepEqual(rows('print array_sort_desc(dynamic([2,1]), dynamic(["x"]))'), [[[2, 1], null]]);
    assert.deepEqual(scalar('array_sort_desc(dynamic([null,"blue","yellow","green",null]), false)'), [
      null,
      null,
      'yellow',
      'green',
      'blue',
    ]);
    // The tuple's second array, by index, in a scalar use.
    const ordered = rows(
      `datatable(c:string, t:datetime) ['ls', datetime(2019-07-02), 'rm', datetime(2019-07-27), 'pwd', datetime(2019-07-25)]
       | summarize ts = make_list(t), cs = make_list(c) | project o = array_sort_desc(ts, cs)[1]`,
    );
    assert.deepEqual(ordered, [[['rm', 'pwd', 'ls']]]);
  });

  it('the sorts refuse what their pages leave open', () => {
    assert.throws(
      () => scalar('array_sort_desc(dynamic([1, "a"]))'),
      refusedWith(/array_sort_desc\(\).*mixing kinds/),
    );
    assert.throws(() => scalar('array_sort_asc(dynamic([true, false]))'), refusedWith(/several bools/));
    assert.throws(
      () => rows('print array_sort_asc(dynamic([1, 1]), dynamic(["x", "y"]))'),
      refusedWith(/equal elements/),
    );
    assert.throws(
      () => scalar('array_sort_asc(dynamic(["1.02:00:00", "03:00:00"]))'),
      refusedWith(/timespan/),
    );
    assert.throws(
      () => rows('print array_sort_asc(dynamic([null, 1, null]), dynamic(["x", "y", "z"]))'),
      refusedWith(/equal elements/),
    );
    // Ties whose companions agree are fine.
    assert.deepEqual(rows('print array_sort_asc(dynamic([2, 1, 1]), dynamic(["z", "x", "x"]))'), [
      [
        [1, 1, 2],
        ['x', 'x', 'z'],
      ],
    ]);
  });

  it('array_iff and array_iif pick element-wise (array-iff-function.md)', () => {
    assert.deepEqual(
      scalar('array_iff(dynamic([true,false,true]), dynamic([1,2,3]), dynamic([4,5,6]))'),
      [1, 5, 3],
    );
    assert.deepEqual(scalar('array_iif(dynamic([1,0,50]), "yes", "no")'), ['yes', 'no', 'yes']);
    assert.deepEqual(scalar('array_iff(dynamic(["some string value", null, {}]), 1, 0)'), [null, null, null]);
    assert.deepEqual(scalar('array_iff(dynamic([true,true,true]), dynamic([1,2]), dynamic([3,4]))'), [
      1,
      2,
      null,
    ]);
    assert.deepEqual(scalar('array_iff(dynamic([]), 1, 0)'), []);
    assert.equal(scalar('isnull(array_iff(dynamic(null), 1, 0))'), true);
  });

  it('rotates and shifts (array-rotate-*-function.md, array-shift-*-function.md)', () => {
    const a = 'dynamic([1,2,3,4,5])';
    assert.deepEqual(scalar(`array_rotate_left(${a}, 2)`), [3, 4, 5, 1, 2]);
    assert.deepEqual(scalar(`array_rotate_left(${a}, -2)`), [4, 5, 1, 2, 3]);
    assert.deepEqual(scalar(`array_rotate_right(${a}, 2)`), [4, 5, 1, 2, 3]);
    assert.deepEqual(scalar(`array_rotate_right(${a}, -2)`), [3, 4, 5, 1, 2]);
    assert.deepEqual(scalar(`array_rotate_left(${a}, 12)`), [3, 4, 5, 1, 2]);
    assert.deepEqual(scalar('array_rotate_left(dynamic([]), 3)'), []);
    assert.deepEqual(scalar(`array_shift_left(${a}, 2)`), [3, 4, 5, null, null]);
    assert.deepEqual(scalar(`array_shift_left(${a}, 2, -1)`), [3, 4, 5, -1, -1]);
    assert.deepEqual(scalar(`array_shift_left(${a}, -2, -1)`), [-1, -1, 1, 2, 3]);
    assert.deepEqual(scalar(`array_shift_right(${a}, 2)`), [null, null, 1, 2, 3]);
    assert.deepEqual(scalar(`array_shift_right(${a}, -2, -1)`), [3, 4, 5, -1, -1]);
    assert.deepEqual(scalar(`array_shift_right(${a}, 9)`), [null, null, null, null, null]);
    assert.deepEqual(scalar('array_shift_left(dynamic(["a","b"]), 1)'), ['b', '']);
    assert.throws(() => scalar('array_shift_left(dynamic(["a",1]), 1)'), refusedWith(/mixing strings/));
  });

  it('array_split cuts at indices (array-split-function.md)', () => {
    const a = 'dynamic([1,2,3,4,5])';
    assert.deepEqual(scalar(`array_split(${a}, 2)`), [
      [1, 2],
      [3, 4, 5],
    ]);
    assert.deepEqual(scalar(`array_split(${a}, dynamic([1,3]))`), [[1], [2, 3], [4, 5]]);
    assert.deepEqual(scalar(`array_split(${a}, -1)`), [[1, 2, 3, 4], [5]]);
    assert.throws(() => scalar(`array_split(${a}, 9)`), refusedWith(/array_split\(\)/));
  });

  it('zip pads to the longest array (zip-function.md)', () => {
    assert.deepEqual(scalar('zip(dynamic([1,3,5]), dynamic([2,4,6]))'), [
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    assert.deepEqual(scalar('zip(dynamic(["A", 1, 1.5]), dynamic([{}, "B"]))'), [
      ['A', {}],
      [1, 'B'],
      [1.5, null],
    ]);
    assert.deepEqual(scalar('zip(dynamic([]), dynamic([]))'), []);
  });

  it('jaccard_index and has_any_index (jaccard-index-function.md, has-any-index-function.md)', () => {
    assert.equal(scalar('jaccard_index(dynamic([1,2,3]), dynamic([1,2,3,4]))'), 0.75);
    assert.equal(scalar('jaccard_index(dynamic([1,1,"1"]), dynamic([1]))'), 0.5);
    assert.throws(() => scalar('jaccard_index(dynamic([]), dynamic([]))'), refusedWith(/empty sets/));
    assert.equal(scalar('has_any_index("this is an example", dynamic(["this", "example"]))'), 0);
    assert.equal(scalar('has_any_index("this is an example", dynamic(["not", "example"]))'), 1);
    assert.equal(scalar('has_any_index("this is an example", dynamic(["not", "found"]))'), -1);
    assert.equal(scalar('has_any_index("Example number 2", range(1, 3, 1))'), 1);
    assert.equal(scalar('has_any_index("this is an example", dynamic([]))'), -1);
    // The page does not say whether the empty string is found in every text.
    assert.throws(() => scalar('has_any_index("abc", dynamic([""]))'), refusedWith(/empty lookup/));
    // Whole terms only, case-insensitive, unicode text passes through.
    assert.equal(scalar('has_any_index("examples ÉTÉ", dynamic(["example", "été"]))'), 1);
  });
});

describe('executor: bag functions', () => {
  it('bag_set_key sets a root key or a JSON path (bag-set-key-function.md)', () => {
    assert.deepEqual(scalar("bag_set_key(dynamic({'key1': 1, 'key3': 'abc'}), 'key3', 3)"), {
      key1: 1,
      key3: 3,
    });
    assert.deepEqual(scalar("bag_set_key(dynamic({'key1': 123}), '$.key2.prop1', 'abc')"), {
      key1: 123,
      key2: { prop1: 'abc' },
    });
    assert.deepEqual(
      scalar("bag_set_key(dynamic({'key2': {'prop1': 123, 'prop2': 'xyz'}}), '$.key2.prop1', 'abc')"),
      { key2: { prop1: 'abc', prop2: 'xyz' } },
    );
    assert.deepEqual(rows("datatable(d:dynamic)[dynamic([1])] | project isnull(bag_set_key(d, 'k', 1))"), [
      [true],
    ]);
    assert.deepEqual(scalar("bag_set_key(dynamic({}), 'when', datetime(2020-01-01))"), {
      when: '2020-01-01T00:00:00.0000000Z',
    });
    assert.throws(() => scalar("bag_set_key(dynamic({}), '$.a[0]', 1)"), refusedWith(/array indexing/));
    assert.throws(() => scalar("bag_set_key(dynamic({'a': 1}), '$.a.b', 1)"), refusedWith(/not a bag/));
  });

  it('treepath lists the paths of a bag (treepath-function.md)', () => {
    assert.deepEqual(scalar('treepath(parse_json(\'{"a":"b", "c":123}\'))'), ["['a']", "['c']"]);
    assert.deepEqual(scalar('treepath(parse_json(\'{"prop1":[1,2,3,4], "prop2":"value2"}\'))'), [
      "['prop1']",
      "['prop1'][0]",
      "['prop2']",
    ]);
    assert.deepEqual(scalar('treepath(parse_json(\'{"listProperty":[100,200,300,"abcde",{"x":"y"}]}\'))'), [
      "['listProperty']",
      "['listProperty'][0]",
      "['listProperty'][0]['x']",
    ]);
    assert.deepEqual(scalar('treepath(dynamic({}))'), []);
    assert.throws(() => scalar('treepath(dynamic({"b":1, "a":2}))'), refusedWith(/not in order/));
  });

  it('dynamic_to_json writes canonical JSON with sorted keys (dynamic-to-json-function.md)', () => {
    const r =
      rows(`let bag1 = dynamic_to_json(dynamic({'Y10':dynamic({}), 'X8': dynamic({'c3':1,'d8':5,'a4':6}), 'D1':114, 'A1':12, 'B1':2, 'C1':3, 'A14':[15, 13, 18]}));
      let bag2 = dynamic_to_json(dynamic({'X8': dynamic({'a4':6,'c3':1,'d8':5}), 'A14':[15, 13, 18], 'C1':3, 'B1':2, 'Y10': dynamic({}), 'A1':12, 'D1':114}));
      print AreEqual=bag1 == bag2, Result=bag1`);
    assert.deepEqual(r, [
      [true, '{"A1":12,"A14":[15,13,18],"B1":2,"C1":3,"D1":114,"X8":{"a4":6,"c3":1,"d8":5},"Y10":{}}'],
    ]);
    assert.equal(scalar('dynamic_to_json(42)'), '42');
    assert.equal(scalar('dynamic_to_json(dynamic(["é", null, true]))'), '["é",null,true]');
    assert.throws(() => scalar('dynamic_to_json(dynamic("x"))'), refusedWith(/dynamic string/));
  });

  it('bag_pack_columns packs columns by name; column_names_of lists a schema (bag-pack-columns-function.md, column-names-of-function.md)', () => {
    assert.deepEqual(
      rows(
        'datatable(Id: string, Value: string, Other: long) ["A", "val_a", 1, "B", "val_b", 2] | project Packed = bag_pack_columns(Id, Value)',
      ),
      [[{ Id: 'A', Value: 'val_a' }], [{ Id: 'B', Value: 'val_b' }]],
    );
    // A datetime is packed as Kusto writes it inside dynamic values; a null stays as null.
    assert.deepEqual(
      rows(
        'datatable(When: datetime, N: long, S: string) [datetime(2020-01-01), long(null), "é"] | project bag_pack_columns(When, N, S)',
      ),
      [[{ When: '2020-01-01T00:00:00.0000000Z', N: null, S: 'é' }]],
    );
    assert.deepEqual(scalar('column_names_of(datatable(A:string, B:int) [])'), ['A', 'B']);
    assert.deepEqual(rows('let F = (p:int) { print A="", B=1 }; print Columns=column_names_of(F(1))'), [
      [['A', 'B']],
    ]);
    assert.deepEqual(rows('let T = datatable(A:string) ["x", "y"]; T | project column_names_of(T)'), [
      [['A']],
      [['A']],
    ]);
  });
});
