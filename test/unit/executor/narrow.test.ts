import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { run } from './executorHarness';

/** evaluate narrow() (narrow-plugin.md): one row per cell, numbered from 0, values as strings. */
describe('executor: narrow', () => {
  const shape = (q: string) => {
    const t = run(q).tables[0];
    return { columns: t.columns.map((c) => `${c.name}:${c.type}`), rows: t.rows };
  };

  it('turns each cell into Row, Column and Value, row by row and in column order', () => {
    assert.deepEqual(
      shape('datatable(Host:string, Port:long)["web01", 443, "db02", 1433] | evaluate narrow()'),
      {
        columns: ['Row:long', 'Column:string', 'Value:string'],
        rows: [
          [0, 'Host', 'web01'],
          [0, 'Port', '443'],
          [1, 'Host', 'db02'],
          [1, 'Port', '1433'],
        ],
      },
    );
  });

  it('writes booleans and datetimes as the page shows them, other types as tostring() does', () => {
    const q =
      'print Healthy=true, Warming=false, Restarted=datetime(2017-03-14 10:59:18.9263023), ' +
      'Factor=0.130552847673333, Count=int(7), Id=guid(24fefbca-cf27-4d62-a623-249c2ad30c73), ' +
      'Age=1d, Bag=dynamic({"a":[1,"x"]}) | evaluate narrow()';
    assert.deepEqual(
      run(q).tables[0].rows.map((r) => r[2]),
      [
        'True',
        'False',
        '2017-03-14 10:59:18.9263023',
        '0.130552847673333',
        '7',
        '24fefbca-cf27-4d62-a623-249c2ad30c73',
        '1.00:00:00',
        '{"a":[1,"x"]}',
      ],
    );
  });

  it('writes a null or empty cell as the empty string, and gives no rows for an empty input', () => {
    assert.deepEqual(
      run('print n=long(null), s="", d=datetime(null), b=bool(null) | evaluate narrow()').tables[0].rows,
      [
        [0, 'n', ''],
        [0, 's', ''],
        [0, 'd', ''],
        [0, 'b', ''],
      ],
    );
    assert.deepEqual(shape('datatable(a:long)[] | evaluate narrow()').rows, []);
  });

  it('runs after other operators and feeds later ones', () => {
    const q =
      'datatable(Host:string, Port:long)["web01", 443, "db02", 1433] | where Port > 1000 ' +
      '| evaluate narrow() | where Column == "Host" | project Row, Value';
    assert.deepEqual(shape(q).rows, [[0, 'db02']]);
  });
});
