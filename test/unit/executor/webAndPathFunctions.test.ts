import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rows, scalar, refusedWith } from './executorHarness';

/** URL encoding, paths, command lines, translate, tohex, range() and the IPv4 prefix functions. */
describe('executor: URL, path and command-line functions', () => {
  it('url_encode and url_encode_component write lowercase hex and differ only in the space', () => {
    assert.equal(
      scalar("url_encode('https://www.bing.com/hello world')"),
      'https%3a%2f%2fwww.bing.com%2fhello+world',
    );
    assert.equal(
      scalar("url_encode_component('https://www.bing.com/hello world/')"),
      'https%3a%2f%2fwww.bing.com%2fhello%20world%2f',
    );
    assert.equal(scalar("url_encode('a-b_c.d!e*f(g)')"), 'a-b_c.d!e*f(g)');
    assert.equal(scalar("url_encode('é')"), '%c3%a9');
    assert.equal(scalar("url_encode('')"), '');
  });

  it('url_decode turns escapes back into UTF-8 text and leaves a stray % alone', () => {
    assert.equal(scalar("url_decode(@'https%3a%2f%2fwww.bing.com%2f')"), 'https://www.bing.com/');
    assert.equal(scalar("url_decode('%C3%A9t%C3%A9')"), 'été');
    assert.equal(scalar("url_decode('100%')"), '100%');
    assert.equal(scalar("url_decode('%zz')"), '%zz');
    assert.throws(() => scalar("url_decode('a+b')"), refusedWith(/url_decode\(\) of a text with "\+"/));
    assert.throws(() => scalar("url_decode('%ff')"), refusedWith(/not UTF-8/));
  });

  it("parse_path gives the parts of the reference's five examples", () => {
    const parts = (p: string) => scalar(`parse_path(@"${p}")`);
    assert.deepEqual(parts('C:\\temp\\file.txt'), {
      Scheme: '',
      RootPath: 'C:',
      DirectoryPath: 'C:\\temp',
      DirectoryName: 'temp',
      Filename: 'file.txt',
      Extension: 'txt',
      AlternateDataStreamName: '',
    });
    assert.deepEqual(parts('temp\\file.txt'), {
      Scheme: '',
      RootPath: '',
      DirectoryPath: 'temp',
      DirectoryName: 'temp',
      Filename: 'file.txt',
      Extension: 'txt',
      AlternateDataStreamName: '',
    });
    assert.deepEqual(parts('file://C:/temp/file.txt:some.exe'), {
      Scheme: 'file',
      RootPath: 'C:',
      DirectoryPath: 'C:/temp',
      DirectoryName: 'temp',
      Filename: 'file.txt',
      Extension: 'txt',
      AlternateDataStreamName: 'some.exe',
    });
    assert.deepEqual(parts('\\\\shared\\users\\temp\\file.txt.gz'), {
      Scheme: '',
      RootPath: '',
      DirectoryPath: '\\\\shared\\users\\temp',
      DirectoryName: 'temp',
      Filename: 'file.txt.gz',
      Extension: 'gz',
      AlternateDataStreamName: '',
    });
    assert.equal((parts('/usr/lib/temp/file.txt') as Record<string, string>).DirectoryPath, '/usr/lib/temp');
    assert.equal((parts('C:\\dir\\noext') as Record<string, string>).Extension, '');
    for (const open of ['file.txt', 'C:\\temp\\', 'C:\\file.txt', '\\\\?\\C:\\a\\b.txt'])
      assert.throws(() => parts(open), refusedWith(/parse_path\(\)/), open);
  });

  it('parse_command_line splits as CommandLineToArgvW does', () => {
    const argv = (line: string) => scalar(`parse_command_line(@'${line}', 'windows')`);
    assert.deepEqual(scalar('parse_command_line("echo \\"hello world!\\"", "windows")'), [
      'echo',
      'hello world!',
    ]);
    assert.deepEqual(argv('"C:\\Program Files\\a.exe" -x  "y z"'), ['C:\\Program Files\\a.exe', '-x', 'y z']);
    // Backslashes escape only before a quote: 2n give n and toggle quoting, 2n+1 give n and a quote.
    assert.deepEqual(argv('a.exe a\\\\b c\\\\"d e"'), ['a.exe', 'a\\\\b', 'c\\d e']);
    assert.deepEqual(argv('a.exe x\\"y'), ['a.exe', 'x"y']);
    assert.deepEqual(argv('a.exe'), ['a.exe']);
    assert.deepEqual(argv('a.exe ""'), ['a.exe', '']);
    assert.throws(() => argv(''), refusedWith(/empty/));
    assert.throws(() => argv('a.exe "x""y"'), refusedWith(/"" inside quotes/));
    assert.throws(() => scalar("parse_command_line('a b', 'posix')"), refusedWith(/parser "posix"/));
  });
});

describe('executor: translate, tohex, range and small aliases', () => {
  it("translate maps characters as the reference's examples show", () => {
    assert.equal(scalar('translate("abc", "x", "abc")'), 'xxx');
    assert.equal(scalar('translate("abc", "", "ab")'), '');
    assert.equal(scalar('translate("krasp", "otsku", "spark")'), 'kusto');
    assert.equal(scalar('translate("a", "b", "")'), '');
    assert.throws(() => scalar('translate("aa", "bc", "a")'), refusedWith(/listed twice/));
  });

  it("tohex gives two's complements by the value's width and pads to minLength", () => {
    assert.equal(scalar('tohex(256)'), '100');
    assert.equal(scalar('tohex(-256)'), 'ffffffffffffff00');
    assert.equal(scalar('tohex(toint(-256), 8)'), 'ffffff00');
    assert.equal(scalar('tohex(256, 8)'), '00000100');
    assert.equal(scalar('tohex(256, 2)'), '100');
    assert.equal(scalar('tohex(1, 40)'), '0000000000000001');
    // A string is never null in Kusto: a null value gives the empty string.
    assert.equal(scalar('tohex(long(null))'), '');
  });

  it('range() builds the series up to and including stop, by the default step of its type', () => {
    assert.deepEqual(scalar('range(1, 8, 3)'), [1, 4, 7]);
    assert.deepEqual(scalar('range(1, 3)'), [1, 2, 3]);
    assert.deepEqual(scalar('range(1h, 3h)'), ['01:00:00', '02:00:00', '03:00:00']);
    assert.deepEqual(scalar('range(datetime(2007-01-01), datetime(2007-01-02), 1d)'), [
      '2007-01-01T00:00:00.0000000Z',
      '2007-01-02T00:00:00.0000000Z',
    ]);
    assert.deepEqual(scalar('range(5, 1)'), []);
    assert.equal(scalar('range(1, long(null))'), null);
    assert.deepEqual(rows('print r = range(1, 1000000000) | mv-expand r | count'), [[1_048_576]]);
    assert.throws(() => scalar('range(5, 1, -1)'), refusedWith(/not positive/));
  });

  it('new_guid gives a fresh GUID each call; notempty and pack_dictionary are aliases', () => {
    const [[a, b]] = rows('print a = new_guid(), b = new_guid()');
    assert.match(String(a), /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    assert.notEqual(a, b);
    assert.deepEqual(rows('print notempty(""), notempty("x")'), [[false, true]]);
    assert.deepEqual(scalar('pack_dictionary("a", 1)'), { a: 1 });
  });

  it('has_ipv4_prefix and has_any_ipv4_prefix find delimited, valid addresses by prefix', () => {
    const log = '05:04:54 127.0.0.1 GET /favicon.ico 404';
    assert.equal(scalar(`has_ipv4_prefix('${log}', '127.0.')`), true);
    assert.equal(scalar(`has_ipv4_prefix('${log}', '127.0')`), false);
    assert.equal(scalar(`has_ipv4_prefix('05:04:54 127.0.0.256 GET', '127.0.')`), false);
    assert.equal(scalar(`has_ipv4_prefix('05:04:54127.0.0.1 GET', '127.0.')`), false);
    assert.equal(scalar(`has_ipv4_prefix('${log}', '127.0.0.1')`), true);
    assert.equal(scalar(`has_any_ipv4_prefix('${log}', '127.0.', '192.168.')`), true);
    assert.equal(scalar(`has_any_ipv4_prefix('${log}', dynamic(["127.0.", "192.168."]))`), true);
    assert.equal(scalar(`has_any_ipv4_prefix('05:04:54127.0.0.1 GET', '127.0.', '192.')`), false);
  });
});
