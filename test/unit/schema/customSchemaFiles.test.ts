import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseSchemaFile } from '../../../server/src/schema/customSchemaFiles';
import { parseLenientJson } from '../../../server/src/schema/lenientJson';
import { normalizeTypeName } from '../../../server/src/schema/typeNames';

test('type names as real schema files spell them map onto Kusto types', () => {
  const cases: [string, string | undefined][] = [
    ['String', 'string'],
    ['string ', 'string'],
    ['DateTime', 'datetime'],
    ['Date/time', 'datetime'],
    ['BigInt', 'long'],
    ['Int64', 'long'],
    ['SByte', 'bool'],
    ['Int32', 'int'],
    ['Integer', 'int'],
    ['Double', 'real'],
    ['Float', 'real'],
    ['Boolean', 'bool'],
    ['nullable bool', 'bool'],
    ['GUID', 'guid'],
    ['Object', 'dynamic'],
    ['Uri', 'string'],
    ['enum', 'string'],
    ['System.String', 'string'],
    ['whatever', undefined],
    ['', undefined],
  ];
  for (const [raw, expected] of cases) assert.equal(normalizeTypeName(raw), expected, raw);
  assert.equal(normalizeTypeName(42), undefined);
});

test('lenient JSON accepts a byte-order mark, comments and trailing commas, keeping offsets', () => {
  const r = parseLenientJson('\uFEFF{ // a comment\n "a": [1, 2,], /* b */ "s": "x,]", }');
  assert.deepEqual(r, { ok: true, value: { a: [1, 2], s: 'x,]' } });
  const bad = parseLenientJson('{\n  "a": 1\n  "b": 2\n}');
  assert.equal(bad.ok, false);
  if (!bad.ok) assert.equal(bad.offset, '{\n  "a": 1\n  '.length);
  const hole = parseLenientJson('[1,,2]');
  assert.deepEqual(hole, { ok: false, message: 'Value expected at position 3', offset: 3 });
  assert.equal(parseLenientJson('{"a": 1}}').ok, false, 'text after the value is an error');
});

test('a CustomTables file with messy keys and types becomes one table', () => {
  const parsed = parseSchemaFile(`\uFEFF{
    "Name": "Contoso_CL",
    "Properties": [
      {"Name": "TimeGenerated", "Type": "DateTime"},
      {"name": "Computer", "type": "string "},
      {"Name": "Bytes", "Type": "BigInt"},
      {"Name": "Extra", "Type": "Blob"},
    ]
  }`);
  assert.deepEqual(parsed.tables, [
    {
      name: 'Contoso_CL',
      columns: [
        { name: 'TimeGenerated', type: 'datetime' },
        { name: 'Computer', type: 'string' },
        { name: 'Bytes', type: 'long' },
        { name: 'Extra', type: 'dynamic' },
      ],
    },
  ]);
  assert.equal(parsed.problems.length, 1);
  assert.match(parsed.problems[0].message, /unknown type "Blob", treated as dynamic/);
  assert.equal(parsed.problems[0].severity, 'warning');
});

test('a function file gives parameters (optional ones with typed defaults) and result columns', () => {
  const parsed = parseSchemaFile(
    JSON.stringify({
      FunctionName: 'MyParser',
      FunctionParameters: [
        { Name: 'starttime', Type: 'datetime', IsRequired: true },
        { Name: 'names', Type: 'dynamic', IsRequired: false },
      ],
      FunctionResultColumns: [{ Name: 'User', Type: 'String' }],
    }),
  );
  assert.deepEqual(parsed.functions, [
    {
      name: 'MyParser',
      parameters: [
        { name: 'starttime', type: 'datetime' },
        { name: 'names', type: 'dynamic', defaultValue: 'dynamic(null)' },
      ],
      resultColumns: [{ name: 'User', type: 'string' }],
    },
  ]);
  assert.deepEqual(parsed.problems, []);
});

test('an array may hold tables and functions; a duplicate inside the file is reported and skipped', () => {
  const parsed = parseSchemaFile(
    JSON.stringify([
      {
        Name: 'A_CL',
        Properties: [
          { Name: 'x', Type: 'int' },
          { Name: 'x', Type: 'string' },
        ],
      },
      { Name: 'A_CL', Properties: [] },
      { FunctionName: 'F', FunctionParameters: [], FunctionResultColumns: [] },
      'junk',
    ]),
  );
  assert.deepEqual(
    parsed.tables.map((t) => [t.name, t.columns.length]),
    [['A_CL', 1]],
  );
  assert.deepEqual(
    parsed.functions.map((f) => f.name),
    ['F'],
  );
  assert.deepEqual(
    parsed.problems.map((p) => p.message),
    [
      'Table A_CL: column x is listed twice; the second was skipped.',
      'Table A_CL is defined twice in this file; the later definition was skipped.',
      'Entry 4 is not an object and was skipped.',
    ],
  );
});

test('broken JSON is one error at the place it breaks, and nothing is loaded', () => {
  const text = '{"Name": "T", "Properties": [ {"Name": "a" "Type": "string"} ]}';
  const parsed = parseSchemaFile(text);
  assert.deepEqual([parsed.tables, parsed.functions], [[], []]);
  assert.equal(parsed.problems.length, 1);
  assert.equal(parsed.problems[0].severity, 'error');
  assert.equal(parsed.problems[0].offset, text.indexOf('"Type"'));
});
