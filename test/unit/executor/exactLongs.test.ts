import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tablesJson, toCsv } from '../../../server/src/protocol/resultText';
import { formatRunResult } from '../../../server/src/cli/runOutput';
import { refusedWith, rows, run, scalar } from './executorHarness';

/**
 * Exact 64-bit longs (scalar-data-types/long.md, issue 16): a long beyond 2^53 keeps every digit
 * through literals, arithmetic, comparison, grouping, sorting, conversion, hashing and output.
 * The results carry such a long as its digits (a JS number would round it), a safe one as a number.
 */
describe('executor: exact longs', () => {
  it('keeps literals at and beyond 2^53 to the digit', () => {
    assert.equal(scalar('9007199254740991'), 9007199254740991);
    assert.equal(scalar('9007199254740992'), '9007199254740992');
    assert.equal(scalar('9007199254740993'), '9007199254740993');
    assert.equal(scalar('-9007199254740993'), '-9007199254740993');
    assert.equal(scalar('9223372036854775807'), '9223372036854775807');
    assert.equal(scalar('-9223372036854775808'), '-9223372036854775808');
    assert.equal(scalar('long(9223372036854775807)'), '9223372036854775807');
    assert.equal(scalar('long(null)'), null);
    // long.md: hex syntax is a long; all 64 bits set is -1.
    assert.equal(scalar('0xf'), 15);
    assert.equal(scalar('0x7FFFFFFFFFFFFFFF'), '9223372036854775807');
    assert.equal(scalar('0xFFFFFFFFFFFFFFFF'), -1);
    assert.throws(() => scalar('9223372036854775808'), refusedWith(/9223372036854775808.*64-bit range/));
  });

  it('adds, subtracts, multiplies, divides and takes remainders exactly', () => {
    assert.equal(scalar('9007199254740993 + 0'), '9007199254740993');
    assert.equal(scalar('9007199254740991 + 2'), '9007199254740993');
    assert.equal(scalar('9007199254740993 - 9007199254740992'), 1);
    assert.equal(scalar('9007199254740992 * 3'), '27021597764222976');
    assert.equal(scalar('3037000499 * 3037000499'), '9223372030926249001');
    assert.equal(scalar('9007199254740993 / 2'), 4503599627370496);
    assert.equal(scalar('-9007199254740993 / 10'), -900719925474099);
    assert.equal(scalar('9007199254740993 % 10'), 3);
    assert.equal(scalar('-9007199254740993 % 10'), -3);
    assert.equal(scalar('9007199254740991 / 3'), 3002399751580330);
    assert.equal(scalar('-(9007199254740993)'), '-9007199254740993');
    assert.equal(scalar('9007199254740993 / 0'), null);
    assert.equal(scalar('long(null) + 9007199254740993'), null);
  });

  it('wraps at 64 bits as .NET does, and refuses the one division that overflows', () => {
    assert.equal(scalar('9223372036854775807 + 1'), '-9223372036854775808');
    assert.equal(scalar('-9223372036854775808 - 1'), '9223372036854775807');
    assert.equal(scalar('9223372036854775807 * 2'), -2);
    assert.equal(scalar('-(-9223372036854775808)'), '-9223372036854775808');
    assert.throws(() => scalar('-9223372036854775808 / -1'), refusedWith(/overflows 64 bits/));
  });

  it('gives a real from a long beyond 2^53 as its nearest double', () => {
    assert.equal(scalar('9007199254740993 + 0.5'), 9007199254740992.5 - 0.5 + 0.5);
    assert.equal(scalar('todouble(9223372036854775807)'), 9223372036854775807);
    assert.equal(scalar('9007199254740993 == 9007199254740992.0'), true);
  });

  it('compares, sorts, groups and picks longs beyond 2^53', () => {
    assert.equal(scalar('9007199254740993 > 9007199254740992'), true);
    assert.equal(scalar('9007199254740993 == 9007199254740992'), false);
    assert.equal(scalar('9007199254740993 != 9007199254740993'), false);
    assert.equal(scalar('9007199254740993 between (9007199254740992 .. 9007199254740994)'), true);
    assert.equal(scalar('9007199254740993 in (1, 9007199254740993)'), true);
    assert.deepEqual(
      rows('datatable(a:long)[9007199254740993, 1, 9223372036854775807, 9007199254740992] | order by a desc'),
      [['9223372036854775807'], ['9007199254740993'], ['9007199254740992'], [1]],
    );
    assert.deepEqual(
      rows(
        'datatable(a:long)[9007199254740993, 9007199254740993, 9007199254740992] | summarize n = count() by a | order by a asc',
      ),
      [
        ['9007199254740992', 1],
        ['9007199254740993', 2],
      ],
    );
    assert.deepEqual(
      rows(
        'datatable(a:long)[9007199254740993, 2, -9007199254740993] | summarize max(a), min(a), dcount(a), count()',
      ),
      [['9007199254740993', '-9007199254740993', 3, 3]],
    );
  });

  it('sums longs exactly, past 2^53 and wrapping at 64 bits', () => {
    assert.deepEqual(rows('datatable(a:long)[9007199254740991, 9007199254740991] | summarize sum(a)'), [
      ['18014398509481982'],
    ]);
    assert.deepEqual(rows('datatable(a:long)[9007199254740993, -9007199254740992] | summarize sum(a)'), [
      [1],
    ]);
    assert.deepEqual(rows('datatable(a:long)[9223372036854775807, 2] | summarize sum(a)'), [
      ['-9223372036854775807'],
    ]);
    assert.deepEqual(rows('datatable(a:long)[9007199254740993, 1] | summarize sumif(a, a > 1)'), [
      ['9007199254740993'],
    ]);
  });

  it('converts strings, reals and datetimes to longs exactly (tolong-function.md)', () => {
    assert.equal(scalar('tolong("9223372036854775807")'), '9223372036854775807');
    assert.equal(scalar('tolong("-9223372036854775808")'), '-9223372036854775808');
    assert.equal(scalar('tolong("9223372036854775808")'), null);
    assert.equal(scalar('tolong("123")'), 123);
    assert.equal(scalar('tolong(1e18)'), '1000000000000000000');
    assert.throws(() => scalar('tolong(1e19)'), refusedWith(/beyond the range of a long/));
    assert.equal(scalar('tolong(9223372036854775807)'), '9223372036854775807');
    assert.equal(scalar('tostring(9223372036854775807)'), '9223372036854775807');
    assert.equal(scalar('strcat("#", -9223372036854775808)'), '#-9223372036854775808');
    assert.equal(scalar('gettype(9223372036854775807)'), 'long');
    assert.throws(() => scalar('toint(9223372036854775807)'), refusedWith(/toint\(\) of the long/));
  });

  it('hashes to the pages unreduced values (hash-function.md, hash-xxhash64-function.md)', () => {
    assert.equal(scalar('hash("World")'), '1846988464401551951');
    assert.equal(scalar('hash_xxhash64("World")'), '1846988464401551951');
    assert.equal(scalar('hash_xxhash64(datetime("2015-01-01"))'), '1380966698541616202');
    assert.equal(scalar('hash("World", 9007199254740993)'), 512617179648386);
    assert.equal(scalar('hash("World", 9223372036854775807)'), '1846988464401551951');
    // hash_combine's page does not say how it combines, whatever the size of the hashes.
    assert.throws(() => scalar('hash_combine(hash("Hello"), hash("World"))'), refusedWith(/combined/));
  });

  it('refuses a long beyond 2^53 where a function would read it as a double', () => {
    assert.throws(() => scalar('abs(9007199254740993)'), refusedWith(/abs\(\) of the long 9007199254740993/));
    // A dynamic value holds it exactly (dynamicLongs.test.ts).
    assert.equal(scalar('pack_array(9007199254740993)'), '[9007199254740993]');
    assert.equal(scalar('bag_pack("a", 9223372036854775807)'), '{"a":9223372036854775807}');
    assert.throws(
      () => rows('datatable(a:long)[9007199254740993] | summarize avg(a)'),
      refusedWith(/avg\(\) of the long 9007199254740993/),
    );
    assert.throws(
      () => rows('datatable(a:long)[9007199254740993] | summarize stdev(a)'),
      refusedWith(/stdev\(\) of the long/),
    );
  });

  it('counts nanoseconds between datetimes and running sums of longs exactly', () => {
    assert.equal(
      scalar("datetime_diff('nanosecond', datetime(2024-01-01), datetime(1970-01-01))"),
      '1704067200000000000',
    );
    assert.deepEqual(
      rows('datatable(a:long)[9007199254740991, 1, 1] | serialize | extend c = row_cumsum(a)'),
      [
        [9007199254740991, 9007199254740991],
        [1, '9007199254740992'],
        [1, '9007199254740993'],
      ],
    );
  });

  it('steps a range exactly past 2^53 and stops at the end of the 64-bit range', () => {
    assert.deepEqual(rows('range x from 9007199254740990 to 9007199254740994 step 2'), [
      [9007199254740990],
      ['9007199254740992'],
      ['9007199254740994'],
    ]);
    assert.deepEqual(rows('range x from 9223372036854775806 to 9223372036854775807 step 5'), [
      ['9223372036854775806'],
    ]);
    assert.deepEqual(rows('range x from 9007199254740994 to 9007199254740990 step -4'), [
      ['9007199254740994'],
      [9007199254740990],
    ]);
  });

  it('fills datatable columns of other types from a long beyond 2^53', () => {
    assert.deepEqual(rows('datatable(a:real, b:long)[9007199254740993, 9007199254740993]'), [
      [9007199254740992, '9007199254740993'],
    ]);
    assert.deepEqual(rows('datatable(d:dynamic)[9007199254740993] | extend t = gettype(d)'), [
      ['9007199254740993', 'long'],
    ]);
    assert.throws(
      () => scalar('bin(9007199254740993, 10)'),
      refusedWith(/bin\(\) of the long 9007199254740993/),
    );
  });

  it('prints the exact digits in the JSON, CSV and table outputs', () => {
    const result = run('print big = 9223372036854775807, small = 7, s = "9007199254740993"');
    const table = result.tables[0];
    assert.match(tablesJson([table]), /\[\s*9223372036854775807,\s*7,\s*"9007199254740993"\s*\]/);
    assert.equal(JSON.parse(tablesJson([table])).tables[0].rows[0][2], '9007199254740993');
    assert.equal(toCsv(table).split('\r\n')[1], '9223372036854775807,7,9007199254740993');
    const set = { tables: result.tables } as Parameters<typeof formatRunResult>[0];
    assert.match(formatRunResult(set, 'json'), /9223372036854775807,/);
    assert.match(formatRunResult(set, 'table'), /9223372036854775807/);
  });
});
