import { table, type ConformanceCase } from '../caseTypes';
import { DynamicText } from '../compare';

/**
 * replace_strings, format_bytes, code points, isutf8, parse_version and repeat (issue 16): the
 * examples of their reference pages with the answers those pages print.
 */
const REPLACE = 'replace-strings-function.md';
const cat = 'print Message="A magic trick can turn a cat into a dog"';
const example = 'print Message="This is an example of using replace_strings()"';
const versions = `datatable(v: string) ["0.0.0.5", "0.0.7.0", "0.0.3", "0.2", "0.1.2.0", "1.2.3.4", "1"]`;

export const textConversionCases: ConformanceCase[] = [
  table(
    REPLACE,
    `${cat} | extend Outcome = replace_strings(Message, dynamic(['cat', 'dog']), dynamic(['dog', 'pigeon']))`,
    [['A magic trick can turn a cat into a dog', 'A magic trick can turn a dog into a pigeon']],
  ),
  table(
    REPLACE,
    `${cat} | extend Outcome = replace_strings(Message, dynamic(['turn', ' into a dog']), dynamic(['disappear', '']))`,
    [['A magic trick can turn a cat into a dog', 'A magic trick can disappear a cat']],
  ),
  table(
    REPLACE,
    `${example} | extend Outcome1 = replace_strings(Message, dynamic(['This', 'is']), dynamic(['This', 'was'])), Outcome2 = replace_strings(Message, dynamic(['is', 'This']), dynamic(['was', 'This']))`,
    [
      [
        'This is an example of using replace_strings()',
        'This was an example of using replace_strings()',
        'Thwas was an example of using replace_strings()',
      ],
    ],
  ),
  table(
    REPLACE,
    `${example} | extend Outcome = replace_strings(Message, dynamic(['This', 'is']), dynamic([12345, 'was']))`,
    [['This is an example of using replace_strings()', 'This was an example of using replace_strings()']],
  ),
  table(
    'format-bytes-function.md',
    'print v1 = format_bytes(564), v2 = format_bytes(10332, 1), v3 = format_bytes(20010332), v4 = format_bytes(20010332, 2), v5 = format_bytes(20010332, 0, "KB")',
    [['564 Bytes', '10.1 KB', '19 MB', '19.08 MB', '19541 KB']],
  ),
  table('unicode-codepoints-from-string-function.md', 'print arr = unicode_codepoints_from_string("⒦⒰⒮⒯⒪")', [
    [new DynamicText('[9382, 9392, 9390, 9391, 9386]')],
  ]),
  table(
    'unicode-codepoints-from-string-function.md',
    'print arr = unicode_codepoints_from_string("קוסטו - Kusto")',
    [[new DynamicText('[1511, 1493, 1505, 1496, 1493, 32, 45, 32, 75, 117, 115, 116, 111]')]],
  ),
  table(
    'unicode-codepoints-from-string-function.md',
    'print str = unicode_codepoints_to_string(unicode_codepoints_from_string("Kusto"))',
    [['Kusto']],
  ),
  // The page prints the decimals with group separators; the last two are beyond 2^53, where the
  // executor gives the decimal's exact digits as text (compared digit for digit as a bigint).
  table('parse-version-function.md', `let dt = ${versions}; dt | extend parsedVersion = parse_version(v)`, [
    ['0.0.0.5', 5],
    ['0.0.7.0', 700000000],
    ['0.0.3', 300000000],
    ['0.2', 20000000000000000],
    ['0.1.2.0', 10000000200000000],
    ['1.2.3.4', 1000000020000000300000004n],
    ['1', 1000000000000000000000000n],
  ]),
  table(
    'parse-version-function.md',
    `let dt = datatable(lab: string, v: string) ["Lab A", "0.0.0.5", "Lab B", "0.0.7.0", "Lab D","0.0.3", "Lab C", "0.2", "Lab G", "0.1.2.0", "Lab F", "1.2.3.4", "Lab E", "1"];
dt | extend parsed_version = parse_version(v) | extend needs_update = iff(parsed_version < parse_version("1.0.0.0"), "Yes", "No") | project lab, v, needs_update | sort by lab asc , v, needs_update`,
    [
      ['Lab A', '0.0.0.5', 'Yes'],
      ['Lab B', '0.0.7.0', 'Yes'],
      ['Lab C', '0.2', 'Yes'],
      ['Lab D', '0.0.3', 'Yes'],
      ['Lab E', '1', 'No'],
      ['Lab F', '1.2.3.4', 'No'],
      ['Lab G', '0.1.2.0', 'Yes'],
    ],
  ),
  table('repeat-function.md', 'print r = repeat(1, 3)', [[new DynamicText('[1, 1, 1]')]]),
];
