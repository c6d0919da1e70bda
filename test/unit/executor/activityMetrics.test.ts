import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { refusedWith, rows } from './executorHarness';

// Users active over three weeks, on two sites; our own data.
const ACTIVE = `datatable(User:string, Site:string, Day:datetime)[
  "a", "x", datetime(2024-01-01), "b", "x", datetime(2024-01-02), "c", "y", datetime(2024-01-03),
  "a", "x", datetime(2024-01-08), "d", "x", datetime(2024-01-09), "c", "y", datetime(2024-01-10),
  "d", "x", datetime(2024-01-15), "e", "x", datetime(2024-01-16), "e", "y", datetime(2024-01-17)]`;
const AM = (dims = '') =>
  `${ACTIVE} | evaluate activity_metrics(User, Day, datetime(2024-01-01), datetime(2024-01-20), 7d${dims})`;

describe('evaluate activity_metrics', () => {
  it('gives distinct and new ids, and retention and churn against the previous window', () => {
    const got = rows(AM());
    assert.deepEqual(
      got.map((r) => r.slice(0, 3)),
      [
        ['2024-01-01T00:00:00Z', 3, 3],
        ['2024-01-08T00:00:00Z', 3, 1],
        ['2024-01-15T00:00:00Z', 2, 1],
      ],
    );
    // The first window has no previous one.
    assert.ok(Number.isNaN(got[0][3]) && Number.isNaN(got[0][4]));
    // 2 of the 3 ids of week 1 came back in week 2; 1 of the 3 of week 2 in week 3.
    assert.deepEqual(
      got.slice(1).map((r) => [r[3], r[4]]),
      [
        [2 / 3, 1 / 3],
        [1 / 3, 2 / 3],
      ],
    );
  });

  it('gives one series per combination of dimensions, in the columns the binder gives', () => {
    const got = rows(
      `${AM(', Site')} | where Site == "y" | project Day, dcount_values, dcount_newvalues, retention_rate, Site`,
    );
    assert.deepEqual(got.slice(1), [
      ['2024-01-08T00:00:00Z', 1, 0, 1, 'y'],
      ['2024-01-15T00:00:00Z', 1, 1, 0, 'y'],
    ]);
  });

  it('refuses the form without Start and End by name', () => {
    assert.throws(
      () => rows(`${ACTIVE} | evaluate activity_metrics(User, Day, 7d)`),
      refusedWith(/without Start and End/),
    );
  });
});
