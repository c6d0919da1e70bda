import { table, value, type ConformanceCase } from '../caseTypes';

/** URLs, file paths, command lines and IP addresses: the examples of their reference pages. */
const LOG = "'05:04:54 127.0.0.1 GET /favicon.ico 404'";
const PREFIX = 'has-ipv4-prefix-function.md';
const ANY_PREFIX = 'has-any-ipv4-prefix-function.md';

export const networkAndPathsCases: ConformanceCase[] = [
  value('url-decode-function.md', "url_decode(@'https%3a%2f%2fwww.bing.com%2f')", 'https://www.bing.com/'),
  // The two encode pages print the input with and without its final "/" in different places; the
  // cases follow the query as written.
  value(
    'url-encode-function.md',
    "url_encode(@'https://www.bing.com/hello world')",
    'https%3a%2f%2fwww.bing.com%2fhello+world',
  ),
  value(
    'url-encode-component-function.md',
    "url_encode_component(@'https://www.bing.com/hello world/')",
    'https%3a%2f%2fwww.bing.com%2fhello%20world%2f',
  ),
  table(
    'parse-path-function.md',
    'datatable(p:string) [@"C:\\temp\\file.txt", @"temp\\file.txt", "file://C:/temp/file.txt:some.exe", @"\\\\shared\\users\\temp\\file.txt.gz", "/usr/lib/temp/file.txt"] | extend path_parts = parse_path(p) | project d = path_parts.DirectoryPath, n = path_parts.DirectoryName, f = path_parts.Filename, e = path_parts.Extension, r = path_parts.RootPath, s = path_parts.Scheme, a = path_parts.AlternateDataStreamName',
    [
      ['C:\\temp', 'temp', 'file.txt', 'txt', 'C:', '', ''],
      ['temp', 'temp', 'file.txt', 'txt', '', '', ''],
      ['C:/temp', 'temp', 'file.txt', 'txt', 'C:', 'file', 'some.exe'],
      ['\\\\shared\\users\\temp', 'temp', 'file.txt.gz', 'gz', '', '', ''],
      ['/usr/lib/temp', 'temp', 'file.txt', 'txt', '', '', ''],
    ],
  ),
  value('parse-command-line-function.md', 'parse_command_line("echo \\"hello world!\\"", "windows")', [
    'echo',
    'hello world!',
  ]),
  value('translate-function.md', 'translate("abc", "x", "abc")', 'xxx'),
  value('translate-function.md', 'translate("abc", "", "ab")', ''),
  value('translate-function.md', 'translate("krasp", "otsku", "spark")', 'kusto'),
  table(
    'tohex-function.md',
    "print tohex(256) == '100', tohex(-256) == 'ffffffffffffff00', tohex(toint(-256), 8) == 'ffffff00', tohex(256, 8) == '00000100', tohex(256, 2) == '100'",
    [[true, true, true, true, true]],
  ),
  value('range-function.md', 'range(1, 8, 3)', [1, 4, 7]),
  value('range-function.md', 'range(1, 3)', [1, 2, 3]),
  value('range-function.md', 'range(1h, 5h)', ['01:00:00', '02:00:00', '03:00:00', '04:00:00', '05:00:00']),
  table('range-function.md', 'print r = range(1,1000000000) | mv-expand r | count', [[1048576]]),
  value(PREFIX, `has_ipv4_prefix(${LOG}, '127.0.')`, true),
  value(PREFIX, `has_ipv4_prefix(${LOG}, '127.0')`, false),
  value(PREFIX, "has_ipv4_prefix('05:04:54 127.0.0.256 GET /favicon.ico 404', '127.0.')", false),
  value(PREFIX, "has_ipv4_prefix('05:04:54127.0.0.1 GET /favicon.ico 404', '127.0.')", false),
  value(ANY_PREFIX, `has_any_ipv4_prefix(${LOG}, '127.0.', '192.168.')`, true),
  value(ANY_PREFIX, `has_any_ipv4_prefix(${LOG}, dynamic(["127.0.", "192.168."]))`, true),
  value(ANY_PREFIX, `has_any_ipv4_prefix(${LOG}, '127.0')`, false),
  value(ANY_PREFIX, "has_any_ipv4_prefix('05:04:54127.0.0.1 GET /favicon.ico 404', '127.0.', '192.')", false),
];
