import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RunView } from '../../../client/src/results/messages';
import { parseWebviewMessage } from '../../../client/src/results/messages';
import { RunHistory } from '../../../client/src/results/runHistory';

/** A finished run whose one table has `rows` rows of two columns. */
function done(runId: number, rows: number): RunView {
  return {
    runId,
    workspaceName: 'Sample data',
    title: `query ${runId}`,
    query: `T | take ${rows}`,
    startedAt: `2025-03-14T12:00:0${runId % 10}.000Z`,
    outcome: {
      state: 'done',
      result: {
        tables: [
          {
            name: 'PrimaryResult',
            columns: [
              { name: 'a', type: 'long' },
              { name: 'b', type: 'string' },
            ],
            rows: Array.from({ length: rows }, (_, i) => [i, `r${i}`]),
          },
        ],
      },
      stats: { durationMs: 5, rowCounts: [rows], truncated: false },
    },
  };
}

function rowsOf(run: RunView | undefined): number {
  return run?.outcome.state === 'done' ? run.outcome.result.tables[0].rows.length : -1;
}

describe('run history', () => {
  it('keeps the newest runs first, up to the limit', () => {
    const history = new RunHistory({ maxRuns: 3, cellBudget: 1_000 });
    for (let id = 1; id <= 5; id++) history.record(done(id, 1));
    assert.deepEqual(
      history.entries().map((e) => e.runId),
      [5, 4, 3],
    );
    assert.equal(history.get(1), undefined);
    assert.equal(history.latest?.runId, 5);
  });

  it('replaces a running run with its outcome instead of listing it twice', () => {
    const history = new RunHistory();
    const running: RunView = { ...done(1, 0), outcome: { state: 'running' } };
    history.record(running);
    assert.deepEqual(
      history.entries().map((e) => [e.runId, e.state, e.rowCount]),
      [[1, 'running', undefined]],
    );
    history.record(done(1, 4));
    assert.deepEqual(
      history.entries().map((e) => [e.runId, e.state, e.rowCount]),
      [[1, 'done', 4]],
    );
  });

  it('drops the rows of older runs beyond the cell budget, keeping their summary, and never the newest', () => {
    // 100 rows of 2 columns = 200 cells a run; the budget holds two of them.
    const history = new RunHistory({ maxRuns: 10, cellBudget: 400 });
    history.record(done(1, 100));
    history.record(done(2, 100));
    assert.deepEqual([rowsOf(history.get(1)), rowsOf(history.get(2))], [100, 100]);
    history.record(done(3, 100));
    assert.deepEqual([rowsOf(history.get(1)), rowsOf(history.get(2)), rowsOf(history.get(3))], [0, 100, 100]);
    assert.equal(history.cellCount(), 400);
    const first = history.entries().find((e) => e.runId === 1)!;
    assert.deepEqual([first.rowsDropped, first.rowCount], [true, 100]);
    assert.equal(history.get(1)?.rowsDropped, true);
    assert.equal(history.get(1)?.query, 'T | take 100');
    // A run larger than the whole budget still keeps its rows while it is the newest.
    history.record(done(4, 1_000));
    assert.deepEqual([rowsOf(history.get(4)), rowsOf(history.get(3)), rowsOf(history.get(2))], [1_000, 0, 0]);
    assert.equal(history.cellCount(), 2_000);
  });

  it('holds a bounded amount however many large runs are made', () => {
    const history = new RunHistory({ maxRuns: 10, cellBudget: 300_000 });
    for (let id = 1; id <= 30; id++) history.record(done(id, 100_000));
    assert.equal(history.entries().length, 10);
    assert.equal(history.cellCount(), 200_000);
    assert.deepEqual(
      history
        .entries()
        .filter((e) => !e.rowsDropped)
        .map((e) => e.runId),
      [30],
    );
  });

  it('accepts a select message only with an integer run id', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'select', runId: 3 }), { type: 'select', runId: 3 });
    assert.equal(parseWebviewMessage({ type: 'select', runId: '3' }), undefined);
    assert.equal(parseWebviewMessage({ type: 'select' }), undefined);
  });
});
