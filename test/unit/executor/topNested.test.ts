import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ExecutionError, UnsupportedError } from '../../../server/src/executor/errors';
import { rows, run } from './executorHarness';

/** State totals: K 13, T 12, V 2, W 1; K's sources a 8, b 4, c 1; T's a 10, b 2. */
const storms =
  'datatable(State:string, Source:string, Loc:string, v:long)["K","a","x",5, "K","a","y",3, "K","b","x",4, "K","c","z",1, "T","a","x",10, "T","b","q",2, "W","a","x",1, "V","c","c",2]';

/** top-nested (top-nested-operator.md): nested groups, their aggregates and the others rows. */
describe('executor: top-nested', () => {
  it('keeps the N groups with the highest aggregate, names its columns as the binder does', () => {
    const r = run(`${storms} | top-nested 2 of State by sum(v)`).tables[0];
    assert.deepEqual(
      r.columns.map((c) => `${c.name}:${c.type}`),
      ['State:string', 'aggregated_State:long'],
    );
    assert.deepEqual(r.rows, [
      ['K', 13],
      ['T', 12],
    ]);
    assert.deepEqual(rows(`${storms} | top-nested 2 of S = State by Total = sum(v) asc`), [
      ['W', 1],
      ['V', 2],
    ]);
  });

  it('without N returns every value, and each level refines the groups the level above kept', () => {
    assert.deepEqual(rows(`${storms} | top-nested of State by count()`), [
      ['K', 4],
      ['T', 2],
      ['W', 1],
      ['V', 1],
    ]);
    assert.deepEqual(rows(`${storms} | top-nested 2 of State by sum(v), top-nested 1 of Source by sum(v)`), [
      ['K', 13, 'a', 8],
      ['T', 12, 'a', 10],
    ]);
  });

  it('with others adds the remainder, with nulls in the levels that ask for none (the reference example)', () => {
    assert.deepEqual(
      rows(
        `${storms} | top-nested 2 of State with others='OS' by sum(v), top-nested 1 of Source by sum(v), top-nested 1 of Loc with others='OL' by sum(v)`,
      ),
      [
        ['K', 13, 'a', 8, 'x', 5],
        ['K', 13, 'a', 8, 'OL', 3],
        ['K', 13, '', null, 'OL', 5],
        ['T', 12, 'a', 10, 'x', 10],
        ['T', 12, '', null, 'OL', 2],
        ['OS', 3, '', null, 'OL', 3],
      ],
    );
    // A level below an others row shows nulls when it asks for no others itself.
    assert.deepEqual(
      rows(`${storms} | top-nested 1 of State with others='OS' by sum(v), top-nested of Source by sum(v)`),
      [
        ['K', 13, 'a', 8],
        ['K', 13, 'b', 4],
        ['K', 13, 'c', 1],
        ['OS', 15, '', null],
      ],
    );
  });

  it('gives no others row when nothing is left over, nor any row for empty input', () => {
    assert.deepEqual(rows(`${storms} | top-nested 9 of State with others='OS' by sum(v)`), [
      ['K', 13],
      ['T', 12],
      ['V', 2],
      ['W', 1],
    ]);
    assert.deepEqual(rows(`${storms} | top-nested 0 of State with others='OS' by sum(v)`), [['OS', 28]]);
    assert.deepEqual(rows(`${storms} | take 0 | top-nested 2 of State with others='OS' by sum(v)`), []);
  });

  it('groups null and unicode values like any other, and takes a non-string others value', () => {
    assert.deepEqual(
      rows(
        'datatable(k:long, v:long)[1, 5, long(null), 7, long(null), 1, 2, 1] | top-nested 2 of k with others=-1 by sum(v)',
      ),
      [
        [null, 8],
        [1, 5],
        [-1, 1],
      ],
    );
    assert.deepEqual(rows('datatable(s:string)["é", "日本", "日本", ""] | top-nested 2 of s by count()'), [
      ['日本', 2],
      ['é', 1],
    ]);
  });

  it('takes arithmetic over the listed aggregations', () => {
    assert.deepEqual(rows(`${storms} | top-nested 1 of State by avg(v) * 2 + count()`), [['T', 14]]);
    assert.deepEqual(rows(`${storms} | top-nested 1 of State by dcount(Source)`), [['K', 3]]);
  });

  it('refuses a null aggregate where the cut depends on where nulls go, unless the order says', () => {
    const nulls = 'datatable(k:string, v:long)["a", long(null), "b", 2, "c", 1]';
    assert.throws(
      () => rows(`${nulls} | top-nested 1 of k by max(v)`),
      (e) => e instanceof UnsupportedError && /aggregate aggregated_k is null/.test(e.message),
    );
    assert.deepEqual(rows(`${nulls} | top-nested 1 of k by max(v) desc nulls first`), [['a', null]]);
    assert.deepEqual(rows(`${nulls} | top-nested 1 of k by max(v) desc nulls last`), [['b', 2]]);
    // No cut, no question.
    assert.deepEqual(rows(`${nulls} | top-nested of k by max(v)`), [
      ['b', 2],
      ['c', 1],
      ['a', null],
    ]);
  });

  it('refuses aggregations the reference does not list, by name', () => {
    assert.throws(
      () => rows(`${storms} | top-nested 2 of State by make_set(v)`),
      (e) => e instanceof UnsupportedError && /top-nested by make_set\(\)/.test(e.message),
    );
  });

  it('leaves its output unserialized, so a window function after it fails as in Kusto', () => {
    assert.throws(
      () => rows(`${storms} | top-nested 2 of State by sum(v) | extend rn = row_number()`),
      (e) => e instanceof ExecutionError && /needs a serialized row set/.test(e.message),
    );
  });
});
