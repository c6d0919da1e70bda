import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { executeQuery } from '../../../server/src/executor/executor';
import {
  loadLocalWorkspace,
  loadLocalWorkspaceWithParquet,
} from '../../../server/src/executor/files/workspaceLoader';
import type { EnvironmentSchema } from '../../../server/src/schema/types';

/**
 * Longs beyond 2^53 inside a dynamic column of a data file (issue 16): NDJSON, JSON, CSV and
 * Parquet JSON columns keep every digit; an integer beyond the long range is refused when the
 * file is loaded, naming the file.
 */
const schema: EnvironmentSchema = {
  id: 'defender',
  displayName: 'Test',
  timeColumn: 'Timestamp',
  functions: [],
  tables: [
    {
      name: 'Logons',
      columns: [
        { name: 'Id', type: 'long' },
        { name: 'AdditionalFields', type: 'dynamic' },
      ],
    },
  ],
};

const dirs: string[] = [];
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'kqldynlongs-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const query =
  'Logons | extend l = tolong(AdditionalFields.LogonId), t = gettype(AdditionalFields.LogonId), f = AdditionalFields.FileIds[1] | project Id, AdditionalFields, l, t, f | order by Id asc';
const expected = [
  [
    1,
    '{"LogonId":9007199254740993,"FileIds":[1,-9223372036854775808]}',
    '9007199254740993',
    'long',
    '-9223372036854775808',
  ],
  [2, { LogonId: 5, FileIds: [] }, 5, 'int', null],
  [3, null, null, 'null', null],
];

describe('executor: longs beyond 2^53 in dynamic columns of data files', () => {
  const lines = [
    '{"Id": 1, "AdditionalFields": {"LogonId": 9007199254740993, "FileIds": [1, -9223372036854775808]}}',
    '{"Id": 2, "AdditionalFields": {"LogonId": 5, "FileIds": []}}',
    '{"Id": 3}',
  ];

  it('reads NDJSON and JSON files to the digit', () => {
    const files: Record<string, string>[] = [
      { 'Logons.ndjson': lines.join('\n') },
      { 'Logons.json': `[${lines.join(',\n')}]` },
    ];
    for (const file of files) {
      const workspace = loadLocalWorkspace(folder(file), schema);
      assert.deepEqual(executeQuery(query, { workspace }).tables[0].rows, expected);
    }
  });

  it('reads a CSV file to the digit', () => {
    const csv =
      'Id,AdditionalFields\n1,"{""LogonId"": 9007199254740993, ""FileIds"": [1, -9223372036854775808]}"\n2,"{""LogonId"": 5, ""FileIds"": []}"\n3,\n';
    const workspace = loadLocalWorkspace(folder({ 'Logons.csv': csv }), schema);
    assert.deepEqual(executeQuery(query, { workspace }).tables[0].rows.slice(0, 2), expected.slice(0, 2));
  });

  it('groups and joins rows by a long inside a dynamic column', () => {
    const workspace = loadLocalWorkspace(
      folder({
        'Logons.ndjson': [
          '{"Id": 1, "AdditionalFields": {"LogonId": 9007199254740993}}',
          '{"Id": 2, "AdditionalFields": {"LogonId": 9007199254740992}}',
          '{"Id": 3, "AdditionalFields": {"LogonId": 9007199254740993}}',
        ].join('\n'),
      }),
      schema,
    );
    const r = executeQuery(
      'Logons | summarize n = count(), ids = make_set(Id) by LogonId = tolong(AdditionalFields.LogonId) | order by LogonId asc',
      { workspace },
    );
    assert.deepEqual(r.tables[0].rows, [
      ['9007199254740992', 1, [2]],
      ['9007199254740993', 2, [1, 3]],
    ]);
    const j = executeQuery(
      'Logons | where Id == 1 | project LogonId = tolong(AdditionalFields.LogonId) | join kind=inner (Logons | project Id, LogonId = tolong(AdditionalFields.LogonId)) on LogonId | project Id',
      { workspace },
    );
    assert.deepEqual(j.tables[0].rows, [[1], [3]]);
  });

  it('refuses an integer beyond the long range inside a dynamic column, naming the file', () => {
    const dir = folder({ 'Logons.ndjson': '{"Id": 1, "AdditionalFields": {"n": 9223372036854775808}}\n' });
    assert.throws(
      () => loadLocalWorkspace(dir, schema),
      /Logons\.ndjson: line 1: the JSON integer 9223372036854775808 inside a dynamic value is not supported/,
    );
    const csv = folder({ 'Logons.csv': 'Id,AdditionalFields\n1,"[18446744073709551615]"\n' });
    assert.throws(() => {
      const workspace = loadLocalWorkspace(csv, schema);
      executeQuery('Logons', { workspace });
    }, /JSON integer 18446744073709551615 inside a dynamic value/);
  });

  it('reads a Parquet JSON column to the digit', async () => {
    const { parquetWriteBuffer } = await import('hyparquet-writer');
    const ws = folder({});
    mkdirSync(path.join(ws, 'data'));
    // The writer makes JSON with JSON.stringify, which has no big integers: the file is written
    // uncompressed with marked strings of the same length, whose bytes are then made the numbers.
    const big = ['9007199254740993', '-9223372036854775808', '9223372036854775807'];
    const buffer = parquetWriteBuffer({
      codec: 'UNCOMPRESSED',
      columnData: [
        { name: 'Id', data: [1n, 2n] },
        {
          name: 'AdditionalFields',
          data: [{ LogonId: `X${big[0]}`, FileIds: [1, `X${big[1]}`] }, [`X${big[2]}`]],
        },
      ],
      schema: [
        { name: 'root', num_children: 2 },
        { name: 'Id', type: 'INT64', repetition_type: 'OPTIONAL' },
        { name: 'AdditionalFields', type: 'BYTE_ARRAY', repetition_type: 'OPTIONAL', converted_type: 'JSON' },
      ],
    } as unknown as Parameters<typeof parquetWriteBuffer>[0]);
    const bytes = Buffer.from(buffer);
    for (const b of big) replaceAll(bytes, `"X${b}"`, `  ${b} `);
    writeFileSync(path.join(ws, 'data', 'Logons.parquet'), bytes);
    const workspace = await loadLocalWorkspaceWithParquet(ws, schema);
    const r = executeQuery('Logons | project Id, AdditionalFields | order by Id asc', { workspace });
    assert.deepEqual(r.tables[0].rows, [
      [1, '{"LogonId":9007199254740993,"FileIds":[1,-9223372036854775808]}'],
      [2, '[9223372036854775807]'],
    ]);
  });
});

/** Overwrites each occurrence of `from` with `to`, of the same length, in place. */
function replaceAll(bytes: Buffer, from: string, to: string): void {
  const a = Buffer.from(from);
  const b = Buffer.from(to);
  assert.equal(a.length, b.length);
  for (let at = bytes.indexOf(a); at >= 0; at = bytes.indexOf(a, at + 1)) b.copy(bytes, at);
}

describe('executor: big integers as whole fields of a dynamic column', () => {
  it('keeps a field that is a long beyond 2^53, and refuses one beyond the long range', () => {
    const ok = loadLocalWorkspace(
      folder({ 'Logons.ndjson': '{"Id": 1, "AdditionalFields": -9007199254740993}\n' }),
      schema,
    );
    assert.deepEqual(
      executeQuery('Logons | project AdditionalFields, t = gettype(AdditionalFields)', { workspace: ok })
        .tables[0].rows,
      [['-9007199254740993', 'long']],
    );
    const over = folder({ 'Logons.ndjson': '{"Id": 1, "AdditionalFields": 9223372036854775808}\n' });
    assert.throws(
      () => executeQuery('Logons', { workspace: loadLocalWorkspace(over, schema) }),
      /the integer 9223372036854775808 as a dynamic value is not supported/,
    );
  });
});
