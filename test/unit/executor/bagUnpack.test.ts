import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ExecutionError, MissingColumnError } from '../../../server/src/executor/errors';
import { run } from './executorHarness';

/** evaluate bag_unpack (bag-unpack-plugin.md): names, types, conflicts, nulls and the output schema. */
describe('executor: bag_unpack', () => {
  const shape = (q: string) => {
    const t = run(q).tables[0];
    return { columns: t.columns.map((c) => `${c.name}:${c.type}`), rows: t.rows };
  };

  it('puts the properties after the other columns, by name, each with its common type', () => {
    assert.deepEqual(
      shape(
        'datatable(x:long, d:dynamic)[1, dynamic({"b": "x", "a": 1}), 2, dynamic({"a": 1.5, "c": true}), 3, dynamic(null)] | evaluate bag_unpack(d)',
      ),
      {
        columns: ['x:long', 'a:dynamic', 'b:string', 'c:bool'],
        rows: [
          [1, 1, 'x', null],
          [2, 1.5, '', true],
          [3, null, '', null],
        ],
      },
    );
  });

  it('types a slot of whole reals (1.0) as real, apart from longs', () => {
    assert.deepEqual(
      shape(
        'datatable(d:dynamic)[dynamic({"a": 1.0, "b": 1.0}), dynamic({"a": 2.5, "b": 2})] | evaluate bag_unpack(d)',
      ),
      {
        columns: ['a:real', 'b:dynamic'],
        rows: [
          [1, 1],
          [2.5, 2],
        ],
      },
    );
  });

  it('prefixes names, and keeps unicode property names as they are', () => {
    assert.deepEqual(shape('print d = dynamic({"Ünï": 1}) | evaluate bag_unpack(d, "p_")'), {
      columns: ['p_Ünï:long'],
      rows: [[1]],
    });
  });

  it('fails on a property that repeats a column unless columnsConflict says which to keep', () => {
    const q =
      'datatable(Name:string, d:dynamic)[\'Old\', dynamic({"Name": "New", "Age": 1})] | evaluate bag_unpack(d%)';
    assert.throws(
      () => run(q.replace('%', '')),
      (e) => e instanceof ExecutionError && /Name/.test(e.message),
    );
    assert.deepEqual(shape(q.replace('%', ", columnsConflict='replace_source'")).rows, [['New', 1]]);
    assert.deepEqual(shape(q.replace('%', ", columnsConflict='keep_source'")).rows, [['Old', 1]]);
  });

  it('an empty input gives the other columns only', () => {
    assert.deepEqual(shape('datatable(x:long, d:dynamic)[] | evaluate bag_unpack(d)'), {
      columns: ['x:long'],
      rows: [],
    });
  });

  it('reads the values into a declared output schema, converting them to its types', () => {
    assert.deepEqual(
      shape(
        'print k = "a", d = dynamic({"n": "5", "t": "2024-01-01"}) | evaluate bag_unpack(d) : (*, n:long, t:datetime, absent:string)',
      ),
      {
        columns: ['k:string', 'n:long', 't:datetime', 'absent:string'],
        rows: [['a', 5, '2024-01-01T00:00:00Z', '']],
      },
    );
  });

  it('a name the data did not produce fails as Kusto fails, naming the column', () => {
    assert.throws(
      () => run("datatable(d:dynamic)[] | evaluate bag_unpack(d) | extend k = tostring(['@Name'])"),
      (e) => e instanceof MissingColumnError && e.column === '@Name',
    );
  });
});
