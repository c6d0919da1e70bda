import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tablesJson, toCsv } from '../../../server/src/protocol/resultText';
import { formatRunResult } from '../../../server/src/cli/runOutput';
import { refusedWith, rows, run, scalar } from './executorHarness';

/**
 * Decimals with all their digits (issue 16; scalar-data-types/decimal.md, todecimal-function.md,
 * parse-version-function.md): a decimal is held as whole units and a scale up to SqlDecimal's 38
 * digits, so versions and long decimals compare, group, sort and add exactly. A value a double
 * would hold exactly goes out as a number, a longer one as its exact text.
 */
describe('executor: exact decimals', () => {
  const versions = 'datatable(v:string)["0.0.0.5", "0.0.7.0", "0.0.3", "0.2", "0.1.2.0", "1.2.3.4", "1"]';

  it('orders the version list of parse-version-function.md by its decimals', () => {
    assert.deepEqual(rows(`${versions} | sort by parse_version(v) asc | project v`), [
      ['0.0.0.5'],
      ['0.0.3'],
      ['0.0.7.0'],
      ['0.1.2.0'],
      ['0.2'],
      ['1'],
      ['1.2.3.4'],
    ]);
    assert.deepEqual(rows(`${versions} | where v in ("1.2.3.4", "1") | extend p = parse_version(v)`), [
      ['1.2.3.4', '1000000020000000300000004'],
      ['1', '1000000000000000000000000'],
    ]);
  });

  it('runs a Defender TVM version filter, with versions that differ beyond 2^53', () => {
    assert.deepEqual(
      rows(
        'datatable(SoftwareVersion:string)["10.0.0.1", "9.9", "10.0.1", "10.0.1.1", "10.0.0.99999999", "x"] | where parse_version(SoftwareVersion) < parse_version("10.0.1")',
      ),
      [['10.0.0.1'], ['9.9'], ['10.0.0.99999999']],
    );
    assert.equal(scalar('parse_version("1.0.0.1") < parse_version("1.0.0.2")'), true);
    assert.equal(scalar('parse_version("1.0") == parse_version("1.0.0.0")'), true);
    assert.equal(
      scalar('parse_version("99999999.99999999.99999999.99999999")'),
      '99999999999999999999999999999999',
    );
    // Nine digits in a part, five parts, or no version at all: null, as the page says.
    assert.deepEqual(
      rows('print parse_version("123456789"), parse_version("1.2.3.4.5"), parse_version("")'),
      [[null, null, null]],
    );
  });

  it('keeps long digits and negative values exactly, up to 38 digits', () => {
    assert.equal(scalar('todecimal("12345678901234567890.5")'), '12345678901234567890.5');
    assert.equal(scalar('todecimal("12345678901234567890.5") + 1'), '12345678901234567891.5');
    assert.equal(scalar('todecimal("-12345678901234567890.25") * 3'), '-37037036703703703670.75');
    assert.equal(scalar('-parse_version("1.2.3.4")'), '-1000000020000000300000004');
    assert.equal(scalar('todecimal("-0.25")'), -0.25);
    assert.equal(
      scalar('todecimal("0.00000000000000000000000000000000000001")'),
      '0.00000000000000000000000000000000000001',
    );
    assert.throws(
      () => scalar('todecimal("999999999999999999999999999999999999999")'),
      refusedWith(/38 digits/),
    );
    assert.throws(() => scalar('todecimal("-0")'), refusedWith(/negative zero/));
  });

  it('holds a zero with a scale as zero, and text that is no number as null', () => {
    assert.equal(scalar('todecimal("0.0") == 0'), true);
    assert.equal(scalar('todecimal("0")'), 0);
    assert.throws(() => scalar('todecimal("0.0")'), refusedWith(/output of the decimal 0\.0\b/));
    assert.deepEqual(rows('print todecimal("ten"), todecimal(""), todecimal("1.2.3"), decimal(null)'), [
      [null, null, null, null],
    ]);
  });

  it('compares with longs exactly, and with reals only where either conversion gives the same answer', () => {
    assert.equal(scalar('todecimal("9007199254740992.5") < 9007199254740993'), true);
    assert.equal(scalar('todecimal("9007199254740993") == 9007199254740993'), true);
    assert.equal(scalar('todecimal("9007199254740993") != 9007199254740992'), true);
    assert.equal(scalar('decimal(2.5) == 2.5'), true);
    assert.equal(scalar('decimal(1.50) == decimal(1.5)'), true);
    assert.equal(scalar('decimal(null) == decimal(null)'), false);
    assert.equal(scalar('decimal(null) != decimal(1)'), true);
    assert.equal(scalar('decimal(2) in (2, 3)'), true);
    assert.equal(scalar('decimal(1.5) in (decimal(1.50))'), true);
    assert.equal(scalar('1.5 in (decimal(1.5))'), true);
    assert.throws(() => scalar('0.1 in (decimal(0.1))'), refusedWith(/'in' of a real among decimals/));
    assert.equal(
      scalar('parse_version("1.2") between (parse_version("1.1") .. parse_version("1.2.0.0"))'),
      true,
    );
    // Far apart, every reading agrees; near, 0.1 as a real is 0.1000000000000000055… and 1e24 is
    // 999999999999999983222784, so the answer would hang on which side is converted.
    assert.equal(scalar('decimal(5) > 0.1'), true);
    assert.equal(scalar('parse_version("1.2.3.4") > 1e24'), true);
    assert.equal(scalar('decimal(0.15) between (0.1 .. 0.2)'), true);
    assert.throws(() => scalar('decimal(0.1) == 0.1'), refusedWith(/the real 0\.1 as a decimal/));
    assert.throws(
      () => scalar('decimal(0.1) between (0.1 .. 0.2)'),
      refusedWith(/the real 0\.1 as a decimal/),
    );
    assert.throws(() => scalar('parse_version("1") == 1e24'), refusedWith(/the real 1e\+24 as a decimal/));
    assert.throws(() => scalar('decimal(1) == "1"'), refusedWith(/comparing a decimal with a string/));
  });

  it('groups, joins and counts equal decimals as one value', () => {
    assert.deepEqual(
      rows(
        'datatable(d:decimal)["1.5", "1.50", "12345678901234567890.1", "12345678901234567890.10", "12345678901234567890.2"] | summarize c = count() by d | order by c desc, d asc | project c',
      ),
      [[2], [2], [1]],
    );
    assert.deepEqual(
      rows('datatable(v:string)["1.0", "1.0.0.0", "1", "2"] | summarize n = dcount(parse_version(v))'),
      [[2]],
    );
    assert.deepEqual(
      rows(
        'let a = datatable(v:string, x:string)["1.2.3.4", "a", "2", "b"]; let b = datatable(v:string, y:string)["1.2.3.4.0", "z", "1.2.3.4", "A"]; a | extend p = parse_version(v) | join kind=inner (b | extend p = parse_version(v)) on p | project x, y',
      ),
      [['a', 'A']],
    );
    assert.deepEqual(rows('datatable(d:decimal)[1.5, 2.25, 1.5] | distinct d'), [[1.5], [2.25]]);
  });

  it('sorts, and sums, min and max exactly', () => {
    assert.deepEqual(
      rows(
        'datatable(d:decimal)["12345678901234567890.2", "12345678901234567890.1", "-3", 0.5] | sort by d asc',
      ),
      [[-3], [0.5], ['12345678901234567890.1'], ['12345678901234567890.2']],
    );
    assert.deepEqual(
      rows(
        'datatable(d:decimal)["0.1", "0.2", "12345678901234567890.05", decimal(null)] | summarize s = sum(d), lo = min(d), hi = max(d)',
      ),
      [['12345678901234567890.35', 0.1, '12345678901234567890.05']],
    );
    assert.deepEqual(rows(`${versions} | summarize max(parse_version(v))`), [['1000000020000000300000004']]);
  });

  it('converts to text, longs and reals where the page pins the result', () => {
    assert.equal(scalar('tostring(parse_version("1.2"))'), '1000000020000000000000000');
    assert.equal(scalar('strcat("v", todecimal("12345678901234567890.5"))'), 'v12345678901234567890.5');
    // toint-function.md: a decimal value is truncated to its integer portion.
    assert.deepEqual(rows('print toint(decimal(3.9)), tolong(decimal(-2.7)), tolong(parse_version("0.2"))'), [
      [3, -2, '20000000000000000'],
    ]);
    assert.throws(() => scalar('tolong(parse_version("1.2.3.4"))'), refusedWith(/beyond the range of long/));
    assert.equal(scalar('todouble(decimal(1.25))'), 1.25);
    assert.equal(scalar('todecimal(dynamic(5))'), 5);
    assert.equal(scalar('todecimal(2.75)'), 2.75);
    assert.deepEqual(scalar('pack_array(decimal(1.5))'), [1.5]);
    assert.throws(
      () => scalar('pack_array(decimal(1.50))'),
      refusedWith(/a dynamic value of the decimal 1\.50/),
    );
    assert.throws(
      () => scalar('tostring(todecimal("1.50"))'),
      refusedWith(/tostring\(\) of the decimal 1\.50/),
    );
    assert.throws(
      () => scalar('todouble(parse_version("1.2.3.4"))'),
      refusedWith(/todouble\(\) of the decimal 1000000020000000300000004/),
    );
    assert.throws(() => scalar('toint(parse_version("1.2"))'), refusedWith(/beyond the range of int/));
  });

  it('converts an argument to the decimal or real parameter of a user function', () => {
    assert.deepEqual(rows('let f = (x:decimal) { x + decimal(0.25) }; print f(2), f(0.5)'), [[2.25, 0.75]]);
    assert.deepEqual(rows('let f = (x:real) { x * 2 }; print f(decimal(1.5))'), [[3]]);
    assert.deepEqual(rows('let f = (v:decimal) { datatable(d:decimal)[1.5, 2.5] | where d > v }; f(2)'), [
      [2.5],
    ]);
    assert.throws(
      () => rows('let f = (x:decimal) { x }; print f(0.1)'),
      refusedWith(/the real 0\.1 as a decimal/),
    );
    assert.throws(
      () => rows('let f = (x:long) { x * 2 }; print f(decimal(1.5))'),
      refusedWith(/a decimal argument for the long parameter of f\(x\)/),
    );
  });

  it('reads decimals from a data file exactly', () => {
    const tables = {
      Prices: [
        { Item: 'a', Price: '12345678901234567890.25' },
        { Item: 'b', Price: 1.5 },
        { Item: 'c', Price: 'n/a' },
      ],
    };
    const types = { Prices: { Price: 'decimal' } };
    assert.deepEqual(rows('Prices | where Price > 1 | project Item, Price', tables, types), [
      ['a', '12345678901234567890.25'],
      ['b', 1.5],
    ]);
    assert.deepEqual(rows('Prices | where isnull(Price) | project Item', tables, types), [['c']]);
    // A JSON number is a double by the time it is read: 0.1 is not 0.1, so it is refused, not rounded.
    assert.throws(
      () => rows('Prices', { Prices: [{ Item: 'x', Price: 0.1 }] }, types),
      refusedWith(/the real 0\.1 as a decimal \(a number for a decimal; text keeps its digits\)/),
    );
  });

  it('writes a long decimal into JSON, CSV and the run table with its exact digits', () => {
    const result = run(
      'print p = parse_version("1.2.3.4"), d = todecimal("-12345678901234567890.5"), s = "1.5"',
    );
    const json = tablesJson([result.tables[0]]);
    assert.match(json, /\[\s*1000000020000000300000004,\s*-12345678901234567890\.5,\s*"1\.5"\s*\]/);
    assert.equal(
      toCsv(result.tables[0]).split('\r\n')[1],
      '1000000020000000300000004,-12345678901234567890.5,1.5',
    );
    const set = { tables: result.tables } as Parameters<typeof formatRunResult>[0];
    assert.match(formatRunResult(set, 'json'), /-12345678901234567890\.5,/);
    assert.match(formatRunResult(set, 'table'), /1000000020000000300000004/);
  });

  it('refuses by name what the pages leave open', () => {
    assert.throws(() => scalar('decimal(1) / decimal(4)'), refusedWith(/'\/' operator on decimal values/));
    assert.throws(() => scalar('decimal(7) % decimal(4)'), refusedWith(/'%' operator on decimal values/));
    assert.throws(
      () => rows('datatable(d:decimal)[1.5, 2] | summarize avg(d)'),
      refusedWith(/avg\(\) of decimal/),
    );
    assert.throws(
      () => rows('datatable(d:decimal)[1.5, 2] | summarize percentiles(d, 50)'),
      refusedWith(/percentiles\(\) of decimal/),
    );
    assert.throws(() => scalar('round(decimal(2.555), 2)'), refusedWith(/round\(\) on decimal values/));
    assert.throws(() => scalar('hash(decimal(1))'), refusedWith(/hash\(\) on decimal values/));
    assert.throws(() => scalar('todecimal(0.1)'), refusedWith(/the real 0\.1 as a decimal/));
    assert.throws(() => scalar('todecimal("1e5")'), refusedWith(/todecimal\(\) of '1e5'/));
    assert.throws(
      () => rows('range x from decimal(1) to decimal(3) step decimal(1)'),
      refusedWith(/range over decimals/),
    );
    assert.throws(
      () => rows('datatable(d:decimal)[1.5] | serialize p = prev(d)'),
      refusedWith(/prev\(\) on decimal/),
    );
    assert.throws(
      () => scalar('decimal(99999999999999999999999999999999999999) + 1'),
      refusedWith(/38 digits/),
    );
  });
});
