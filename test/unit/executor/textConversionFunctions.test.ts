import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { refusedWith, rows, scalar } from './executorHarness';

/** replace_strings, format_bytes, code points, isutf8, parse_version and repeat (issue 16). */
describe('executor: text conversion functions', () => {
  const message = '"This is an example of using replace_strings()"';

  it('replace_strings gives earlier lookups precedence (replace-strings-function.md)', () => {
    assert.equal(
      scalar(
        `replace_strings("A magic trick can turn a cat into a dog", dynamic(['cat', 'dog']), dynamic(['dog', 'pigeon']))`,
      ),
      'A magic trick can turn a dog into a pigeon',
    );
    assert.equal(
      scalar(
        `replace_strings("A magic trick can turn a cat into a dog", dynamic(['turn', ' into a dog']), dynamic(['disappear', '']))`,
      ),
      'A magic trick can disappear a cat',
    );
    assert.equal(
      scalar(`replace_strings(${message}, dynamic(['This', 'is']), dynamic(['This', 'was']))`),
      'This was an example of using replace_strings()',
    );
    assert.equal(
      scalar(`replace_strings(${message}, dynamic(['is', 'This']), dynamic(['was', 'This']))`),
      'Thwas was an example of using replace_strings()',
    );
    assert.equal(
      scalar(`replace_strings(${message}, dynamic(['This', 'is']), dynamic([12345, 'was']))`),
      'This was an example of using replace_strings()',
    );
    // A lookup that is not a string is ignored; unicode and empty text pass through.
    assert.equal(scalar(`replace_strings("été été", dynamic([1, 'é']), dynamic(['x', 'e']))`), 'ete ete');
    assert.equal(scalar(`replace_strings("", dynamic(['a']), dynamic(['b']))`), '');
    assert.throws(
      () => scalar(`replace_strings("a", dynamic(['a']), dynamic([]))`),
      refusedWith(/different lengths/),
    );
    assert.throws(
      () => scalar(`replace_strings("a", dynamic(['']), dynamic(['b']))`),
      refusedWith(/empty lookup/),
    );
  });

  it('format_bytes picks units of 1024 and rounds (format-bytes-function.md)', () => {
    assert.deepEqual(
      rows(
        'print v1 = format_bytes(564), v2 = format_bytes(10332, 1), v3 = format_bytes(20010332), v4 = format_bytes(20010332, 2), v5 = format_bytes(20010332, 0, "KB")',
      ),
      [['564 Bytes', '10.1 KB', '19 MB', '19.08 MB', '19541 KB']],
    );
    assert.equal(scalar('format_bytes(0)'), '0 Bytes');
    assert.equal(scalar('format_bytes(1024)'), '1 KB');
    assert.equal(scalar('format_bytes(1023)'), '1023 Bytes');
    assert.equal(scalar('format_bytes(real(null))'), '');
    assert.throws(() => scalar('format_bytes(-5)'), refusedWith(/negative size/));
    assert.throws(() => scalar('format_bytes(1048575)'), refusedWith(/next unit/));
    assert.throws(() => scalar('format_bytes(1536)'), refusedWith(/halfway/));
    assert.throws(() => scalar('format_bytes(1024, 2)'), refusedWith(/ends in zero/));
    assert.throws(() => scalar('format_bytes(1024, 0, "ZB")'), refusedWith(/units 'ZB'/));
  });

  it('code points and isutf8 (unicode-codepoints-from-string-function.md, isutf8-function.md)', () => {
    assert.deepEqual(scalar('unicode_codepoints_from_string("⒦⒰⒮⒯⒪")'), [9382, 9392, 9390, 9391, 9386]);
    assert.deepEqual(
      scalar('unicode_codepoints_from_string("קוסטו - Kusto")'),
      [1511, 1493, 1505, 1496, 1493, 32, 45, 32, 75, 117, 115, 116, 111],
    );
    assert.equal(scalar('unicode_codepoints_to_string(unicode_codepoints_from_string("Kusto"))'), 'Kusto');
    // A code point beyond the basic plane is one element, not two surrogates.
    assert.deepEqual(scalar('unicode_codepoints_from_string("a😀")'), [97, 128512]);
    assert.deepEqual(scalar('unicode_codepoints_from_string("")'), []);
    assert.equal(scalar('isutf8("some string")'), true);
    assert.equal(scalar('isutf8("")'), true);
    assert.equal(scalar('isutf8("😀 é")'), true);
  });

  it('parse_version gives the exact decimal (parse-version-function.md)', () => {
    assert.deepEqual(
      rows(
        'datatable(v: string) ["0.0.0.5", "0.0.7.0", "0.0.3", "x", "", "1.2.3.4.5", "123456789"] | extend p = parse_version(v)',
      ),
      [
        ['0.0.0.5', 5],
        ['0.0.7.0', 700000000],
        ['0.0.3', 300000000],
        ['x', null],
        ['', null],
        ['1.2.3.4.5', null],
        ['123456789', null],
      ],
    );
    assert.equal(scalar('parse_version("0.0.1.0") < parse_version("0.0.2")'), true);
    // Beyond 2^53 the output is the decimal's exact text.
    assert.equal(scalar('parse_version("1.2.3.4")'), '1000000020000000300000004');
  });

  it('repeat makes an array of one value (repeat-function.md)', () => {
    assert.deepEqual(scalar('repeat(1, 3)'), [1, 1, 1]);
    assert.deepEqual(scalar('repeat("é", 2)'), ['é', 'é']);
    assert.deepEqual(scalar('repeat("a", 0)'), []);
    assert.equal(scalar('isnull(repeat(1, -1))'), true);
    assert.deepEqual(scalar('repeat(datetime(2020-01-01), 1)'), ['2020-01-01T00:00:00.0000000Z']);
  });
});
