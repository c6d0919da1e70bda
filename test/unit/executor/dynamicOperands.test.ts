import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { refusedWith, rows, scalar } from './executorHarness';

/**
 * A dynamic value used uncast beside a typed operand: the answer where converting it loses
 * nothing, and a refusal by name where a fraction would be lost against an integer type.
 */
describe('executor: uncast dynamic operands', () => {
  it('compares a dynamic value converted to the other operand type when nothing is lost', () => {
    assert.equal(scalar('dynamic(2) > 1'), true);
    assert.equal(scalar('dynamic(1.25) > 1.0'), true);
    assert.equal(scalar('dynamic(1.0) == 1'), true);
    assert.equal(scalar("dynamic('5') > 1"), true);
    assert.equal(scalar('dynamic(null) > 1'), false);
  });

  it('refuses a fraction compared with an integer, whichever side it stands on', () => {
    assert.throws(
      () => scalar('dynamic(1.25) > 1'),
      refusedWith(/holding 1.25, uncast, compared with a long/),
    );
    assert.throws(
      () => scalar('1 == dynamic(1.5)'),
      refusedWith(/holding 1.5, uncast, compared with a long/),
    );
    assert.throws(
      () => scalar("dynamic('5.5') < int(6)"),
      refusedWith(/holding 5.5, uncast, compared with an int/),
    );
  });

  it('computes arithmetic with a dynamic operand unless an integer result would drop a fraction', () => {
    assert.equal(scalar('dynamic(1.25) * 2.0'), 2.5);
    assert.equal(scalar('dynamic(3) * 2'), 6);
    assert.equal(scalar('dynamic(5) / 2'), 2);
    assert.equal(scalar('dynamic([1.0])[0] * 2'), 2);
    assert.throws(
      () => scalar('dynamic(1.25) * 2'),
      refusedWith(/holding 1.25, uncast, in arithmetic whose result is a long/),
    );
  });

  it('treats in and between as comparisons: a fraction beside integers is refused', () => {
    assert.equal(scalar('dynamic(2) in (1, 2)'), true);
    assert.equal(scalar('dynamic(1.5) in (1.5, 2.0)'), true);
    assert.equal(scalar('dynamic(1.5) between (1.0 .. 2.0)'), true);
    assert.equal(scalar('dynamic(2) between (1 .. 2)'), true);
    assert.throws(
      () => scalar('dynamic(1.5) in (1, 2)'),
      refusedWith(/holding 1.5, uncast, 'in' a list holding a long/),
    );
    assert.throws(() => scalar('dynamic(1.5) !in (1, 2)'), refusedWith(/'!in' a list holding a long/));
    assert.throws(
      () => scalar('dynamic(2.5) between (1 .. 2)'),
      refusedWith(/holding 2.5, uncast, between bounds of a long/),
    );
  });

  it('refuses only the rows that meet the case', () => {
    const q = (filter: string) =>
      rows(`print d = dynamic([1, 2.5, 3]) | mv-expand d | where ${filter} | count`);
    assert.deepEqual(q('todouble(d) > 1'), [[2]]);
    assert.throws(() => q('d > 1'), refusedWith(/holding 2.5, uncast, compared with a long/));
    assert.deepEqual(rows('print d = dynamic([1, 3]) | mv-expand d | where d > 1 | count'), [[1]]);
  });
});
