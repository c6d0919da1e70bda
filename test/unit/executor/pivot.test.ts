import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { run, refusedWith } from './executorHarness';

/** evaluate pivot (pivot-plugin.md): kept columns, cell aggregates, empty cells and the output schema. */
describe('executor: pivot', () => {
  const storms =
    'datatable(State:string, EventType:string, Source:string, Deaths:long)[' +
    '"ARKANSAS","Heat","News",3, "ARIZONA","Flood","Spotter",2, "ARIZONA","Flood","Media",3, ' +
    '"ARKANSAS","Wind","Police",1, "ARIZONA","Flood","Spotter",1]';
  const shape = (q: string) => {
    const t = run(q).tables[0];
    return { columns: t.columns.map((c) => `${c.name}:${c.type}`), rows: t.rows };
  };

  it('counts rows per kept combination and pivot value, in the order values first occur', () => {
    assert.deepEqual(shape(`${storms} | project State, EventType | evaluate pivot(State)`), {
      columns: ['EventType:string', 'ARKANSAS:long', 'ARIZONA:long'],
      rows: [
        ['Heat', 1, 0],
        ['Flood', 0, 3],
        ['Wind', 1, 0],
      ],
    });
  });

  it('aggregates the cells with the given function, keeping every other column by default', () => {
    assert.deepEqual(
      shape(`${storms} | project State, EventType, Deaths | evaluate pivot(State, sum(Deaths))`),
      {
        columns: ['EventType:string', 'ARKANSAS:long', 'ARIZONA:long'],
        rows: [
          ['Heat', 3, 0],
          ['Flood', 0, 6],
          ['Wind', 1, 0],
        ],
      },
    );
    assert.deepEqual(shape(`${storms} | evaluate pivot(State, sum(Deaths), EventType, Source)`).rows, [
      ['Heat', 'News', 3, 0],
      ['Flood', 'Spotter', 0, 3],
      ['Flood', 'Media', 0, 3],
      ['Wind', 'Police', 1, 0],
    ]);
    assert.deepEqual(shape(`${storms} | evaluate pivot(State, make_set(Source), EventType)`).rows, [
      ['Heat', ['News'], []],
      ['Flood', [], ['Spotter', 'Media']],
      ['Wind', ['Police'], []],
    ]);
  });

  it('fills the columns of an output schema and drops pivot values it does not name', () => {
    assert.deepEqual(
      shape(
        `${storms} | project State, EventType | evaluate pivot(State): (EventType:string, ARIZONA:long, TEXAS:long)`,
      ),
      {
        columns: ['EventType:string', 'ARIZONA:long', 'TEXAS:long'],
        rows: [
          ['Heat', 0, 0],
          ['Flood', 3, 0],
          ['Wind', 0, 0],
        ],
      },
    );
  });

  it('gives only the kept columns on empty input', () => {
    assert.deepEqual(
      shape(`${storms} | where Deaths > 100 | project State, EventType | evaluate pivot(State)`),
      {
        columns: ['EventType:string'],
        rows: [],
      },
    );
  });

  it('refuses by name what the page leaves open', () => {
    assert.throws(
      () => run(`${storms} | project State, EventType, Deaths | evaluate pivot(State, max(Deaths))`),
      refusedWith(/pivot\(\) with max\(\) where a cell has no rows/),
    );
    assert.throws(
      () => run('datatable(k:string, v:string)["", "a"] | evaluate pivot(k)'),
      refusedWith(/pivot value is empty or null/),
    );
    assert.throws(
      () =>
        run(`${storms} | project State, EventType, Deaths | evaluate pivot(State, percentile(Deaths, 50))`),
      refusedWith(/pivot\(\) with the aggregation percentile\(\)/),
    );
  });
});
