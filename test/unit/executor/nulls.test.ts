import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rows, scalar } from './executorHarness';

/**
 * Null semantics as Kusto's reference defines them: logical-operators.md (the table of
 * `==`, `!=`, `and`, `or` with nulls) and where-operator.md (filters are false against null).
 */
describe('executor: nulls in comparisons and logic', () => {
  it('== with a null operand is false, never null', () => {
    assert.equal(scalar('5 == int(null)'), false);
    assert.equal(scalar('int(null) == int(null)'), false);
    assert.equal(scalar('bool(null) == bool(null)'), false);
    assert.equal(scalar('datetime(null) == datetime(2024-01-01)'), false);
    assert.equal(scalar('real(null) == 1.5'), false);
  });

  it('!= is true when exactly one side is null, false when both are', () => {
    assert.equal(scalar('5 != int(null)'), true);
    assert.equal(scalar('int(null) != 5'), true);
    assert.equal(scalar('bool(null) != bool(null)'), false);
    assert.equal(scalar('long(null) != long(null)'), false);
    assert.equal(scalar('5 != 5'), false);
  });

  it('ordering comparisons and between with null are false', () => {
    for (const op of ['<', '<=', '>', '>=']) {
      assert.equal(scalar(`int(null) ${op} 3`), false, op);
      assert.equal(scalar(`3 ${op} int(null)`), false, op);
    }
    assert.equal(scalar('long(null) between (1 .. 3)'), false);
    assert.equal(scalar('2 between (1 .. long(null))'), false);
  });

  it('and/or treat a null operand as false', () => {
    assert.equal(scalar('bool(null) and true'), false);
    assert.equal(scalar('bool(null) or true'), true);
    assert.equal(scalar('bool(null) or false'), false);
    assert.equal(scalar('bool(null) and bool(null)'), false);
    assert.equal(scalar('iff(bool(null) and true, true, false)'), false);
  });

  it('where keeps rows whose predicate is true; != 5 keeps null rows', () => {
    const table = 'datatable(x:long)[5, long(null), 7]';
    assert.deepEqual(rows(`${table} | where x != 5`), [[null], [7]]);
    assert.deepEqual(rows(`${table} | where x == 5`), [[5]]);
    assert.deepEqual(rows(`${table} | where x > 4`), [[5], [7]]);
    assert.deepEqual(rows(`${table} | where not(x > 6)`).length >= 1, true);
    assert.deepEqual(rows(`${table} | where isnull(x)`), [[null]]);
    assert.deepEqual(rows(`${table} | where isnotnull(x)`), [[5], [7]]);
  });

  it('iff and case take the else branch for a null condition', () => {
    assert.equal(scalar('iff(bool(null), 1, 2)'), 2);
    assert.equal(scalar('case(bool(null), 1, bool(null), 2, 3)'), 3);
  });

  it('arithmetic with null is null; strings are never null', () => {
    assert.equal(scalar('int(null) * 2'), null);
    assert.equal(scalar('1.5 - real(null)'), null);
    assert.equal(scalar('datetime(null) + 1d'), null);
    assert.equal(scalar('isnull("")'), false);
    assert.equal(scalar('isempty(int(null))'), true);
    assert.equal(scalar('isnotnull("")'), true);
    assert.equal(scalar('coalesce(int(null), 7)'), 7);
    assert.equal(scalar('coalesce(int(null), int(null))'), null);
  });

  it('extend shows the comparison results, not nulls', () => {
    assert.deepEqual(
      rows('datatable(v:int)[5, int(null)] | extend eq = v == int(null), ne = v != int(null), gt = v > 3'),
      [
        [5, false, true, true],
        [null, false, false, false],
      ],
    );
  });
});
