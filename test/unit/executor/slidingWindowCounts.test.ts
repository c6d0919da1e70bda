import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { refusedWith, rows, scalar } from './executorHarness';

// Sign-ins per team over four days, our own data.
const SIGNINS = (extra = '') => `datatable(User:string, Team:string, At:datetime)[
  "ann", "red", datetime(2024-03-01 08:00),
  "bob", "red", datetime(2024-03-01 09:00),
  "ann", "red", datetime(2024-03-02 10:00),
  "cat", "blue", datetime(2024-03-02 11:00),
  "", "blue", datetime(2024-03-03 12:00),
  "cat", "blue", datetime(2024-03-04 13:00),
  "dan", "blue", datetime(2024-03-09 13:00)${extra}]`;
const SWC = (lookback: string, dims = '', extra = '') =>
  `${SIGNINS(extra)} | evaluate sliding_window_counts(User, At, datetime(2024-03-01), datetime(2024-03-04), ${lookback}, 1d${dims})`;

describe('evaluate sliding_window_counts', () => {
  it('counts rows and distinct ids over each lookback window, per dimension', () => {
    assert.deepEqual(rows(`${SWC('2d', ', Team')} | order by At asc, Team asc`), [
      ['2024-03-01T00:00:00Z', 'red', 2, 2],
      ['2024-03-02T00:00:00Z', 'blue', 1, 1],
      ['2024-03-02T00:00:00Z', 'red', 3, 2],
      ['2024-03-03T00:00:00Z', 'blue', 2, 1],
      ['2024-03-03T00:00:00Z', 'red', 1, 1],
      ['2024-03-04T00:00:00Z', 'blue', 2, 1],
    ]);
  });

  it('rounds the lookback down to whole bins and leaves rows after End out', () => {
    assert.deepEqual(rows(SWC('36h')), rows(SWC('1d')));
    assert.deepEqual(
      rows(SWC('1d')).map((r) => r[1]),
      [2, 2, 1, 1],
    );
  });

  it('counts an earlier row in the windows it reaches, and refuses one whose window ends before Start', () => {
    const early = ', "eve", "red", datetime(2024-02-29 23:00)';
    assert.deepEqual(rows(SWC('2d', '', early))[0], ['2024-03-01T00:00:00Z', 3, 3]);
    assert.throws(() => rows(SWC('1d', '', early)), refusedWith(/lookback window ends before Start/));
  });

  it('reads a datetime literal with spaces around its dashes, as the page writes it', () => {
    assert.equal(scalar('datetime(2017 - 08 - 01)'), scalar('datetime(2017-08-01)'));
  });
});
