import { table, value, type ConformanceCase } from '../caseTypes';
import { DynamicText } from '../compare';

/**
 * String, array/bag and math functions: the examples of their reference pages with the answers
 * those pages print (rows in input order).
 */
const INDEXOF = 'indexof-function.md';
const ARRAY_INDEX = 'array-index-of-function.md';
const SLICE = 'array-slice-function.md';
const ROUND = 'round-function.md';
const words = 'dynamic(["this", "is", "an", "example", "an", "example"])';

export const textDynamicMathCases: ConformanceCase[] = [
  value(INDEXOF, 'indexof("abcdefg","cde")', 2),
  value(INDEXOF, 'indexof("abcdefg","cde",1,4)', 2),
  value(INDEXOF, 'indexof("abcdefg","cde",1,2)', -1),
  value(INDEXOF, 'indexof("abcdefg","cde",3,4)', -1),
  value(INDEXOF, 'indexof("abcdefg","cde",-5)', 2),
  value(INDEXOF, 'indexof(1234567,5,1,4)', 4),
  value(INDEXOF, 'indexof("abcdefg","cde",2,-1)', 2),
  value(INDEXOF, 'indexof("abcdefgabcdefg", "cde", 1, 10, 2)', 9),
  value(INDEXOF, 'indexof("abcdefgabcdefg", "cde", 1, -1, 3)', -1),
  value('strrep-function.md', "strrep('ABC', 2)", 'ABCABC'),
  // In KQL's single-quoted text, \n is a line feed, so the fifth value holds one.
  value(
    'parse-csv-function.md',
    `parse_csv('aa,"b,b,b",cc,"Escaping quotes: ""Title""","line1\\nline2"')`,
    new DynamicText('[ "aa", "b,b,b", "cc", "Escaping quotes: \\"Title\\"", "line1\\nline2" ]'),
  ),
  value(
    'parse-csv-function.md',
    "parse_csv('record1,a,b,c\\nrecord2,x,y,z')",
    new DynamicText('[ "record1", "a", "b", "c" ]'),
  ),
  value('strrep-function.md', "strrep(123,3,'.')", '123.123.123'),
  value('strrep-function.md', "strrep(3s,2,' ')", '00:00:03 00:00:03'),
  value('reverse-function.md', 'reverse("ABCDEFGHIJKLMNOPQRSTUVWXYZ")', 'ZYXWVUTSRQPONMLKJIHGFEDCBA'),
  value('reverse-function.md', 'reverse(12345)', '54321'),
  value('reverse-function.md', 'reverse(123.45)', '54.321'),
  value('reverse-function.md', 'reverse(datetime(2017-10-15 12:00))', 'Z0000000.00:00:21T51-01-7102'),
  value('reverse-function.md', 'reverse(3h)', '00:00:30'),
  table(
    'strcmp-function.md',
    'datatable(string1:string, string2:string) ["ABC","ABC", "abc","ABC", "ABC","abc", "abcde","abc"] | extend result = strcmp(string1,string2) | project result',
    [[0], [1], [-1], [1]],
  ),
  value('base64-decode-tostring-function.md', 'base64_decode_tostring("S3VzdG8=")', 'Kusto'),
  value('base64-decode-tostring-function.md', 'base64_decode_tostring("U3RyaW5n0KHR0tGA0L7Rh9C60LA=")', ''),
  value(
    'base64-decode-toarray-function.md',
    'base64_decode_toarray("S3VzdG8=")',
    new DynamicText('[75,117,115,116,111]'),
  ),
  value(ARRAY_INDEX, `array_index_of(${words},"an")`, 2),
  value(ARRAY_INDEX, `array_index_of(${words},"example",1,3)`, 3),
  value(ARRAY_INDEX, `array_index_of(${words},"example",1,2)`, -1),
  value(ARRAY_INDEX, `array_index_of(${words},"is",2,4)`, -1),
  value(ARRAY_INDEX, `array_index_of(${words},"example",2,-1)`, 3),
  value(ARRAY_INDEX, `array_index_of(${words}, "an", 1, -1, 2)`, 4),
  value(ARRAY_INDEX, `array_index_of(${words}, "an", 1, -1, 3)`, -1),
  value(ARRAY_INDEX, `array_index_of(${words}, "an", -3)`, 4),
  value(ARRAY_INDEX, `array_index_of(${words}, "is", -4)`, -1),
  value(SLICE, 'array_slice(dynamic([1,2,3]), 1, 2)', new DynamicText('[2,3]')),
  value(SLICE, 'array_slice(dynamic([1,2,3,4,5]), 2, -1)', new DynamicText('[3,4,5]')),
  value(SLICE, 'array_slice(dynamic([1,2,3,4,5]), -3, -2)', new DynamicText('[3,4]')),
  table(
    'array-concat-function.md',
    'range x from 1 to 3 step 1 | extend y = x * 2 | extend z = y * 2 | extend a1 = pack_array(x,y,z), a2 = pack_array(x, y) | project array_concat(a1, a2)',
    [[new DynamicText('[1,2,4,1,2]')], [new DynamicText('[2,4,8,2,4]')], [new DynamicText('[3,6,12,3,6]')]],
  ),
  table(
    'bag-keys-function.md',
    "datatable(index:long, d:dynamic) [1, dynamic({'a':'b', 'c':123}), 2, dynamic({'a':'b', 'c':{'d':123}}), 4, dynamic(null), 5, dynamic({}), 6, dynamic('a'), 7, dynamic([])] | project keys = bag_keys(d)",
    [
      [new DynamicText('[ "a", "c" ]')],
      [new DynamicText('[ "a", "c" ]')],
      [null],
      [new DynamicText('[]')],
      [null],
      [null],
    ],
  ),
  value('max-of-function.md', 'max_of(10, 1, -3, 17)', 17),
  table(
    'max-of-function.md',
    'datatable (A: int, B: int) [1, 6, 8, 1, int(null), 2, 1, int(null), int(null), int(null)] | project max_of(A, B)',
    [[6], [8], [2], [1], [null]],
  ),
  value(ROUND, 'round(2.98765, 3)', 2.988),
  value(ROUND, 'round(2.15, 1)', 2.2),
  value(ROUND, 'round(2.15)', 2),
  value(ROUND, 'round(-50.55, -2)', -100),
  value(ROUND, 'round(21.5, -1)', 20),
  value('has-ipv4-function.md', "has_ipv4('05:04:54 127.0.0.1 GET /favicon.ico 404', '127.0.0.1')", true),
  value(
    'has-ipv4-function.md',
    "has_ipv4('05:04:54 127.0.0.256 GET /favicon.ico 404', '127.0.0.256')",
    false,
  ),
  value('has-ipv4-function.md', "has_ipv4('05:04:54127.0.0.1 GET /favicon.ico 404', '127.0.0.1')", false),
  value(
    'has-any-ipv4-function.md',
    "has_any_ipv4('05:04:54 127.0.0.1 GET /favicon.ico 404', '127.0.0.1', '127.0.0.2')",
    true,
  ),
  value(
    'has-any-ipv4-function.md',
    "has_any_ipv4('05:04:54 127.0.0.1 GET /favicon.ico 404', dynamic(['127.0.0.1', '127.0.0.2']))",
    true,
  ),
  value(
    'has-any-ipv4-function.md',
    "has_any_ipv4('05:04:54 127.0.0.256 GET /favicon.ico 404', dynamic(['127.0.0.256', '192.168.1.1']))",
    false,
  ),
  value(
    'has-any-ipv4-function.md',
    "has_any_ipv4('05:04:54127.0.0.1 GET /favicon.ico 404', '127.0.0.1', '192.168.1.1')",
    false,
  ),
  // The conversion table of parse-xml-function.md, one case per row.
  value('parse-xml-function.md', 'parse_xml("<e/>")', new DynamicText('{ "e": null }')),
  value('parse-xml-function.md', 'parse_xml("<e>text</e>")', new DynamicText('{ "e": "text" }')),
  value(
    'parse-xml-function.md',
    'parse_xml("<e name=\\"value\\" />")',
    new DynamicText('{ "e":{"@name": "value"} }'),
  ),
  value(
    'parse-xml-function.md',
    'parse_xml("<e name=\\"value\\">text</e>")',
    new DynamicText('{ "e": { "@name": "value", "#text": "text" } }'),
  ),
  value(
    'parse-xml-function.md',
    'parse_xml("<e> <a>text</a> <b>text</b> </e>")',
    new DynamicText('{ "e": { "a": "text", "b": "text" } }'),
  ),
  value(
    'parse-xml-function.md',
    'parse_xml("<e> <a>text</a> <a>text</a> </e>")',
    new DynamicText('{ "e": { "a": ["text", "text"] } }'),
  ),
  value(
    'parse-xml-function.md',
    'parse_xml("<e> text <a>text</a> </e>")',
    new DynamicText('{ "e": { "#text": "text", "a": "text" } }'),
  ),
  value(
    'hash-sha256-function.md',
    'hash_sha256("World")',
    '78ae647dc5544d227130a0682a51e30bc7777fbb6d8a8f17007463a3ecd1d524',
  ),
  value('hash-sha1-function.md', 'hash_sha1("World")', '70c07ec18ef89c5309bbb0937f3a6342411e1fdd'),
  value('hash-md5-function.md', 'hash_md5("World")', 'f5a7924e621e84c9280a9a27e1bcb7f6'),
  // The page prints the inner bag inside quotes ("{"k1":"v1", ...}"), which is not JSON, so this
  // answer stays compared by value.
  value('parse-url-query-function.md', 'parse_urlquery("k1=v1&k2=v2&k3=v3")', {
    'Query Parameters': { k1: 'v1', k2: 'v2', k3: 'v3' },
  }),
  table(
    'parse-url-query-function.md',
    "let getQueryParamValue = (querystring: string, param: string) { let params = parse_urlquery(querystring); tostring(params['Query Parameters'].[param]) }; print UrlQuery = 'view=vs-2019&preserve-view=true' | extend view = getQueryParamValue(UrlQuery, 'view') | extend preserve = getQueryParamValue(UrlQuery, 'preserve-view')",
    [['view=vs-2019&preserve-view=true', 'vs-2019', 'true']],
  ),
  value(
    'unicode-codepoints-to-string-function.md',
    'unicode_codepoints_to_string(75, 117, 115, 116, 111)',
    'Kusto',
  ),
  value(
    'unicode-codepoints-to-string-function.md',
    'unicode_codepoints_to_string(dynamic([75, 117, 115, 116, 111]))',
    'Kusto',
  ),
  value(
    'unicode-codepoints-to-string-function.md',
    'unicode_codepoints_to_string(dynamic([75, 117, 115]), 116, 111)',
    'Kusto',
  ),
  value(
    'unicode-codepoints-to-string-function.md',
    'unicode_codepoints_to_string(75, 10, 117, 10, 115, 10, 116, 10, 111)',
    'K\nu\ns\nt\no',
  ),
  table(
    'series-stats-function.md',
    'print x=dynamic([23, 46, 23, 87, 4, 8, 3, 75, 2, 56, 13, 75, 32, 16, 29]) | project series_stats(x)',
    [[2, 8, 87, 3, 32.8, 28.5036338535483, 812.457142857143]],
  ),
];
