import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { refusedWith, rows, scalar } from './executorHarness';

/**
 * The string, array/bag and math functions added beside the basics: the edge cases around the
 * reference's own examples (which the conformance measure checks): nulls, empty values, unicode
 * and values of the wrong shape.
 */
describe('executor: string functions', () => {
  it('indexof handles empty, unicode, out-of-range starts and bad arguments', () => {
    assert.equal(scalar('indexof("", "a")'), -1);
    assert.equal(scalar('indexof("abc", "")'), 0);
    assert.equal(scalar('indexof("añb", "b")'), 2);
    assert.equal(scalar('indexof("abc", "c", 10)'), -1);
    assert.equal(scalar('indexof("abc", "c", 0, -2)'), null);
    assert.equal(scalar('indexof("abc", "c", 0, -1, -1)'), null);
  });

  it('reverse keeps surrogate pairs whole; strrep caps the count and refuses none', () => {
    assert.equal(scalar('reverse("a😀b")'), 'b😀a');
    assert.equal(scalar('reverse("")'), '');
    assert.equal((scalar('strrep("x", 5000)') as string).length, 1024);
    assert.equal(scalar('strrep("x", 0)'), '');
  });

  it('parse_csv takes the first record, with quoted commas, doubled quotes and unicode', () => {
    assert.deepEqual(scalar(`parse_csv('x,"y, z",ñ')`), ['x', 'y, z', 'ñ']);
    assert.deepEqual(scalar(`parse_csv('a,,b')`), ['a', '', 'b']);
    assert.deepEqual(scalar(`parse_csv('"say ""hi""",2\\n3,4')`), ['say "hi"', '2']);
    // What an empty text or an unclosed quote gives is not on the page: refused, not guessed.
    assert.throws(() => scalar(`parse_csv('')`), refusedWith(/parse_csv\(\) of an empty string/));
    assert.throws(() => scalar(`parse_csv('"open')`), refusedWith(/unclosed quote/));
  });

  it('strcat_delim, strcmp and string_size', () => {
    assert.equal(scalar('strcat_delim("-", "a", 1, true)'), 'a-1-true');
    assert.equal(scalar('strcmp("", "a")'), -1);
    assert.equal(scalar('string_size("é")'), 2, 'UTF-8 bytes');
  });

  it('base64 round-trips unicode text and gives empty for text that is not base64', () => {
    assert.equal(scalar('base64_encode_tostring("Kusto")'), 'S3VzdG8=');
    assert.equal(scalar('base64_decode_tostring(base64_encode_tostring("héllo 😀"))'), 'héllo 😀');
    assert.equal(scalar('base64_decode_tostring("not base64!")'), '');
    assert.equal(scalar('base64_decode_toarray("***")'), null);
  });

  it('tostring of a datetime writes the seven fraction digits Kusto writes', () => {
    assert.equal(scalar('tostring(datetime(2024-01-02 03:04:05.678))'), '2024-01-02T03:04:05.6780000Z');
    assert.equal(scalar('strcat("at ", datetime(2024-01-02))'), 'at 2024-01-02T00:00:00.0000000Z');
  });
});

describe('executor: array and bag functions', () => {
  it('give null for a value of the wrong shape', () => {
    // From a column, so that the binder cannot see the shape (it rejects a constant of the wrong one).
    const r = rows(
      'T | project array_slice(D, 0, 1), array_index_of(D, "a"), array_concat(D, dynamic([1])), array_sum(D), bag_keys(E), bag_merge(E, D)',
      { T: [{ D: { a: 1 }, E: [1] }] },
      { T: { D: 'dynamic', E: 'dynamic' } },
    );
    assert.deepEqual(r, [[null, null, null, null, null, null]]);
    assert.equal(scalar('array_sum(dynamic([1, "a"]))'), null, 'a non-numeric element');
  });

  it('null inside a dynamic literal is null, and the text "null" stays text', () => {
    assert.deepEqual(scalar('dynamic([1, null, "null"])'), [1, null, 'null']);
    assert.deepEqual(scalar('dynamic({"a": null})'), { a: null });
  });

  it('slices, reverses, sums and joins arrays', () => {
    assert.deepEqual(scalar('array_slice(dynamic([1,2,3]), 5, 9)'), []);
    assert.deepEqual(scalar('array_reverse(dynamic([1,"b",null]))'), [null, 'b', 1]);
    assert.equal(scalar('array_sum(dynamic([1.5, 2]))'), 3.5);
    assert.equal(scalar('strcat_array(dynamic([1, "a", null, {"b":2}]), "|")'), '1|a||{"b":2}');
    assert.equal(scalar('arraylength(dynamic([1,2]))'), 2);
  });

  it('merges bags with the leftmost value winning, removes keys, finds keys', () => {
    assert.deepEqual(scalar('bag_merge(dynamic({"a":1,"b":2}), dynamic({"b":3,"c":4}))'), {
      a: 1,
      b: 2,
      c: 4,
    });
    assert.deepEqual(scalar('bag_remove_keys(dynamic({"a":1,"b":2}), dynamic(["a","x"]))'), { b: 2 });
    // bag-remove-keys-function.md: a JSONPath key removes a nested property only.
    assert.deepEqual(
      scalar(
        "bag_remove_keys(dynamic({'key1': 123, 'key2': {'prop1' : 'abc', 'prop2': 'xyz'}, 'key3': [100, 200]}), dynamic(['$.key2.prop1', 'key3']))",
      ),
      { key1: 123, key2: { prop2: 'xyz' } },
    );
    assert.deepEqual(
      scalar('bag_remove_keys(dynamic({"a":{"b":1}}), dynamic(["$.x.y", "$[\'a\'][\'b\']"]))'),
      { a: {} },
    );
    assert.throws(
      () => scalar('bag_remove_keys(dynamic({"a":1}), dynamic(["$.a.b"]))'),
      /through a value that is not a bag/,
    );
    assert.throws(() => scalar('bag_remove_keys(dynamic({"a":[1]}), dynamic(["$.a[0]"]))'), /array indexing/);
    assert.equal(scalar('bag_has_key(dynamic({"a":null}), "a")'), true);
    assert.deepEqual(scalar('parsejson(\'{"k":[1]}\')'), { k: [1] });
  });
});

describe('executor: math functions', () => {
  it('null in gives null out', () => {
    for (const f of ['abs', 'sqrt', 'log10', 'exp', 'sign', 'round', 'ceiling'])
      assert.equal(scalar(`${f}(real(null))`), null, f);
    assert.equal(scalar('pow(real(null), 2)'), null);
  });

  it('computes values and keeps integer results integral', () => {
    assert.equal(scalar('abs(-5)'), 5);
    assert.equal(scalar('pow(2, 10)'), 1024);
    assert.equal(scalar('log10(1000)'), 3);
    assert.ok(Number.isNaN(scalar('log(-1)') as number), 'log of a negative is NaN');
    assert.equal(scalar('round(-2.5)'), -3, 'halves go away from zero');
    assert.equal(scalar('round(1.005, 2)'), 1.01);
    assert.equal(scalar('degrees(pi())'), 180);
  });

  it('max_of and min_of let values win over nulls, over rows', () => {
    const r = rows(
      'T | project hi = max_of(A, B), lo = min_of(A, B)',
      {
        T: [
          { A: 3, B: 7 },
          { A: null, B: 2 },
        ],
      },
      { T: { A: 'long', B: 'long' } },
    );
    assert.deepEqual(r, [
      [7, 3],
      [2, 2],
    ]);
  });
});
