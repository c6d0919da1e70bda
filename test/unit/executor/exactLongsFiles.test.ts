import assert from 'node:assert/strict';
import { wholeRealOf } from '../../../server/src/executor/wholeReals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { parseJsonExactly } from '../../../server/src/executor/exactJson';
import { executeQuery } from '../../../server/src/executor/executor';
import { loadLocalWorkspace } from '../../../server/src/executor/files/workspaceLoader';
import type { EnvironmentSchema } from '../../../server/src/schema/types';
import { refusedWith, scalar } from './executorHarness';

/**
 * Longs beyond 2^53 in data files and JSON text (issue 16): NDJSON, JSON and CSV rows keep a
 * long column's digits; a big integer inside a dynamic value is refused by name, not rounded.
 */
const schema: EnvironmentSchema = {
  id: 'defender',
  displayName: 'Test',
  timeColumn: 'Timestamp',
  functions: [],
  tables: [
    {
      name: 'Events',
      columns: [
        { name: 'Id', type: 'long' },
        { name: 'Text', type: 'string' },
        { name: 'Ratio', type: 'real' },
        { name: 'Extra', type: 'dynamic' },
      ],
    },
  ],
};

const dirs: string[] = [];
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'kqllongs-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const query = 'Events | project Id, Text, Ratio, next = Id + 1 | order by Id asc';
const expected = [
  ['-9223372036854775808', '9007199254740993', 9007199254740992, '-9223372036854775807'],
  [5, 'x', 0.5, 6],
  ['9007199254740993', '12345678901234567890', null, '9007199254740994'],
];

describe('executor: exact longs in data files and JSON', () => {
  it('reads a long column of NDJSON and JSON files to the digit', () => {
    const lines = [
      '{"Id": 9007199254740993, "Text": "12345678901234567890"}',
      '{"Id": 5, "Text": "x", "Ratio": 0.5}',
      '{"Id": -9223372036854775808, "Text": 9007199254740993, "Ratio": 9007199254740993}',
    ];
    const files: Record<string, string>[] = [
      { 'Events.ndjson': lines.join('\n') },
      { 'Events.json': `[${lines.join(',\n')}]` },
    ];
    for (const file of files) {
      const workspace = loadLocalWorkspace(folder(file), schema);
      assert.deepEqual(executeQuery(query, { workspace }).tables[0].rows, expected);
    }
  });

  it('reads a long column of a CSV file to the digit; beyond 64 bits it is null', () => {
    const csv =
      'Id,Text,Ratio\n9007199254740993,12345678901234567890,\n5,x,0.5\n-9223372036854775808,9007199254740993,9007199254740993\n';
    const workspace = loadLocalWorkspace(folder({ 'Events.csv': csv }), schema);
    assert.deepEqual(executeQuery(query, { workspace }).tables[0].rows, expected);
    const over = loadLocalWorkspace(folder({ 'Events.csv': 'Id\n9223372036854775808\n' }), schema);
    assert.deepEqual(executeQuery('Events | project Id', { workspace: over }).tables[0].rows, [[null]]);
  });

  it('keeps a big integer inside a dynamic column or parse_json(), and refuses one beyond 64 bits', () => {
    const dir = folder({ 'Events.ndjson': '{"Id": 1}\n{"Id": 2, "Extra": {"n": [9007199254740993]}}\n' });
    const workspace = loadLocalWorkspace(dir, schema);
    assert.deepEqual(executeQuery('Events | where Id == 2 | project Extra', { workspace }).tables[0].rows, [
      ['{"n":[9007199254740993]}'],
    ]);
    const over = folder({ 'Events.ndjson': '{"Id": 1}\n{"Id": 2, "Extra": {"n": [9223372036854775808]}}\n' });
    assert.throws(
      () => loadLocalWorkspace(over, schema),
      /Events\.ndjson: line 2: the JSON integer 9223372036854775808 inside a dynamic value is not supported/,
    );
    assert.equal(
      scalar('parse_json("{\\"a\\": [1, 9223372036854775807]}")'),
      '{"a":[1,9223372036854775807]}',
    );
    assert.throws(
      () => scalar('parse_json("{\\"a\\": [1, 9223372036854775808]}")'),
      refusedWith(/JSON integer 9223372036854775808/),
    );
    assert.deepEqual(scalar('parse_json("{\\"a\\": 9007199254740991, \\"b\\": \\"9007199254740993\\"}")'), {
      a: 9007199254740991,
      b: '9007199254740993',
    });
  });

  it('parses JSON text exactly: strings, reals and escapes are left alone', () => {
    // A whole real is held as a real (wholeReals.ts), not as an int.
    const parsed = parseJsonExactly('{"a": "x\\" 12345678901234567", "b": 1.2345678901234567e25}') as Record<
      string,
      unknown
    >;
    assert.equal(wholeRealOf(parsed.b), 1.2345678901234567e25);
    assert.deepEqual(
      { ...parsed, b: 0 },
      {
        a: 'x" 12345678901234567',
        b: 0,
      },
    );
    assert.deepEqual(parseJsonExactly('[{"a": -9223372036854775807}]', true), [{ a: -9223372036854775807n }]);
    assert.deepEqual(parseJsonExactly('[[9007199254740993]]', true), [[9007199254740993n]]);
    assert.throws(
      () => parseJsonExactly('[[-9223372036854775809]]', true),
      /JSON integer -9223372036854775809/,
    );
    assert.throws(() => parseJsonExactly('{"a": 9007199254740993,}'), SyntaxError);
  });
});
