import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { refusedWith, rows } from './executorHarness';

// Processes seen on two hosts over three days, our own data.
const SEEN = (extra = '') => `datatable(Proc:string, Host:string, At:datetime)[
  "cmd", "h1", datetime(2024-05-01 01:00),
  "ps", "h1", datetime(2024-05-01 02:00),
  "cmd", "h2", datetime(2024-05-01 03:00),
  "cmd", "h1", datetime(2024-05-02 01:00),
  "vnc", "h1", datetime(2024-05-02 05:00),
  "", "h2", datetime(2024-05-02 06:00),
  "vnc", "h2", datetime(2024-05-03 07:00),
  "ps", "h1", datetime(2024-05-03 08:00),
  "late", "h1", datetime(2024-05-09 08:00)${extra}]`;
const ACM = (dims = '', extra = '') =>
  `${SEEN(extra)} | evaluate activity_counts_metrics(Proc, At, datetime(2024-05-01), datetime(2024-05-03), 1d${dims})`;

describe('evaluate activity_counts_metrics', () => {
  it('counts rows, ids, new ids and ids so far per window, leaving rows after End out', () => {
    assert.deepEqual(rows(ACM()), [
      ['2024-05-01T00:00:00Z', 3, 2, 2, 2],
      ['2024-05-02T00:00:00Z', 3, 2, 1, 3],
      ['2024-05-03T00:00:00Z', 2, 2, 0, 3],
    ]);
  });

  it('keeps each combination of dimensions apart', () => {
    assert.deepEqual(rows(`${ACM(', Host')} | order by Host asc, At asc`), [
      ['2024-05-01T00:00:00Z', 'h1', 2, 2, 2, 2],
      ['2024-05-02T00:00:00Z', 'h1', 2, 2, 1, 3],
      ['2024-05-03T00:00:00Z', 'h1', 1, 1, 0, 3],
      ['2024-05-01T00:00:00Z', 'h2', 1, 1, 1, 1],
      ['2024-05-02T00:00:00Z', 'h2', 1, 0, 0, 1],
      ['2024-05-03T00:00:00Z', 'h2', 1, 1, 1, 2],
    ]);
  });

  it('refuses by name what the page leaves open', () => {
    assert.throws(
      () => rows(ACM('', ', "old", "h1", datetime(2024-04-30 23:00)')),
      refusedWith(/row before Start/),
    );
    assert.throws(
      () =>
        rows(
          `datatable(Proc:string, At:datetime)["a", datetime(2024-05-01), "b", datetime(2024-05-03)] | evaluate activity_counts_metrics(Proc, At, datetime(2024-05-01), datetime(2024-05-03), 1d)`,
        ),
      refusedWith(/window that has no rows/),
    );
  });
});
