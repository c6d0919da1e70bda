import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { refusedWith, run } from './executorHarness';

/**
 * parse, parse-where and parse-kv into a column the input already has. parse-operator.md says the
 * input is "extended" with the listed columns and says nothing of a clash; the binder types the
 * result as the input's columns unchanged followed by the capture's column of the same name, so
 * the parsed values land in that appended column and the input's column keeps its own.
 */
describe('executor: parse into a column the input already has', () => {
  const events = 'datatable(Msg:string, Port:long)["port=443", 1, "no port here", 2, "port=8080", 3]';
  const shape = (q: string) => {
    const t = run(q).tables[0];
    return { columns: t.columns.map((c) => `${c.name}:${c.type}`), rows: t.rows };
  };

  it('appends the parsed string column after the input column of the same name, which keeps its text', () => {
    assert.deepEqual(shape(`${events} | parse Msg with "port=" Msg`), {
      columns: ['Msg:string', 'Port:long', 'Msg:string'],
      rows: [
        ['port=443', 1, '443'],
        // A row the pattern does not match gets an empty parsed column; the input's column stays.
        ['no port here', 2, ''],
        ['port=8080', 3, '8080'],
      ],
    });
  });

  it('types the appended column as the capture says, over an input column of another type', () => {
    assert.deepEqual(shape(`${events} | parse Msg with "port=" Port:string`), {
      columns: ['Msg:string', 'Port:long', 'Port:string'],
      rows: [
        ['port=443', 1, '443'],
        ['no port here', 2, ''],
        ['port=8080', 3, '8080'],
      ],
    });
    const typed = `datatable(Id:string, Msg:string)["a", "id=7", "b", "id=x"] | parse Msg with "id=" Id:long`;
    assert.deepEqual(shape(typed), {
      columns: ['Id:string', 'Msg:string', 'Id:long'],
      // "x" is not a long, so the strict simple kind does not match that row: null, not the old text.
      rows: [
        ['a', 'id=7', 7],
        ['b', 'id=x', null],
      ],
    });
  });

  it('lets later operators read the two columns as the binder names them', () => {
    // extend and project-rename call the appended column Port1 in their result; project and where
    // read the input's column.
    const widths = `${events} | parse Msg with "port=" Port:string | extend Seen = 1 | extend Width = strlen(Port1)`;
    assert.deepEqual(shape(widths), {
      columns: ['Msg:string', 'Port:long', 'Port1:string', 'Seen:long', 'Width:long'],
      rows: [
        ['port=443', 1, '443', 1, 3],
        ['no port here', 2, '', 1, 0],
        ['port=8080', 3, '8080', 1, 4],
      ],
    });
    assert.deepEqual(
      shape(`${events} | parse Msg with "port=" Port:string | where Port > 1 | project Port`),
      {
        columns: ['Port:long'],
        rows: [[2], [3]],
      },
    );
    assert.deepEqual(shape(`${events} | parse Msg with "port=" Port:string | project-away Msg`).rows, [
      [1, '443'],
      [2, ''],
      [3, '8080'],
    ]);
    assert.deepEqual(shape(`${events} | parse Msg with "port=" Port:string | project-rename P = Port`), {
      columns: ['Msg:string', 'P:long', 'Port1:string'],
      rows: [
        ['port=443', 1, '443'],
        ['no port here', 2, ''],
        ['port=8080', 3, '8080'],
      ],
    });
    assert.deepEqual(shape(`${events} | parse Msg with "port=" Msg | summarize take_any(*)`).rows, [
      ['port=443', 1, '443'],
    ]);
  });

  it('parse-where and parse-kv fill the appended column the same way', () => {
    assert.deepEqual(shape(`${events} | parse-where Msg with "port=" Port:long`), {
      columns: ['Msg:string', 'Port:long', 'Port:long'],
      rows: [
        ['port=443', 1, 443],
        ['port=8080', 3, 8080],
      ],
    });
    const kv = `${events} | parse-kv Msg as (port:long, Port:long) with (pair_delimiter=",", kv_delimiter="=")`;
    assert.deepEqual(shape(kv), {
      columns: ['Msg:string', 'Port:long', 'port:long', 'Port:long'],
      rows: [
        ['port=443', 1, 443, null],
        ['no port here', 2, null, null],
        ['port=8080', 3, 8080, null],
      ],
    });
  });

  it('refuses by name an operator that would have to guess which of the two columns a name means', () => {
    assert.throws(
      () => run(`${events} | parse Msg with "port=" Msg | distinct *`),
      refusedWith(/'distinct' operator after a parse into a column its input already has \(Msg\)/),
    );
    assert.throws(
      () => run(`${events} | parse Msg with "port=" Msg | join kind=inner (print Msg="443") on Msg`),
      refusedWith(/'join' operator after a parse into a column its input already has \(Msg\)/),
    );
  });
});
