import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { refusedWith, rows, scalar } from './executorHarness';

/**
 * Exact decimal arithmetic (scalar-data-types/decimal.md, todecimal-function.md, issue 16): +, -
 * and * of decimals and longs give the exact decimal, with the scale SqlDecimal gives; a result
 * beyond 38 digits, a result printed with trailing zeros of its scale, and division are refused
 * by name.
 */
describe('executor: exact decimal arithmetic', () => {
  it('adds, subtracts and multiplies exactly where doubles would not', () => {
    assert.equal(scalar('todecimal("1.5") + todecimal("0.1")'), 1.6);
    assert.equal(scalar('decimal(0.1) + decimal(0.2)'), 0.3);
    assert.equal(scalar('decimal(0.3) - decimal(0.1)'), 0.2);
    assert.equal(scalar('decimal(0.1) * decimal(0.2)'), 0.02);
    assert.equal(scalar('decimal(1.1) * 3'), 3.3);
    assert.equal(scalar('decimal(1.5) - 2'), -0.5);
    assert.equal(scalar('-decimal(0.7) + decimal(0.2)'), -0.5);
    assert.equal(scalar('todecimal("123.45678") + decimal(0.00001) == decimal(123.45679)'), true);
    assert.equal(scalar('decimal(null) + decimal(1.5)'), null);
    assert.equal(scalar('decimal(1.5) * long(null)'), null);
  });

  it('keeps the decimal scale: a result with trailing zeros is refused at output, not printed without them', () => {
    // 1.5 + 1.5 is 3.0 in SqlDecimal (the larger scale); no page shows whether Kusto prints 3.0 or 3.
    assert.throws(() => scalar('decimal(1.5) + decimal(1.5)'), refusedWith(/output of the decimal 3\.0\b/));
    assert.throws(() => scalar('decimal(1.5) * 2'), refusedWith(/output of the decimal 3\.0\b/));
    assert.throws(() => scalar('decimal(1.50)'), refusedWith(/1\.50/));
    // The value itself is exact: 3.0 equals 3.
    assert.equal(scalar('decimal(1.5) * 2 == 3'), true);
  });

  it('keeps every digit a double would lose; refuses division and results beyond 38 digits', () => {
    assert.equal(scalar('decimal(123456789.123456) * decimal(1000000.7)'), '123456875543208.3864192');
    assert.equal(scalar('decimal(0.1) + 9007199254740993'), '9007199254740993.1');
    assert.throws(
      () => scalar('decimal(99999999999999999999999999999999999999) + 1'),
      refusedWith(/decimal '\+' of 99999999999999999999999999999999999999 and 1\b.*38 digits/),
    );
    assert.throws(() => scalar('decimal(1) / decimal(4)'), refusedWith(/'\/' operator on decimal values/));
    assert.throws(() => scalar('decimal(7) % decimal(4)'), refusedWith(/'%' operator on decimal values/));
    // A real operand is a decimal only where no rounding comes in: 0.5 is, 0.1 is not.
    assert.equal(scalar('decimal(1.25) + 0.5'), 1.75);
    assert.throws(
      () => scalar('decimal(1.5) + 0.1'),
      refusedWith(/the real 0\.1 as a decimal \(decimal '\+'\)/),
    );
    assert.throws(() => scalar('decimal(1.5) * real(nan)'), refusedWith(/the real NaN as a decimal/));
  });

  it('sums decimals exactly in summarize', () => {
    assert.deepEqual(
      rows('datatable(d:decimal)[decimal(0.1), decimal(0.2), decimal(null)] | summarize sum(d)'),
      [[0.3]],
    );
    assert.deepEqual(
      rows(
        'datatable(d:decimal, k:long)[decimal(0.1), 1, decimal(0.2), 2, decimal(0.4), 2] | summarize sumif(d, k > 1)',
      ),
      [[0.6]],
    );
    assert.throws(
      () => rows('datatable(d:decimal)[decimal(0.5), decimal(0.5)] | summarize sum(d)'),
      refusedWith(/output of the decimal 1\.0\b/),
    );
  });

  it('converts longs and versions to decimals with all their digits (parse-version-function.md)', () => {
    assert.equal(scalar('parse_version("0.2")'), 20000000000000000);
    assert.equal(scalar('parse_version("0.1.2.0") < parse_version("0.2")'), true);
    assert.equal(scalar('todecimal(20000000000000000)'), 20000000000000000);
    assert.equal(scalar('todecimal(9007199254740993)'), '9007199254740993');
    assert.equal(scalar('parse_version("1.2.3.4")'), '1000000020000000300000004');
  });
});
