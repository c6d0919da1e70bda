import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { refusedWith, scalar } from './executorHarness';

/** A real written as text (tostring, strcat, string operators on a real). */
describe('executor: a real as text', () => {
  it('writes the shortest round-trip digits in plain form between 1e-4 and 1e15', () => {
    assert.equal(scalar('tostring(0.0001)'), '0.0001');
    assert.equal(scalar('tostring(-2.5)'), '-2.5');
    assert.equal(scalar('tostring(1.0/3)'), '0.3333333333333333');
    assert.equal(scalar('strcat("v", 123456789012345.6)'), 'v123456789012345.6');
    assert.equal(scalar('tostring(real(0))'), '0');
    assert.equal(scalar('tostring(real(null))'), '');
  });

  it("refuses a real that .NET would write in exponent form, rather than JavaScript's form", () => {
    for (const text of ['tostring(0.00001)', 'strcat("x", 1e15)', 'tostring(-1e300)', 'tostring(1e-7)'])
      assert.throws(() => scalar(text), refusedWith(/as text.*exponent form/), text);
  });
});
