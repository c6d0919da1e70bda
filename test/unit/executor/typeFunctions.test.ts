import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { refusedWith, rows, scalar } from './executorHarness';

/** gettype and the conversions to bool and guid, with values from Kusto's reference pages. */
describe('executor: type functions', () => {
  it('gettype names the static type, and what a dynamic value holds (gettype-function.md)', () => {
    assert.equal(scalar('gettype("a")'), 'string');
    assert.equal(scalar('gettype(111)'), 'long');
    assert.equal(scalar('gettype(1 == 1)'), 'bool');
    assert.equal(scalar('gettype(1s)'), 'timespan');
    assert.equal(scalar('gettype(123.45)'), 'real');
    assert.equal(scalar("gettype(parse_json('1'))"), 'int');
    assert.equal(scalar("gettype(parse_json('5000000000'))"), 'long');
    assert.equal(scalar('gettype(parse_json(\' {"abc":1} \'))'), 'dictionary');
    assert.equal(scalar("gettype(parse_json('[1, 2, 3]'))"), 'array');
    assert.equal(scalar("gettype(parse_json(''))"), 'null');
  });

  it('tobool accepts true/false in any case and numbers; anything else is null', () => {
    assert.equal(scalar('tobool("TRUE")'), true);
    assert.equal(scalar('tobool("false")'), false);
    assert.equal(scalar('tobool(0)'), false);
    assert.equal(scalar('tobool(2)'), true);
    assert.equal(scalar('tobool("yes")'), null);
    assert.equal(scalar('tobool("")'), null);
  });

  it('toguid accepts the dashed and the 32-digit forms, else null', () => {
    assert.equal(
      scalar('toguid("74BE27DE-1E4E-49D9-B579-FE0B331D3642")'),
      '74be27de-1e4e-49d9-b579-fe0b331d3642',
    );
    assert.equal(
      scalar('toguid("74be27de1e4e49d9b579fe0b331d3642")'),
      '74be27de-1e4e-49d9-b579-fe0b331d3642',
    );
    assert.equal(scalar('toguid("not a guid")'), null);
    assert.equal(scalar('toguid("")'), null);
  });

  it('isnan, isinf and isfinite on reals, null on null', () => {
    assert.equal(scalar('isnan(0.0 / 0)'), true);
    assert.equal(scalar('isinf(-1.0 / 0)'), true);
    assert.equal(scalar('isfinite(1.5)'), true);
    assert.equal(scalar('isfinite(1.0 / 0)'), false);
    assert.equal(scalar('isnan(real(null))'), null);
  });

  it('decimals are copied and chosen exactly, and arithmetic beyond +, - and * is refused rather than done in doubles', () => {
    assert.deepEqual(
      rows('print a = decimal(1.5), b = -decimal(2), c = iff(false, decimal(1), decimal(0.25))'),
      [[1.5, -2, 0.25]],
    );
    assert.deepEqual(rows('datatable(d:decimal)[1.5, 2.25] | summarize max(d), min(d)'), [[2.25, 1.5]]);
    // decimal(0.1) + decimal(0.2) is exactly 0.3 in Kusto; doubles give 0.30000000000000004.
    assert.equal(scalar('decimal(0.1) + decimal(0.2)'), 0.3);
    assert.throws(
      () => scalar('decimal(1) / decimal(4)'),
      refusedWith(/the '\/' operator on decimal values/),
    );
    assert.throws(() => scalar('round(decimal(2.555), 2)'), refusedWith(/round\(\) on decimal values/));
    assert.deepEqual(rows('datatable(d:decimal)[1.5, 2] | summarize sum(d)'), [[3.5]]);
    assert.throws(
      () => rows('datatable(d:decimal)[1.5, 2] | summarize avg(d)'),
      refusedWith(/avg\(\) of decimal values/),
    );
  });

  it('todecimal() takes text and longs it can hold with their exact digits, and refuses the rest by name', () => {
    // todecimal-function.md: todecimal("123.45678") == decimal(123.45678) is true.
    assert.equal(scalar('todecimal("123.45678") == decimal(123.45678)'), true);
    assert.deepEqual(rows('print a = todecimal("7"), b = todecimal(-12), c = todecimal("-0.25")'), [
      [7, -12, -0.25],
    ]);
    // Text that is no number converts to null, as the page says.
    assert.deepEqual(rows('print a = todecimal("high"), b = todecimal(""), c = todecimal(long(null))'), [
      [null, null, null],
    ]);
    // Digits a double cannot carry are kept; the output is their exact text.
    assert.equal(scalar('todecimal("0.1234567890123456789")'), '0.1234567890123456789');
    // A scale with trailing zeros is held, but no page shows how Kusto prints it.
    assert.throws(() => scalar('todecimal("7.50")'), refusedWith(/output of the decimal 7\.50\b/));
    assert.equal(scalar('todecimal("7.50") == 7.5'), true);
    assert.throws(() => scalar('todecimal("1e5")'), refusedWith(/todecimal\(\) of '1e5'/));
    assert.throws(() => scalar('todecimal(0.1)'), refusedWith(/the real 0\.1 as a decimal/));
  });

  it('a decimal compares exactly with a decimal or a long, and with a real where no rounding comes in', () => {
    assert.deepEqual(
      rows(
        'datatable(s:string)["7", "10", "6.5", "x"] | where todecimal(s) >= 7 | summarize m = max(todecimal(s)), n = count()',
      ),
      [[10, 2]],
    );
    assert.equal(scalar('todecimal("3") == 3'), true);
    assert.equal(scalar('todecimal("2.5") < decimal(2.75)'), true);
    // 7.0 and 2.75 are the same number as a real or a decimal; 0.1 as a real is not 0.1.
    assert.equal(scalar('todecimal("7.5") >= 7.0'), true);
    assert.equal(scalar('todecimal("2.5") < 2.75'), true);
    assert.throws(() => scalar('todecimal("0.1") == 0.1'), refusedWith(/the real 0\.1 as a decimal/));
    assert.throws(
      () => scalar('todecimal("2.5") == "2.5"'),
      refusedWith(/comparing a decimal with a string/),
    );
  });

  it('a guid literal is its lower-case text, equal to the same guid parsed from a string', () => {
    assert.equal(
      scalar('guid(0000000A-0000-0000-0000-000000000001)'),
      '0000000a-0000-0000-0000-000000000001',
    );
    assert.equal(
      scalar('guid(0000000A-0000-0000-0000-000000000001) == toguid("0000000a-0000-0000-0000-000000000001")'),
      true,
    );
  });
});
