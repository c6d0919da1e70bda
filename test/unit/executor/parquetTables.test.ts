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
import { builtinSchema } from '../../../server/src/schema/builtinSchemas';

/** Writes a Parquet file with hyparquet-writer, the companion of the reader the product uses. */
async function writeParquet(
  file: string,
  columns: { name: string; data: unknown[]; type: string; converted?: string }[],
): Promise<void> {
  const { parquetWriteBuffer } = await import('hyparquet-writer');
  const schema = [
    { name: 'root', num_children: columns.length },
    ...columns.map((c) => ({
      name: c.name,
      type: c.type,
      repetition_type: 'OPTIONAL',
      ...(c.converted ? { converted_type: c.converted } : {}),
    })),
  ];
  const buffer = parquetWriteBuffer({
    columnData: columns.map((c) => ({ name: c.name, data: c.data })),
    schema,
  } as unknown as Parameters<typeof parquetWriteBuffer>[0]);
  writeFileSync(file, Buffer.from(buffer));
}

describe('local workspace: Parquet table files', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kql-parquet-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const schema = builtinSchema('defender');

  it('reads text, longs, JSON and timestamps to the 100 ns tick, typed by the schema', async () => {
    const ws = path.join(dir, 'ok');
    mkdirSync(path.join(ws, 'data'), { recursive: true });
    // 2025-03-01T10:00:00.123456Z in microseconds since the epoch.
    const micros = 1_740_823_200_123_456n;
    await writeParquet(path.join(ws, 'data', 'DeviceNetworkEvents.parquet'), [
      { name: 'Timestamp', type: 'INT64', converted: 'TIMESTAMP_MICROS', data: [micros, null] },
      { name: 'DeviceName', type: 'BYTE_ARRAY', converted: 'UTF8', data: ['wks-ñ-01', ''] },
      { name: 'RemotePort', type: 'INT64', data: [5900n, 443n] },
      { name: 'AdditionalFields', type: 'BYTE_ARRAY', converted: 'JSON', data: [{ k: [1, 2] }, null] },
    ]);
    const workspace = await loadLocalWorkspaceWithParquet(ws, schema);
    const r = executeQuery(
      'DeviceNetworkEvents | project DeviceName, RemotePort, us = datetime_part("microsecond", Timestamp), k = toint(parse_json(AdditionalFields).k[1]), t = isnull(Timestamp)',
      { workspace },
    );
    assert.deepEqual(r.tables[0].rows, [
      ['wks-ñ-01', 5900, 123456, 2, false],
      ['', 443, null, null, true],
    ]);
    assert.deepEqual(workspace.warnings, []);
  });

  it('keeps a timestamp as a datetime in a table no schema names, and as its ISO text when made a string', async () => {
    const ws = path.join(dir, 'custom');
    mkdirSync(path.join(ws, 'data'), { recursive: true });
    await writeParquet(path.join(ws, 'data', 'Widgets_CL.parquet'), [
      { name: 'Seen', type: 'INT64', converted: 'TIMESTAMP_MICROS', data: [1_740_823_200_123_456n] },
      { name: 'Raw', type: 'INT64', converted: 'TIMESTAMP_MICROS', data: [0n] },
    ]);
    const workspace = await loadLocalWorkspaceWithParquet(ws, schema);
    const r = executeQuery('Widgets_CL | getschema | project ColumnName, ColumnType', { workspace });
    assert.deepEqual(r.tables[0].rows, [
      ['Seen', 'datetime'],
      ['Raw', 'datetime'],
    ]);
    const v = executeQuery('Widgets_CL | project s = tostring(Seen), t = Raw + 1tick', { workspace });
    assert.deepEqual(v.tables[0].rows, [['2025-03-01T10:00:00.1234560Z', '1970-01-01T00:00:00.0000001Z']]);
  });

  it('reads a long beyond 2^53 exactly, and says where Parquet is read', async () => {
    const ws = path.join(dir, 'big');
    mkdirSync(path.join(ws, 'data'), { recursive: true });
    await writeParquet(path.join(ws, 'data', 'DeviceNetworkEvents.parquet'), [
      { name: 'ReportId', type: 'INT64', data: [9_007_199_254_740_993n, -9_223_372_036_854_775_808n, 7n] },
    ]);
    const workspace = await loadLocalWorkspaceWithParquet(ws, schema);
    const r = executeQuery(
      'DeviceNetworkEvents | project ReportId, next = ReportId + 1 | order by ReportId asc',
      {
        workspace,
      },
    );
    assert.deepEqual(r.tables[0].rows, [
      ['-9223372036854775808', '-9223372036854775807'],
      [7, 8],
      ['9007199254740993', '9007199254740994'],
    ]);
    assert.throws(
      () => loadLocalWorkspace(ws, schema),
      /Parquet tables are read by kqlhunt run and the editor/,
    );
  });

  it('names the file when it is not Parquet', async () => {
    const ws = path.join(dir, 'bad');
    mkdirSync(path.join(ws, 'data'), { recursive: true });
    writeFileSync(path.join(ws, 'data', 'DeviceInfo.parquet'), 'not parquet at all');
    await assert.rejects(loadLocalWorkspaceWithParquet(ws, schema), /DeviceInfo\.parquet: /);
  });
});
