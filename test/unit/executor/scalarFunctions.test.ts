import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { rows, scalar } from './executorHarness';

describe('engine: scalar semantics', () => {
  it('has matches whole terms, case-insensitively; has_cs is case-sensitive', () => {
    assert.equal(scalar('"North America" has "america"'), true);
    assert.equal(scalar('"North America" has "meric"'), false);
    assert.equal(scalar('"C:\\\\Program Files\\\\TightVNC\\\\tvnserver.exe" has "tvnserver.exe"'), true);
    assert.equal(scalar('"ad67d136-c1db-4f9f" has "c1db"'), true);
    assert.equal(scalar('"North America" !has "amer"'), true);
    assert.equal(scalar('"North America" has_cs "America"'), true);
    assert.equal(scalar('"North America" has_cs "america"'), false);
  });

  it('string predicates follow the documented examples', () => {
    const cases: [string, boolean][] = [
      ['"aBc" == "aBc"', true],
      ['"abc" != "ABC"', true],
      ['"abc" =~ "ABC"', true],
      ['"aBc" !~ "xyz"', true],
      ['"FabriKam" contains "BRik"', true],
      ['"Fabrikam" !contains "xyz"', true],
      ['"FabriKam" contains_cs "Kam"', true],
      ['"Fabrikam" startswith "fab"', true],
      ['"Fabrikam" endswith "Kam"', true],
      ['"Fabrikam" !endswith "brik"', true],
      ['"abc" in ("123", "345", "abc")', true],
      ['"bca" !in ("123", "345", "abc")', true],
      ['"ABC" in~ ("123", "345", "abc")', true],
      ['"bca" !in~ ("123", "345", "ABC")', true],
      ['"North America" has_any("south", "north")', true],
      ['"North America" has_all("south", "america")', false],
      ['"Fabrikam" matches regex "b.*k"', true],
      ['5 between (1 .. 10)', true],
      ['datetime(2024-01-02) between (datetime(2024-01-01) .. 1d)', true],
      ['11 !between (1 .. 10)', true],
    ];
    for (const [expr, expected] of cases) assert.equal(scalar(expr), expected, expr);
  });

  it('in accepts dynamic arrays and subqueries', () => {
    assert.equal(scalar('"b" in (dynamic(["a", "b"]))'), true);
    assert.deepEqual(rows('datatable(x:string)["a","b","c"] | where x in ((datatable(y:string)["c","a"]))'), [
      ['a'],
      ['c'],
    ]);
  });

  it('arithmetic promotes types and integer division truncates', () => {
    assert.equal(scalar('7 / 2'), 3);
    assert.equal(scalar('-7 / 2'), -3);
    assert.equal(scalar('7 / 2.0'), 3.5);
    assert.equal(scalar('7 % 3'), 1);
    assert.equal(scalar('1 / 0'), null);
    assert.equal(scalar('datetime(2024-01-02) - datetime(2024-01-01)'), '1.00:00:00');
    assert.equal(scalar('datetime(2024-01-01) + 90m'), '2024-01-01T01:30:00Z');
    assert.equal(scalar('2h / 30m'), 4);
    assert.equal(scalar('1h * 2'), '02:00:00');
  });

  it('nulls propagate through arithmetic; comparisons with null follow logical-operators.md', () => {
    assert.equal(scalar('long(null) + 1'), null);
    assert.equal(scalar('long(null) == 1'), false);
    assert.equal(scalar('long(null) > 1 or true'), true);
    assert.equal(scalar('long(null) > 1 and false'), false);
    assert.deepEqual(rows('datatable(x:long)[1, long(null), 3] | where x != 1'), [[null], [3]]);
    assert.equal(scalar('isnull(long(null))'), true);
    assert.equal(scalar('isempty("")'), true);
    assert.equal(scalar('isnotempty("a")'), true);
    assert.equal(scalar('isnull("")'), false);
  });

  it('datetime functions', () => {
    assert.equal(scalar('now()'), '2024-05-10T12:00:00Z');
    assert.equal(scalar('now(-1d)'), '2024-05-09T12:00:00Z');
    assert.equal(scalar('ago(1h)'), '2024-05-10T11:00:00Z');
    assert.equal(scalar('startofday(datetime(2017-01-01 10:10:17))'), '2017-01-01T00:00:00Z');
    assert.equal(scalar('startofday(datetime(2017-01-01 10:10:17), -1)'), '2016-12-31T00:00:00Z');
    assert.equal(scalar('bin(datetime(1970-05-11 13:45:07), 1d)'), '1970-05-11T00:00:00Z');
    assert.equal(scalar('bin(4.5, 1)'), 4);
    assert.equal(scalar('bin(10m, 7m)'), '00:07:00');
    assert.equal(scalar("datetime_diff('year', datetime(2017-01-01), datetime(2000-12-31))"), 17);
    assert.equal(scalar("datetime_diff('month', datetime(2017-01-01), datetime(2000-12-31))"), 193);
    assert.equal(scalar("datetime_diff('day', datetime(2017-10-30 23:05:01), datetime(2017-11-01))"), -2);
    assert.equal(
      scalar("datetime_diff('hour', datetime(2017-10-31 01:00), datetime(2017-10-30 23:59:59))"),
      2,
    );
    assert.equal(
      scalar("format_datetime(datetime(2015-12-14 02:03:04.123), 'yy-M-d h:m:s.fffffff')"),
      '15-12-14 2:3:4.1230000',
    );
    // format-datetime-function.md: all seven digits of the fraction, to the tick.
    assert.equal(
      scalar("format_datetime(datetime(2015-12-14 02:03:04.12345), 'yy-M-d h:m:s.fffffff')"),
      '15-12-14 2:3:4.1234500',
    );
    assert.equal(
      scalar("format_datetime(datetime(2017-01-29 09:00:05), 'yyyy-MM-dd [HH:mm:ss]')"),
      '2017-01-29 [09:00:05]',
    );
    assert.equal(scalar('todatetime("2015-12-24")'), '2015-12-24T00:00:00Z');
  });

  it('string functions', () => {
    assert.equal(scalar('tolower("ABC")'), 'abc');
    assert.equal(scalar('toupper("abc")'), 'ABC');
    assert.equal(scalar('strlen("hello")'), 5);
    assert.equal(scalar('substring("123456", 1, 3)'), '234');
    assert.equal(scalar('substring("123456", 2)'), '3456');
    assert.equal(scalar('substring("123456", -2, 2)'), '56');
    assert.equal(scalar('substring("123456", -3)'), '456');
    assert.equal(scalar('substring("123456", -10, 2)'), '12');
    assert.equal(scalar('substring("", -1)'), '');
  });

  it('mv-expand by the modes of mv-expand-operator.md: bag, array, item index, limit, null and empty', () => {
    assert.deepEqual(rows('print d = dynamic({"a": 1, "b": 2}) | mv-expand kind=array d'), [
      [['a', 1]],
      [['b', 2]],
    ]);
    assert.deepEqual(rows('print d = dynamic({"a": 1}) | mv-expand bagexpansion=array d'), [[['a', 1]]]);
    assert.deepEqual(rows('print d = dynamic({"a": 1, "b": 2}) | mv-expand kind=bag d'), [
      [{ a: 1 }],
      [{ b: 2 }],
    ]);
    assert.deepEqual(rows('print d = dynamic([1, 2]) | mv-expand kind=bag d'), [[1], [2]]);
    assert.deepEqual(rows('print d = dynamic(["x", "y", "z"]) | mv-expand with_itemindex=i d'), [
      ['x', 0],
      ['y', 1],
      ['z', 2],
    ]);
    assert.deepEqual(rows('print d = dynamic([1, 2, 3]) | mv-expand d limit 2'), [[1], [2]]);
    // A computed expression over a column (todynamic(Col)) takes that column's place, as the binder names it.
    assert.deepEqual(rows('datatable(s:string, x:long)["[1,2]", 7] | mv-expand todynamic(s)'), [
      [1, 7],
      [2, 7],
    ]);
    // A null expands to one row with null; an empty array or bag to none.
    assert.deepEqual(rows('print n = 1, d = dynamic(null) | mv-expand d'), [[1, null]]);
    assert.deepEqual(rows('print n = 1, d = dynamic([]) | mv-expand d'), []);
    assert.deepEqual(rows('print n = 1, d = dynamic({}) | mv-expand d'), []);
  });

  it('set functions keep distinct values in order of first appearance', () => {
    assert.deepEqual(scalar('set_difference(dynamic([1,2,1,4]), dynamic([1,2]), dynamic([1,2,8]))'), [4]);
    assert.deepEqual(scalar('set_difference(dynamic(["a","b"]), dynamic([]))'), ['a', 'b']);
    assert.deepEqual(scalar('set_intersect(dynamic([3,1,2,3]), dynamic([1,3,9]))'), [3, 1]);
    assert.deepEqual(scalar('set_union(dynamic([1,2]), dynamic([2,"x",1]))'), [1, 2, 'x']);
    assert.equal(scalar('set_has_element(dynamic(["é","b"]), "é")'), true);
    assert.equal(scalar('set_has_element(dynamic([1,2]), 3)'), false);
    assert.deepEqual(scalar('split("aa_bb", "_")'), ['aa', 'bb']);
    assert.deepEqual(scalar('split("aaa_bbb_ccc", "_", 1)'), ['bbb']);
    assert.equal(scalar('strcat("hello", " ", "world", 1)'), 'hello world1');
    assert.equal(
      scalar('replace_string("A magic trick can turn a cat into a dog", "cat", "hamster")'),
      'A magic trick can turn a hamster into a dog',
    );
    assert.equal(scalar('trim("--", "--https://bing.com--")'), 'https://bing.com');
    assert.equal(scalar('extract("x=([0-9.]+)", 1, "hello x=45.6|wo")'), '45.6');
    assert.equal(scalar('extract("x=([0-9.]+)", 1, "hello x=45.6|wo", typeof(real))'), 45.6);
    assert.equal(scalar('extract("y=([0-9]+)", 1, "hello x=45")'), '');
  });

  it('conversion, conditional and dynamic functions', () => {
    assert.equal(scalar('tostring(123)'), '123');
    assert.equal(scalar('toint("42")'), 42);
    assert.equal(scalar('tolong("x")'), null);
    assert.equal(scalar('todouble("1.5")'), 1.5);
    assert.equal(scalar('iff(1 > 2, "a", "b")'), 'b');
    assert.equal(scalar('iif(bool(null), "a", "b")'), 'b');
    assert.equal(scalar('case(1 > 2, "a", 2 > 1, "b", "c")'), 'b');
    assert.equal(scalar('coalesce(long(null), 5, 6)'), 5);
    assert.equal(scalar('coalesce("", "x")'), 'x');
    assert.deepEqual(scalar('parse_json(\'{"a": {"b": [1, 2]}}\').a.b'), [1, 2]);
    assert.equal(scalar('tostring(parse_json(\'{"a": "x"}\')["a"])'), 'x');
    assert.equal(scalar('array_length(dynamic([1, 2, 3]))'), 3);
    assert.equal(scalar('array_length(parse_json("{}"))'), null);
    // Inside a dynamic value a datetime keeps all seven fraction digits, as tostring() writes it.
    assert.deepEqual(scalar('pack_array(1, "a", datetime(2024-01-01))'), [
      1,
      'a',
      '2024-01-01T00:00:00.0000000Z',
    ]);
    assert.deepEqual(scalar('bag_pack("k", 1, "v", "x")'), { k: 1, v: 'x' });
  });

  it('network functions', () => {
    assert.equal(scalar('ipv4_is_private("192.168.1.1")'), true);
    assert.equal(scalar('ipv4_is_private("172.31.255.1")'), true);
    assert.equal(scalar('ipv4_is_private("8.8.8.8")'), false);
    assert.equal(scalar('ipv4_is_private("not an ip")'), null);
    assert.equal(scalar('ipv4_is_in_range("10.1.2.3", "10.1.0.0/16")'), true);
    assert.equal(scalar('ipv4_is_in_range("192.168.1.6", "192.168.1.1/30")'), false);
    const url = scalar(
      'parse_url("scheme://username:password@host:1234/this/is/a/path?k1=v1&k2=v2#fragment")',
    ) as Record<string, unknown>;
    assert.equal(url.Host, 'host');
    assert.equal(url.Port, '1234');
    assert.equal(url.Path, '/this/is/a/path');
    assert.deepEqual(url['Query Parameters'], { k1: 'v1', k2: 'v2' });
    assert.equal(url.Fragment, 'fragment');
  });

  it('toscalar of a scalar, a name inside an argument, and rand()', () => {
    assert.deepEqual(rows('let V = dynamic([1, 2, 3]); print n = toscalar(array_length(V))'), [[3]]);
    assert.deepEqual(
      rows(
        'datatable(Timestamp:datetime)[datetime(2020-01-01 00:07)] | summarize c=count() by bin(FiveMin=Timestamp, 5m)',
      ),
      [['2020-01-01T00:05:00Z', 1]],
    );
    assert.deepEqual(
      rows(
        'range i from 1 to 50 step 1 | extend r = rand(3), q = rand() | summarize max(r) < 3, min(r) >= 0, max(q) < 1, min(q) >= 0, countif(r != floor(r, 1)) == 0',
      ),
      [[true, true, true, true, true]],
    );
  });
});
