import { table, value, type ConformanceCase } from '../caseTypes';
import { DynamicText } from '../compare';

/**
 * Regular expressions and parse: the examples of the reference pages for extract, extract_all,
 * countof, indexof_regex, regex_quote and the parse operator, each with the answer its page
 * prints (rows in input order: Kusto does not promise the order a page happens to show).
 */
const EXTRACT = 'extract-function.md';
const EXTRACT_ALL = 'extract-all-function.md';
const COUNTOF = 'countof-function.md';
const INDEXOF = 'indexof-regex-function.md';
const PARSE = 'parse-operator.md';
const PARSE_KV = 'parse-kv-operator.md';
const ID = '"82b8be2d-dfa7-4bd1-8f63-24ad26d31449"';

const slices = [
  ['23', '02/17/2016 08:40:01', '02/17/2016 08:40:01', '02/17/2016 08:39:01'],
  ['15', '02/17/2016 08:40:00', '02/17/2016 08:40:00', '02/17/2016 08:39:00'],
  ['20', '02/17/2016 08:40:01', '02/17/2016 08:40:01', '02/17/2016 08:39:01'],
  ['22', '02/17/2016 08:41:01', '02/17/2016 08:41:00', '02/17/2016 08:40:01'],
  ['16', '02/17/2016 08:41:00', '02/17/2016 08:41:00', '02/17/2016 08:40:00'],
];
const traces = `let Traces = datatable(EventText: string) [${slices
  .map(
    ([n, lock, release, previous]) =>
      `"Event: NotifySliceRelease (resourceName=PipelineScheduler, totalSlices=27, sliceNumber=${n}, lockTime=${lock}, releaseTime=${release}, previousLockTime=${previous})"`,
  )
  .join(', ')}];\n`;
const iso = (usDate: string) => {
  const [, mo, d, y, time] = /^(\d\d)\/(\d\d)\/(\d{4}) (.*)$/.exec(usDate)!;
  return `${y}-${mo}-${d} ${time}`;
};

const leads = `let Leads = datatable(Contacts: string) [
  "Event: LeadContact (email=john@contosohotel.com, Website=https:contosohotel.com)",
  "Event: LeadContact (email=abi@fourthcoffee.com, Website=https:www.fourthcoffee.com)",
  "Event: LeadContact (email=nevena@treyresearch.com, Website=https:treyresearch.com)"];\n`;

export const regexAndParseCases: ConformanceCase[] = [
  value(EXTRACT, 'extract("User: ([^,]+)", 1, "User: James, Email: James@example.com, Age: 29")', 'James'),
  value(
    EXTRACT,
    'extract(@"Email: (\\S+),", 1, "User: James, Email: James@example.com, Age: 29")',
    'James@example.com',
  ),
  value(EXTRACT, 'extract(@"Email: (\\S+),", 1, "User: David, Age: 35")', ''),
  value(EXTRACT, 'extract(@"\\d+", 0, "User: David, Age: 35")', '35'),
  value(EXTRACT, 'extract(@"-(\\d{2})-", 1, "21-07-2023", typeof(int))', 7),
  value(
    EXTRACT_ALL,
    'extract_all(@"(\\d+)", "a set of numbers: 123, 567 and 789")',
    new DynamicText('["123", "567", "789"]'),
  ),
  value(
    EXTRACT_ALL,
    `extract_all(@"([\\da-f]{2})", ${ID})`,
    new DynamicText('["82","b8","be","2d","df","a7","4b","d1","8f","63","24","ad","26","d3","14","49"]'),
  ),
  value(
    EXTRACT_ALL,
    `extract_all(@"(\\w)(\\w+)(\\w)", ${ID})`,
    new DynamicText(
      '[["8","2b8be2","d"],["d","fa","7"],["4","bd","1"],["8","f6","3"],["2","4ad26d3144","9"]]',
    ),
  ),
  value(
    EXTRACT_ALL,
    `extract_all(@"(\\w)(\\w+)(\\w)", dynamic([1,3]), ${ID})`,
    new DynamicText('[["8","d"],["d","7"],["4","1"],["8","3"],["2","9"]]'),
  ),
  value(
    EXTRACT_ALL,
    `extract_all(@"(?P<first>\\w)(?P<middle>\\w+)(?P<last>\\w)", dynamic(['first',2,'last']), ${ID})`,
    new DynamicText(
      '[["8","2b8be2","d"],["d","fa","7"],["4","bd","1"],["8","f6","3"],["2","4ad26d3144","9"]]',
    ),
  ),
  value(COUNTOF, 'countof("aaa", "a")', 3),
  value(COUNTOF, 'countof("aaaa", "aa")', 3),
  value(COUNTOF, 'countof("ababa", "ab", "normal")', 2),
  value(COUNTOF, 'countof("ababa", "aba")', 2),
  value(COUNTOF, 'countof("ababa", "aba", "regex")', 1),
  value(COUNTOF, 'countof("abcabc", "a.c", "regex")', 2),
  value(INDEXOF, 'indexof_regex("abcabc", @"a.c")', 0),
  value(INDEXOF, 'indexof_regex("abcabcdefg", @"a.c", 0, 9, 2)', 3),
  value(INDEXOF, 'indexof_regex("abcabc", @"a.c", 1, -1, 2)', -1),
  value(INDEXOF, 'indexof_regex("ababaa", @"a.a", 0, -1, 2)', -1),
  value(INDEXOF, 'indexof_regex("abcabc", @"a|ab", -1)', null),
  value('regex-quote-function.md', "regex_quote('(so$me.Te^xt)')", '\\(so\\$me\\.Te\\^xt\\)'),
  table(
    PARSE,
    `${traces}Traces | parse EventText with * "resourceName=" resourceName ", totalSlices=" totalSlices: long * "sliceNumber=" sliceNumber: long * "lockTime=" lockTime ", releaseTime=" releaseTime: date "," * "previousLockTime=" previousLockTime: date ")" * | project resourceName, totalSlices, sliceNumber, lockTime, releaseTime, previousLockTime`,
    slices.map(([n, lock, release, previous]) => [
      'PipelineScheduler',
      27,
      Number(n),
      lock,
      iso(release),
      iso(previous),
    ]),
  ),
  table(
    PARSE,
    `${leads}Leads | parse Contacts with * "email=" alias:string "@" domain: string ", Website=https:" WebsiteDomain: string ")" | project EmailAddress=strcat(alias, "@", domain), EmailAlias=alias, WebsiteDomain`,
    [
      ['john@contosohotel.com', 'john', 'contosohotel.com'],
      ['abi@fourthcoffee.com', 'abi', 'www.fourthcoffee.com'],
      ['nevena@treyresearch.com', 'nevena', 'treyresearch.com'],
    ],
  ),
  table(
    PARSE,
    `${traces}Traces | parse kind=regex EventText with "(.*?)[a-zA-Z]*=" resourceName @", totalSlices=\\s*\\d+\\s*.*?sliceNumber=" sliceNumber: long ".*?(previous)?lockTime=" lockTime ".*?releaseTime=" releaseTime ".*?previousLockTime=" previousLockTime: date "\\\\)" | project resourceName, sliceNumber, lockTime, releaseTime, previousLockTime`,
    slices.map(([n, lock, release, previous]) => [
      'PipelineScheduler',
      Number(n),
      `${lock}, `,
      `${release}, `,
      iso(previous),
    ]),
  ),
  table(
    PARSE,
    `${traces}Traces | parse kind=regex EventText with * "resourceName=" resourceName ',' * | project resourceName`,
    slices.map(([n, lock, release]) => [
      `PipelineScheduler, totalSlices=27, sliceNumber=${n}, lockTime=${lock}, releaseTime=${release}`,
    ]),
  ),
  table(
    PARSE,
    `${traces}Traces | parse kind=regex flags=Ui EventText with * "RESOURCENAME=" resourceName ',' * | project resourceName`,
    slices.map(() => ['PipelineScheduler']),
  ),
  // parse-kv-operator.md: delimiters, quotes (one and two characters), escapes, greedy and regex.
  table(
    PARSE_KV,
    "print str=\"ThreadId:458745723, Machine:Node001, Text: The service is up, Level: Info\" | parse-kv str as (Text: string, ThreadId:long, Machine: string) with (pair_delimiter=',', kv_delimiter=':') | project-away str",
    [['The service is up', 458745723, 'Node001']],
  ),
  table(
    PARSE_KV,
    `print str='src=10.1.1.123 dst=10.1.1.124 bytes=125 failure="connection aborted" "event time"=2021-01-01T10:00:54' | parse-kv str as (['event time']:datetime, src:string, dst:string, bytes:long, failure:string) with (pair_delimiter=' ', kv_delimiter='=', quote='"') | project-away str`,
    [['2021-01-01 10:00:54.0000000', '10.1.1.123', '10.1.1.124', 125, 'connection aborted']],
  ),
  table(
    PARSE_KV,
    `print str='src=10.1.1.123 dst=10.1.1.124 bytes=125 failure=(connection aborted) (event time)=(2021-01-01 10:00:54)' | parse-kv str as (['event time']:datetime, src:string, dst:string, bytes:long, failure:string) with (pair_delimiter=' ', kv_delimiter='=', quote='()') | project-away str`,
    [['2021-01-01 10:00:54.0000000', '10.1.1.123', '10.1.1.124', 125, 'connection aborted']],
  ),
  table(
    PARSE_KV,
    `print str='src=10.1.1.123 dst=10.1.1.124 bytes=125 failure="the remote host sent \\\\"bye!\\\\"" time=2021-01-01T10:00:54' | parse-kv str as (['time']:datetime, src:string, dst:string, bytes:long, failure:string) with (pair_delimiter=' ', kv_delimiter='=', quote='"', escape='\\\\') | project-away str`,
    [['2021-01-01 10:00:54.0000000', '10.1.1.123', '10.1.1.124', 125, 'the remote host sent "bye!"']],
  ),
  table(
    PARSE_KV,
    `print str='name=John Doe phone=555 5555 city=New York' | parse-kv str as (name:string, phone:string, city:string) with (pair_delimiter=' ', kv_delimiter='=') | project-away str`,
    [['John', '555', 'New']],
  ),
  table(
    PARSE_KV,
    `print str='name=John Doe phone=555 5555 city=New York' | parse-kv str as (name:string, phone:string, city:string) with (pair_delimiter=' ', kv_delimiter='=', greedy=true) | project-away str`,
    [['John Doe', '555 5555', 'New York']],
  ),
  table(
    PARSE_KV,
    `print str=@'["referer url: https://hostname.com/redirect?dest=/?h=1234", "request url: https://hostname.com/?h=1234", "advertiser id: 24fefbca-cf27-4d62-a623-249c2ad30c73"]' | parse-kv str as (['referer url']:string, ['request url']:string, ['advertiser id']: guid) with (regex=@'"([\\w ]+)\\s*:\\s*([^"]*)"') | project-away str`,
    [
      [
        'https://hostname.com/redirect?dest=/?h=1234',
        'https://hostname.com/?h=1234',
        '24fefbca-cf27-4d62-a623-249c2ad30c73',
      ],
    ],
  ),
  table(
    PARSE_KV,
    `print str="2021-01-01T10:00:34 [INFO] ThreadId:458745723, Machine:Node001, Text: Started" | parse-kv str as (Text: string, ThreadId:long, Machine: string) | project-away str`,
    [['Started', 458745723, 'Node001']],
  ),
  table(
    PARSE_KV,
    `print str="2021-01-01T10:00:34 [INFO] ThreadId:458745723, Machine:Node001, Text: 'The service \\\\' is up'" | parse-kv str as (Text: string, ThreadId:long, Machine: string) with (quote="'", escape='\\\\') | project-away str`,
    [["The service ' is up", 458745723, 'Node001']],
  ),
];
