import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { csvRowsOfLines, parseCsv } from '../../../server/src/executor/csv';
import { executeQuery } from '../../../server/src/executor/executor';
import { loadLocalWorkspace } from '../../../server/src/executor/files/workspaceLoader';
import { createWorkspace } from '../../../server/src/executor/workspace';
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
      ],
    },
  ],
};

const dirs: string[] = [];
function folder(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'kqlstream-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** What parseCsv gives for the whole text, or the message it throws. */
function whole(text: string): unknown {
  try {
    return parseCsv(text);
  } catch (e) {
    return (e as Error).message;
  }
}

function byLines(text: string): unknown {
  try {
    return [...csvRowsOfLines(text.split('\n'))];
  } catch (e) {
    return (e as Error).message;
  }
}

describe('CSV read line by line', () => {
  it('gives the rows parseCsv gives for the whole text', () => {
    const texts = [
      'a,b\n1,2\n3,4\n',
      'a,b\n1,2\n3,4',
      'a,b\r\n1,2\r\n"x, ""y""",2\r\n',
      '\ufeffa,b\n1,2\n',
      '\ufeff"a\nb",c\n1,2\n',
      'a,b\n\n1,2\n\n\n3,4\n',
      // A quoted field holding line breaks, LF and CRLF, and a quoted field that ends a line.
      'a,b\n"line one\nline two",2\n"x\r\ny","z\n"\n',
      'a,b\n"one\n\ntwo",3\n',
      // A quote inside an unquoted field is text, and does not open a quoted field.
      'a,b\nab"c,d\ne,f"\n',
      '"",b\n"""",""\n',
      ' a , b \n1,2\n',
      'a,b\n1,2,3\n',
      'a,b\n"open,2\n3,4\n',
      'a\n',
      '',
      '\n\na,b\n1,2\n',
      'a,b\r1,2\r3,4\r',
    ];
    for (const text of texts) assert.deepEqual(byLines(text), whole(text), JSON.stringify(text));
  });

  it('names the record, counting the header, in a field-count error', () => {
    assert.equal(byLines('a,b\n1,2\n\n"x\ny",2,3\n'), 'CSV record 4 has 3 fields; the header has 2');
  });
});

describe('table files read as they are loaded', () => {
  it('reads a CSV table with a multi-line quoted field, CRLF line ends and a BOM', () => {
    const dir = folder({
      'Events.csv':
        '\ufeffTimestamp,Name,Port\r\n2024-01-01T00:00:00Z,"two\r\nlines",443\r\n2024-01-02T00:00:00Z,plain,80',
    });
    const ws = loadLocalWorkspace(dir, schema);
    const r = executeQuery('Events | project Timestamp, Name, Port', { workspace: ws });
    assert.deepEqual(r.tables[0].rows, [
      ['2024-01-01T00:00:00Z', 'two\r\nlines', 443],
      ['2024-01-02T00:00:00Z', 'plain', 80],
    ]);
  });

  it('names the CSV file and record in an error met while loading', () => {
    const dir = folder({ 'Events.csv': 'Timestamp,Name,Port\n2024-01-01,a,1\n2024-01-02,b\n' });
    assert.throws(() => loadLocalWorkspace(dir, schema), /Events\.csv: CSV record 3 has 2 fields/);
    const open = folder({ 'Events.csv': 'Timestamp,Name,Port\n2024-01-01,"a,1\n' });
    assert.throws(() => loadLocalWorkspace(open, schema), /Events\.csv: CSV ends inside a quoted field/);
  });

  it('reads NDJSON with non-ASCII text, CRLF line ends, blank lines and no final line end', () => {
    const lines = [
      '{"Timestamp":"2024-01-01T00:00:00.1234567Z","Name":"Microsoft® Windows®","Port":1}',
      '',
      '{"Timestamp":"2024-01-02T00:00:00+01:00","Name":"wks-ñ-01 ✓ 𝄞","Port":2}',
      '   ',
      '{"Timestamp":"2024-01-03","Name":"plain","Port":3}',
    ];
    const dir = folder({ 'Events.ndjson': Buffer.from(lines.join('\r\n'), 'utf8') });
    const ws = loadLocalWorkspace(dir, schema);
    const r = executeQuery('Events | project Timestamp, Name, Port', { workspace: ws });
    assert.deepEqual(r.tables[0].rows, [
      ['2024-01-01T00:00:00.1234567Z', 'Microsoft® Windows®', 1],
      ['2024-01-01T23:00:00Z', 'wks-ñ-01 ✓ 𝄞', 2],
      ['2024-01-03T00:00:00Z', 'plain', 3],
    ]);
    assert.deepEqual(ws.warnings, []);
  });

  it('names the NDJSON line of a bad row, counting blank lines', () => {
    const dir = folder({ 'Events.ndjson': '{"Name":"a"}\n\n[1]\n' });
    assert.throws(() => loadLocalWorkspace(dir, schema), /Events\.ndjson: row 3 is not a JSON object/);
  });

  it('builds the same table from an iterable of rows as from an array, past the planning rows', () => {
    const rows = Array.from({ length: 2500 }, (_, i) => ({
      TimeGenerated: `2024-01-01T00:00:${String(i % 60).padStart(2, '0')}Z`,
      name: `n${i % 7}`,
      Port: i % 3 === 0 ? String(i) : i,
    }));
    let closed = false;
    function* generated(): Generator<Record<string, unknown>> {
      try {
        yield* rows;
      } finally {
        closed = true;
      }
    }
    const fromArray = createWorkspace({ tables: { Events: rows }, schema });
    const fromIterable = createWorkspace({ tables: { Events: generated() }, schema });
    assert.equal(closed, true);
    assert.deepEqual(fromIterable.tables.get('Events'), fromArray.tables.get('Events'));
    assert.deepEqual(fromIterable.warnings, fromArray.warnings);
    const table = fromArray.tables.get('Events')!;
    assert.equal(table.rows.length, 2500);
    // Timestamp came from TimeGenerated and Name from its other spelling, in the last rows too.
    assert.deepEqual(table.rows[2499].slice(1), ['n0', 2499]);
    assert.equal(typeof table.rows[2499][0], 'bigint');
  });
});
