import { strict as assert } from 'node:assert';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { parseCsv } from '../../../server/src/executor/csv';
import { executeQuery } from '../../../server/src/executor/executor';
import { loadLocalWorkspace } from '../../../server/src/executor/files/workspaceLoader';
import { createWorkspace } from '../../../server/src/executor/workspace';
import { builtinSchema } from '../../../server/src/schema/builtinSchemas';
import type { EnvironmentSchema } from '../../../server/src/schema/types';

const schema: EnvironmentSchema = {
  id: 'defender',
  displayName: 'Test',
  timeColumn: 'Timestamp',
  functions: [],
  tables: [
    {
      name: 'Events',
      columns: [
        { name: 'Timestamp', type: 'datetime' },
        { name: 'Name', type: 'string' },
        { name: 'Port', type: 'int' },
        { name: 'Extra', type: 'dynamic' },
      ],
    },
  ],
};

const dirs: string[] = [];
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'kqlws-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('engine: local workspace folders', () => {
  it('reads CSV with quotes, typed by the schema', () => {
    assert.deepEqual(parseCsv('a,b\r\n"x, ""y""",2\n'), [{ a: 'x, "y"', b: '2' }]);
    const dir = folder({
      'Events.csv': 'Timestamp,Name,Port,Extra\n2024-01-01T00:00:00Z,"a,b",443,"{""k"":1}"\n',
    });
    const ws = loadLocalWorkspace(dir, schema);
    const r = executeQuery('Events | project Timestamp, Name, Port = Port + 1, K = Extra.k', {
      workspace: ws,
    });
    assert.deepEqual(r.tables[0].rows, [['2024-01-01T00:00:00Z', 'a,b', 444, 1]]);
  });

  it('reads NDJSON and JSON arrays, from data/ with a manifest that pins now()', () => {
    const dir = folder({
      'workspace.json': '{ "name": "ws", "now": "2024-02-01T00:00:00Z" }',
      'data/Events.ndjson':
        '{"Timestamp":"2024-01-31T00:00:00Z","Name":"n","Port":1}\n\n{"Timestamp":"2024-01-01T00:00:00Z","Name":"old","Port":2}\n',
      'data/Custom.json': '[{"a": 1, "b": "x"}, {"a": 2.5, "b": "y"}]',
    });
    const ws = loadLocalWorkspace(dir, schema);
    assert.equal(ws.name, 'ws');
    assert.deepEqual(
      executeQuery('Events | where Timestamp > ago(7d) | project Name', { workspace: ws }).tables[0].rows,
      [['n']],
    );
    const custom = executeQuery('Custom | summarize sum(a)', { workspace: ws }).tables[0];
    assert.deepEqual(custom.rows, [[3.5]]);
    assert.match(ws.warnings.join('\n'), /Custom: not in the Test schema/);
  });

  it('explains bad files instead of failing obscurely', () => {
    assert.throws(
      () => loadLocalWorkspace(folder({ 'Events.ndjson': '{"Name":"a"}\n{oops\n' }), schema),
      /Events\.ndjson: line 2/,
    );
    assert.throws(
      () => loadLocalWorkspace(folder({ 'Events.json': '{"Name":"a"}' }), schema),
      /expected a JSON array/,
    );
    assert.throws(
      () => loadLocalWorkspace(folder({ 'workspace.json': '{"now": "yesterday"}' }), schema),
      /"now" is not an ISO datetime/,
    );
    assert.throws(
      () => loadLocalWorkspace(path.join(tmpdir(), 'no-such-kql-workspace'), schema),
      /workspace folder not found/,
    );
    const ws = loadLocalWorkspace(
      folder({ 'Events.ndjson': '{"Name":"a","Port":"many","Surprise":1}\n' }),
      schema,
    );
    assert.match(ws.warnings.join('\n'), /Surprise/);
    assert.match(ws.warnings.join('\n'), /1 values did not match/);
  });
});

describe('one set of rows in both environments’ shapes', () => {
  const defenderRow = {
    Timestamp: '2025-03-01T10:00:00Z',
    AccountDisplayName: 'Ada',
    Isp: 'Example Net',
    AdditionalFields: '{"k":1}',
  };
  const sentinelRow = {
    TimeGenerated: '2025-03-01T10:00:00Z',
    AccountDisplayName: 'Ada',
    ISP: 'Example Net',
  };

  it('reads Defender rows as Sentinel: TimeGenerated from Timestamp, Type as the table, text JSON as dynamic', () => {
    const ws = createWorkspace({
      tables: { CloudAppEvents: [defenderRow] },
      schema: builtinSchema('sentinel'),
    });
    const r = executeQuery(
      'CloudAppEvents | project TimeGenerated, Timestamp, Type, ISP, k = AdditionalFields.k',
      { workspace: ws },
    );
    assert.deepEqual(r.tables[0].rows, [
      ['2025-03-01T10:00:00Z', '2025-03-01T10:00:00Z', 'CloudAppEvents', 'Example Net', 1],
    ]);
    assert.deepEqual(ws.warnings, []);
  });

  it('reads Sentinel rows as Defender: Timestamp from TimeGenerated, Isp from ISP', () => {
    const ws = createWorkspace({
      tables: { CloudAppEvents: [sentinelRow] },
      schema: builtinSchema('defender'),
    });
    const r = executeQuery('CloudAppEvents | project Timestamp, Isp', { workspace: ws });
    assert.deepEqual(r.tables[0].rows, [['2025-03-01T10:00:00Z', 'Example Net']]);
  });
});
