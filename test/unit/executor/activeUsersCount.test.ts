import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { refusedWith, rows } from './executorHarness';

// Days a user ran an RMM tool; our own data. With a 3-day lookback and 2 active days, an
// appearance is active when the user also appeared on one of the two days before it.
const RUNS = (extra = '') => `datatable(User:string, Team:string, At:datetime)[
  "kim", "a", datetime(2024-06-01 09:00),
  "kim", "a", datetime(2024-06-02 09:00),
  "lee", "a", datetime(2024-06-01 10:00),
  "lee", "a", datetime(2024-06-04 10:00),
  "max", "b", datetime(2024-06-05 08:00),
  "max", "b", datetime(2024-06-05 18:00),
  "max", "b", datetime(2024-06-06 08:00)${extra}]`;
const AUC = (lookback = '3d', active = '2', query = RUNS()) =>
  `${query} | evaluate active_users_count(User, At, datetime(2024-06-01), datetime(2024-06-07), ${lookback}, 1d, ${active}, 2d)`;

describe('evaluate active_users_count', () => {
  it('counts the users with an active appearance in each bin, leaving bins without any out', () => {
    assert.deepEqual(rows(AUC()), [
      ['2024-06-01T00:00:00Z', 1],
      ['2024-06-05T00:00:00Z', 1],
    ]);
  });

  it('leaves out the first instant of the lookback window, as the page example shows', () => {
    // lee's appearances are exactly 3 days apart: only a longer lookback joins them.
    assert.deepEqual(rows(AUC('time(3.00:00:01)')), [
      ['2024-06-01T00:00:00Z', 1],
      ['2024-06-03T00:00:00Z', 1],
      ['2024-06-05T00:00:00Z', 1],
    ]);
  });

  it('counts distinct periods, so two appearances on one day are one', () => {
    assert.deepEqual(rows(`${AUC('3d', '3')}`), []);
  });

  it('lets an appearance before Start count toward the lookback', () => {
    const early = RUNS(', "ola", "a", datetime(2024-05-31 23:00), "ola", "a", datetime(2024-06-01 01:00)');
    assert.deepEqual(rows(AUC('3d', '2', early)), [
      ['2024-06-01T00:00:00Z', 2],
      ['2024-06-05T00:00:00Z', 1],
    ]);
  });

  it('refuses dimensions by name', () => {
    assert.throws(
      () =>
        rows(
          `${RUNS()} | evaluate active_users_count(User, At, datetime(2024-06-01), datetime(2024-06-07), 3d, 1d, 2, 2d, Team)`,
        ),
      refusedWith(/with dimensions/),
    );
  });
});
