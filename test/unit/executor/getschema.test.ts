import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rows } from './executorHarness';

/** getschema (getschema-operator.md): a row per column with its ordinal, CLR type and Kusto type. */
describe('executor: getschema', () => {
  it('lists every column in order with its CLR and Kusto type', () => {
    const r = rows(
      'datatable(a:string, b:long, c:dynamic, d:datetime, e:int, f:real, g:bool, h:guid, i:timespan)[] | getschema',
    );
    assert.deepEqual(r, [
      ['a', 0, 'System.String', 'string'],
      ['b', 1, 'System.Int64', 'long'],
      ['c', 2, 'System.Object', 'dynamic'],
      ['d', 3, 'System.DateTime', 'datetime'],
      ['e', 4, 'System.Int32', 'int'],
      ['f', 5, 'System.Double', 'real'],
      ['g', 6, 'System.SByte', 'bool'],
      ['h', 7, 'System.Guid', 'guid'],
      ['i', 8, 'System.TimeSpan', 'timespan'],
    ]);
  });

  it('describes the columns an operator computed, and its result can be queried', () => {
    assert.deepEqual(
      rows(
        'print x = 1, y = "a" | extend z = x * 2.5 | getschema | where ColumnType == "real" | project ColumnName',
      ),
      [['z']],
    );
  });
});
