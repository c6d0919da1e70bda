import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dynamicJson } from '../../../server/src/executor/dynamicJson';
import { formatExpanded, formatValue, toCsv } from '../../../server/src/protocol/resultText';
import { refusedWith, rows, run, scalar } from './executorHarness';

/**
 * Longs beyond 2^53 inside dynamic values (issue 16): a whole JSON number within the 64-bit range
 * is the exact long Kusto keeps, through parsing, packing, collecting, element access,
 * conversion, comparison, grouping, sorting, set functions and output. What would read it as a
 * double refuses it by name.
 */
const BIG = '9007199254740993';

describe('executor: longs beyond 2^53 inside dynamic values', () => {
  it('parses them exactly at the boundaries; beyond the long range is refused', () => {
    assert.equal(scalar("parse_json('[9007199254740991]')[0]"), 9007199254740991);
    assert.equal(scalar("parse_json('[9007199254740992]')[0]"), '9007199254740992');
    assert.equal(scalar(`parse_json('{"a":${BIG}}')`), `{"a":${BIG}}`);
    assert.equal(
      scalar("parse_json('[-9223372036854775808, 9223372036854775807]')"),
      '[-9223372036854775808,9223372036854775807]',
    );
    // A number with a fraction or an exponent is a real, rounded to a double as Kusto reads it; a
    // whole one that large has no JSON text the pages show (wholeReals.ts).
    assert.equal(scalar("gettype(parse_json('[1.5, 9007199254740993.0, 1e20]')[1])"), 'real');
    assert.equal(scalar("todouble(parse_json('[1.5, 9007199254740993.0, 1e20]')[1])"), 9007199254740992);
    assert.throws(
      () => scalar("parse_json('[1.5, 9007199254740993.0, 1e20]')"),
      refusedWith(/whole real 9007199254740992 inside a dynamic value as JSON text/),
    );
    assert.throws(
      () => scalar("parse_json('[9223372036854775808]')"),
      refusedWith(/JSON integer 9223372036854775808 inside a dynamic value.*range of a long/),
    );
    assert.throws(
      () => scalar('parse_json(\'{"a":-9223372036854775809}\')'),
      refusedWith(/-9223372036854775809/),
    );
    assert.equal(scalar(`todynamic('[${BIG}, null]')`), `[${BIG},null]`);
    assert.equal(scalar(`dynamic([${BIG}, 1])`), `[${BIG},1]`);
    assert.equal(scalar(`dynamic({"a": ${BIG}})`), `{"a":${BIG}}`);
    assert.equal(scalar(`extract_json('$.a', '{"a":${BIG}}', typeof(long))`), BIG);
  });

  it('packs and collects them (pack_array, bag_pack, pack, make_list, make_set, make_bag)', () => {
    assert.equal(scalar(`pack_array(${BIG}, 1, long(null))`), `[${BIG},1,null]`);
    assert.equal(scalar('bag_pack("x", 9223372036854775807)'), '{"x":9223372036854775807}');
    assert.equal(scalar('pack("x", -9223372036854775808)'), '{"x":-9223372036854775808}');
    assert.deepEqual(
      rows(
        `datatable(a:long)[${BIG}, ${BIG}, 9007199254740992, 1] | summarize s = make_set(a), l = make_list(a)`,
      ),
      [[`[${BIG},9007199254740992,1]`, `[${BIG},${BIG},9007199254740992,1]`]],
    );
    assert.deepEqual(
      rows(`datatable(a:long)[${BIG}, 2] | summarize b = make_bag(bag_pack(strcat("k", a), a))`),
      [[`{"k${BIG}":${BIG},"k2":2}`]],
    );
    assert.deepEqual(
      rows(`datatable(d:dynamic)[dynamic([${BIG}]), dynamic([${BIG}, 1])] | summarize make_set(d)`),
      [[`[${BIG},1]`]],
    );
  });

  it('reads an element as the long it is: gettype, tostring, tolong, toint, todouble, access', () => {
    assert.deepEqual(
      rows(
        `print d = parse_json('{"a":[${BIG}]}') | extend t = gettype(d.a[0]), s = tostring(d.a[0]), l = tolong(d.a[0]), r = todouble(d.a[0]), q = toreal(d['a'][0]), c = strcat(d.a[0], "!"), n = isnull(d.a[0]), b = tobool(d.a[0])`,
      )[0].slice(1),
      ['long', BIG, BIG, 9007199254740992, 9007199254740992, `${BIG}!`, false, true],
    );
    assert.equal(scalar("gettype(parse_json('9223372036854775807'))"), 'long');
    assert.equal(scalar("tolong(parse_json('-9223372036854775808')) + 0"), '-9223372036854775808');
    assert.equal(scalar("tolong(parse_json('[9223372036854775807]')[0]) + 1"), '-9223372036854775808');
    assert.throws(
      () => scalar(`toint(parse_json('${BIG}'))`),
      refusedWith(/toint\(\) of the long 9007199254740993/),
    );
  });

  it('compares an element exactly with longs and numbers', () => {
    assert.deepEqual(
      rows(
        `print d = parse_json('[${BIG}]') | project a = d[0] == ${BIG}, b = d[0] == 9007199254740992, c = d[0] > 9007199254740992, e = d[0] < 9007199254740994, f = d[0] in (1, ${BIG}), g = ${BIG} == d[0]`,
      ),
      [[true, false, true, true, true, true]],
    );
    assert.equal(scalar("parse_json('[9007199254740992]')[0] == 9007199254740992.0"), true);
  });

  it('groups, makes distinct, joins and sorts by them', () => {
    const data = `datatable(d:dynamic)[dynamic({"a":${BIG}}), dynamic({"a":${BIG}}), dynamic({"a":9007199254740992}), dynamic(null)]`;
    assert.deepEqual(rows(`${data} | summarize n = count() by a = tolong(d.a) | order by a asc`), [
      [null, 1],
      ['9007199254740992', 1],
      [BIG, 2],
    ]);
    assert.deepEqual(rows(`${data} | summarize n = count() by s = tostring(d) | order by n desc | take 1`), [
      [`{"a":${BIG}}`, 2],
    ]);
    assert.deepEqual(rows(`${data} | summarize dcount(tostring(d)), max(tolong(d.a)), min(tolong(d.a))`), [
      [2, BIG, '9007199254740992'],
    ]);
    assert.deepEqual(
      rows(
        `let a = print k = ${BIG}, v = 1; let b = print d = parse_json('[${BIG}, 9007199254740992]') | mv-expand d to typeof(long) | project k = d; a | join kind=inner b on k | project k, k1`,
      ),
      [[BIG, BIG]],
    );
    assert.deepEqual(
      rows(`print d = parse_json('[${BIG}, 9007199254740992, 1]') | mv-expand d | order by tolong(d) desc`),
      [[BIG], ['9007199254740992'], [1]],
    );
  });

  it('runs the array and set functions exactly', () => {
    const arr = `parse_json('[${BIG}, 9007199254740992, 1, 9007199254740991]')`;
    assert.equal(scalar(`array_sort_asc(${arr})`), `[1,9007199254740991,9007199254740992,${BIG}]`);
    assert.equal(scalar(`array_sort_desc(${arr})`), `[${BIG},9007199254740992,9007199254740991,1]`);
    assert.equal(scalar(`array_index_of(${arr}, ${BIG})`), 0);
    assert.equal(scalar(`array_index_of(${arr}, 9007199254740994)`), -1);
    assert.equal(scalar(`set_has_element(${arr}, 9007199254740992)`), true);
    assert.equal(
      scalar(`set_union(dynamic([${BIG}]), ${arr})`),
      `[${BIG},9007199254740992,1,9007199254740991]`,
    );
    assert.equal(scalar(`set_intersect(${arr}, dynamic([${BIG}, 2]))`), `[${BIG}]`);
    assert.equal(
      scalar(`set_difference(${arr}, dynamic([${BIG}]))`),
      '[9007199254740992,1,9007199254740991]',
    );
    assert.equal(scalar(`array_length(${arr})`), 4);
    assert.equal(scalar(`array_reverse(dynamic([${BIG}, 1]))`), `[1,${BIG}]`);
    assert.equal(scalar(`array_slice(${arr}, 0, 0)`), `[${BIG}]`);
    assert.equal(scalar(`strcat_array(dynamic([${BIG}, 1]), "-")`), `${BIG}-1`);
    assert.deepEqual(scalar(`bag_keys(dynamic({"a": ${BIG}}))`), ['a']);
    assert.equal(scalar(`dynamic_to_json(dynamic({"b": ${BIG}, "a": 1}))`), `{"a":1,"b":${BIG}}`);
    assert.throws(
      () => scalar(`array_sum(${arr})`),
      refusedWith(/array_sum\(\) of an array holding the long 9007199254740993/),
    );
    assert.throws(
      () => scalar(`series_stats_dynamic(${arr})`),
      refusedWith(/series_stats_dynamic\(\) of a dynamic value holding a long beyond 2\^53/),
    );
  });

  it('expands arrays and unpacks bags into longs', () => {
    assert.deepEqual(
      rows(`print d = parse_json('[${BIG}, 2, null]') | mv-expand d | extend t = gettype(d)`),
      [
        [BIG, 'long'],
        [2, 'int'],
        [null, 'null'],
      ],
    );
    assert.deepEqual(
      rows(`print d = parse_json('[${BIG}, -9223372036854775808]') | mv-expand d to typeof(long)`),
      [[BIG], ['-9223372036854775808']],
    );
    assert.throws(
      () => rows(`print d = parse_json('[${BIG}]') | mv-expand d to typeof(int)`),
      refusedWith(/beyond an int/),
    );
    assert.deepEqual(
      rows(
        `print d = parse_json('{"x":${BIG}}') | evaluate bag_unpack(d) | extend t = gettype(x), n = tolong(x) + 1`,
      ),
      [[BIG, 'long', '9007199254740994']],
    );
  });

  it('refuses arithmetic on a dynamic value holding one rather than doing it in doubles', () => {
    assert.throws(
      () => scalar(`parse_json('${BIG}') + 1`),
      refusedWith(/arithmetic on a dynamic value holding the long/),
    );
    assert.throws(
      () => scalar(`abs(tolong(parse_json('${BIG}')))`),
      refusedWith(/abs\(\) of the long 9007199254740993/),
    );
    // An hll sketch keys a dynamic value by its exact JSON text.
    assert.deepEqual(
      rows(
        `datatable(d:dynamic)[dynamic([${BIG}]), dynamic([9007199254740992])] | summarize h = hll(d) | project dcount_hll(h)`,
      ),
      [[2]],
    );
  });

  it('writes exact digits in the results: text, CSV, expanded JSON, round trip through tostring', () => {
    const table = run(
      `print d = parse_json('{"a":[${BIG}], "b": 9223372036854775807}'), e = parse_json('${BIG}')`,
    ).tables[0];
    assert.deepEqual(table.rows[0], [`{"a":[${BIG}],"b":9223372036854775807}`, BIG]);
    assert.equal(formatValue(table.rows[0][0]), `{"a":[${BIG}],"b":9223372036854775807}`);
    assert.equal(toCsv(table).split('\r\n')[1], `"{""a"":[${BIG}],""b"":9223372036854775807}",${BIG}`);
    assert.equal(
      formatExpanded(table.rows[0][0]),
      `{\n  "a": [\n    ${BIG}\n  ],\n  "b": 9223372036854775807\n}`,
    );
    assert.equal(scalar(`tostring(todynamic(tostring(parse_json('[${BIG}]'))))`), `[${BIG}]`);
    assert.equal(
      dynamicJson({ a: [9007199254740993n, 'x'], b: -9223372036854775808n }),
      `{"a":[${BIG},"x"],"b":-9223372036854775808}`,
    );
    assert.equal(dynamicJson([1, 'long:5']), '[1,"long:5"]');
  });
});
