import { table, value, type ConformanceCase } from '../caseTypes';
import { DynamicText } from '../compare';

/** URLs, file paths, command lines and IP addresses: the examples of their reference pages. */
const LOG = "'05:04:54 127.0.0.1 GET /favicon.ico 404'";
const PREFIX = 'has-ipv4-prefix-function.md';
const ANY_PREFIX = 'has-any-ipv4-prefix-function.md';
// The pairs of the ipv4_compare/ipv4_is_match and ipv6_compare/ipv6_is_match examples.
const V4_PAIRS = `datatable(ip1_string:string, ip2_string:string) ['192.168.1.0', '192.168.1.0', '192.168.1.1/24', '192.168.1.255', '192.168.1.1', '192.168.1.255/24', '192.168.1.1/30', '192.168.1.255/24']`;
const V4_PAIRS_PREFIX = `datatable(ip1_string:string, ip2_string:string, prefix:long) ['192.168.1.1', '192.168.1.0', 31, '192.168.1.1/24', '192.168.1.255', 31, '192.168.1.1', '192.168.1.255', 24]`;
const V6_PAIRS = `datatable(ip1_string:string, ip2_string:string) ['192.168.1.1', '192.168.1.1', '192.168.1.1/24', '192.168.1.255', '192.168.1.1', '192.168.1.255/24', '192.168.1.1/30', '192.168.1.255/24', 'fe80::85d:e82c:9446:7994', 'fe80::85d:e82c:9446:7994', 'fe80::85d:e82c:9446:7994/120', 'fe80::85d:e82c:9446:7998', 'fe80::85d:e82c:9446:7994', 'fe80::85d:e82c:9446:7998/120', 'fe80::85d:e82c:9446:7994/120', 'fe80::85d:e82c:9446:7998/120', '192.168.1.1', '::ffff:c0a8:0101', '192.168.1.1/24', '::ffff:c0a8:01ff', '::ffff:c0a8:0101', '192.168.1.255/24', '::192.168.1.1/30', '192.168.1.255/24']`;
const V6_PAIRS_PREFIX = `datatable(ip1_string:string, ip2_string:string, prefix:long) ['192.168.1.1', '192.168.1.0', 31, '192.168.1.1/24', '192.168.1.255', 31, '192.168.1.1', '192.168.1.255', 24, 'fe80::85d:e82c:9446:7994', 'fe80::85d:e82c:9446:7995', 127, 'fe80::85d:e82c:9446:7994/127', 'fe80::85d:e82c:9446:7998', 120, 'fe80::85d:e82c:9446:7994/120', 'fe80::85d:e82c:9446:7998', 127, '192.168.1.1/24', '::ffff:c0a8:01ff', 127, '::ffff:c0a8:0101', '192.168.1.255', 120, '::192.168.1.1/30', '192.168.1.255/24', 127]`;
const FORMAT_V4 = `datatable(address:string, mask:long) ['192.168.1.1', 24, '192.168.1.1', 32, '192.168.1.1/24', 32, '192.168.1.1/24', long(-1)] | extend result = format_ipv4(address, mask), result_mask = format_ipv4_mask(address, mask)`;
const FORMAT_V4_ROWS = [
  ['192.168.1.1', 24, '192.168.1.0', '192.168.1.0/24'],
  ['192.168.1.1', 32, '192.168.1.1', '192.168.1.1/32'],
  ['192.168.1.1/24', 32, '192.168.1.0', '192.168.1.0/24'],
  ['192.168.1.1/24', -1, '', ''],
];
const V6_ZERO_PREFIX = '0000:0000:0000:0000:0000:ffff';
const ABCD = 'a5e:f127:8a9d:146d:e102:b5d3:c755:abcd';

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
  value(
    'parse-command-line-function.md',
    'parse_command_line("echo \\"hello world!\\"", "windows")',
    new DynamicText('["echo","hello world!"]'),
  ),
  value('translate-function.md', 'translate("abc", "x", "abc")', 'xxx'),
  value('translate-function.md', 'translate("abc", "", "ab")', ''),
  value('translate-function.md', 'translate("krasp", "otsku", "spark")', 'kusto'),
  table(
    'tohex-function.md',
    "print tohex(256) == '100', tohex(-256) == 'ffffffffffffff00', tohex(toint(-256), 8) == 'ffffff00', tohex(256, 8) == '00000100', tohex(256, 2) == '100'",
    [[true, true, true, true, true]],
  ),
  value('range-function.md', 'range(1, 8, 3)', new DynamicText('[1,4,7]')),
  value('range-function.md', 'range(1, 3)', new DynamicText('[1,2,3]')),
  value(
    'range-function.md',
    'range(1h, 5h)',
    new DynamicText('["01:00:00","02:00:00","03:00:00","04:00:00","05:00:00"]'),
  ),
  table('range-function.md', 'print r = range(1,1000000000) | mv-expand r | count', [[1048576]]),
  value(PREFIX, `has_ipv4_prefix(${LOG}, '127.0.')`, true),
  value(PREFIX, `has_ipv4_prefix(${LOG}, '127.0')`, false),
  value(PREFIX, "has_ipv4_prefix('05:04:54 127.0.0.256 GET /favicon.ico 404', '127.0.')", false),
  value(PREFIX, "has_ipv4_prefix('05:04:54127.0.0.1 GET /favicon.ico 404', '127.0.')", false),
  value(ANY_PREFIX, `has_any_ipv4_prefix(${LOG}, '127.0.', '192.168.')`, true),
  value(ANY_PREFIX, `has_any_ipv4_prefix(${LOG}, dynamic(["127.0.", "192.168."]))`, true),
  value(ANY_PREFIX, `has_any_ipv4_prefix(${LOG}, '127.0')`, false),
  value(ANY_PREFIX, "has_any_ipv4_prefix('05:04:54127.0.0.1 GET /favicon.ico 404', '127.0.', '192.')", false),
  table(
    'ipv4-compare-function.md',
    `${V4_PAIRS} | extend result = ipv4_compare(ip1_string, ip2_string) | project result`,
    [[0], [0], [0], [0]],
  ),
  table(
    'ipv4-compare-function.md',
    `${V4_PAIRS_PREFIX} | extend result = ipv4_compare(ip1_string, ip2_string, prefix) | project result`,
    [[0], [0], [0]],
  ),
  value('ipv4-is-match-function.md', "ipv4_is_match('192.168.1.1/24', '192.168.1.255')", true),
  table(
    'ipv4-is-match-function.md',
    `${V4_PAIRS} | extend result = ipv4_is_match(ip1_string, ip2_string) | project result`,
    [[true], [true], [true], [true]],
  ),
  table(
    'ipv4-is-match-function.md',
    `${V4_PAIRS_PREFIX} | extend result = ipv4_is_match(ip1_string, ip2_string, prefix) | project result`,
    [[true], [true], [true]],
  ),
  table(
    'ipv4-netmask-suffix-function.md',
    "datatable(ip_string:string) ['10.1.2.3', '192.168.1.1/24', '127.0.0.1/16'] | extend cidr_suffix = ipv4_netmask_suffix(ip_string)",
    [
      ['10.1.2.3', 32],
      ['192.168.1.1/24', 24],
      ['127.0.0.1/16', 16],
    ],
  ),
  table(
    'ipv4-range-to-cidr-list-function.md',
    'print start_IP="1.1.128.0", end_IP="1.1.140.255" | project ipv4_range_list = ipv4_range_to_cidr_list(start_IP, end_IP)',
    [[new DynamicText('["1.1.128.0/21", "1.1.136.0/22","1.1.140.0/24"]')]],
  ),
  table(
    'parse-ipv4-function.md',
    "datatable(ip_string: string) ['192.168.1.1', '192.168.1.1/24', '255.255.255.255/31'] | extend ip_long = parse_ipv4(ip_string)",
    [
      ['192.168.1.1', 3232235777],
      ['192.168.1.1/24', 3232235776],
      ['255.255.255.255/31', 4294967294],
    ],
  ),
  table('format-ipv4-function.md', FORMAT_V4, FORMAT_V4_ROWS),
  table('format-ipv4-mask-function.md', FORMAT_V4, FORMAT_V4_ROWS),
  table(
    'ipv4-is-in-any-range-function.md',
    "print Result=ipv4_is_in_any_range('192.168.1.6', '192.168.1.1/24', '10.0.0.1/8', '127.1.0.1/16')",
    [[true]],
  ),
  table(
    'ipv4-is-in-any-range-function.md',
    'print Result=ipv4_is_in_any_range("127.0.0.1", dynamic(["127.0.0.1", "192.168.1.1"]))',
    [[true]],
  ),
  table(
    'ipv4-is-in-any-range-function.md',
    'let LocalNetworks=dynamic(["192.168.1.1/16", "127.0.0.1/8", "10.0.0.1/8"]); let IPs=datatable(IP:string) ["10.1.2.3", "192.168.1.5", "123.1.11.21", "1.1.1.1"]; IPs | extend IsLocal=ipv4_is_in_any_range(IP, LocalNetworks)',
    [
      ['10.1.2.3', true],
      ['192.168.1.5', true],
      ['123.1.11.21', false],
      ['1.1.1.1', false],
    ],
  ),
  table(
    'ipv6-compare-function.md',
    `${V6_PAIRS} | extend result = ipv6_compare(ip1_string, ip2_string) | project result`,
    Array.from({ length: 12 }, () => [0]),
  ),
  table(
    'ipv6-compare-function.md',
    `${V6_PAIRS_PREFIX} | extend result = ipv6_compare(ip1_string, ip2_string, prefix) | project result`,
    Array.from({ length: 9 }, () => [0]),
  ),
  // The ipv6_is_match page prints its bool results as 1.
  table(
    'ipv6-is-match-function.md',
    `${V6_PAIRS} | extend result = ipv6_is_match(ip1_string, ip2_string) | project result`,
    Array.from({ length: 12 }, () => [true]),
  ),
  table(
    'ipv6-is-match-function.md',
    `${V6_PAIRS_PREFIX} | extend result = ipv6_is_match(ip1_string, ip2_string, prefix) | project result`,
    Array.from({ length: 9 }, () => [true]),
  ),
  table(
    'parse-ipv6-function.md',
    "datatable(ipv4: string) ['192.168.255.255', '192.168.255.255/24', '255.255.255.255'] | extend ipv6 = parse_ipv6(ipv4)",
    [
      ['192.168.255.255', `${V6_ZERO_PREFIX}:c0a8:ffff`],
      ['192.168.255.255/24', `${V6_ZERO_PREFIX}:c0a8:ff00`],
      ['255.255.255.255', `${V6_ZERO_PREFIX}:ffff:ffff`],
    ],
  ),
  table(
    'parse-ipv6-mask-function.md',
    "datatable(ip_string: string, netmask: long) ['192.168.255.255', 120, '192.168.255.255/24', 124, '255.255.255.255', 128, 'fe80::85d:e82c:9446:7994', 128, 'fe80::85d:e82c:9446:7994/120', 124, '::192.168.255.255', 128, '::192.168.255.255/24', 128] | extend ip6_canonical = parse_ipv6_mask(ip_string, netmask) | project ip6_canonical",
    [
      [`${V6_ZERO_PREFIX}:c0a8:ff00`],
      [`${V6_ZERO_PREFIX}:c0a8:ff00`],
      [`${V6_ZERO_PREFIX}:ffff:ffff`],
      ['fe80:0000:0000:0000:085d:e82c:9446:7994'],
      ['fe80:0000:0000:0000:085d:e82c:9446:7900'],
      [`${V6_ZERO_PREFIX}:c0a8:ffff`],
      [`${V6_ZERO_PREFIX}:c0a8:ff00`],
    ],
  ),
  table(
    'ipv6-is-in-range-function.md',
    `datatable(ip_address:string, ip_range:string) ['${ABCD}', 'a5e:f127:8a9d:146d:e102:b5d3:c755:0000/112', '${ABCD}', '${ABCD}', '${ABCD}', '0:0:0:0:0:ffff:c0a8:ac/60'] | extend result = ipv6_is_in_range(ip_address, ip_range) | project result`,
    [[true], [true], [false]],
  ),
  table(
    'ipv6-is-in-any-range-function.md',
    'let LocalNetworks=dynamic(["a5e:f127:8a9d:146d:e102:b5d3:c755:f6cd/112", "0:0:0:0:0:ffff:c0a8:ac/60"]); let IPs=datatable(IP:string) ["a5e:f127:8a9d:146d:e102:b5d3:c755:abcd", "a5e:f127:8a9d:146d:e102:b5d3:c755:abce", "a5e:f127:8a9d:146d:e102:b5d3:c755:abcf", "a5e:f127:8a9d:146d:e102:b5d3:c756:abd1"]; IPs | extend IsLocal=ipv6_is_in_any_range(IP, LocalNetworks) | project IsLocal',
    [[true], [true], [true], [false]],
  ),
];
