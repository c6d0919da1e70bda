import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { refusedWith, rows } from './executorHarness';

// Bytes sent per hour by two hosts over three hours; our own data.
const SENT = `datatable(At:datetime, Host:string, Bytes:long)[
  datetime(2024-02-01 00:10), "h1", 10,
  datetime(2024-02-01 00:40), "h1", 30,
  datetime(2024-02-01 01:05), "h1", 20,
  datetime(2024-02-01 01:30), "h1", long(null),
  datetime(2024-02-01 02:15), "h1", 90,
  datetime(2024-02-01 00:20), "h2", 5,
  datetime(2024-02-01 01:20), "h2", 7,
  datetime(2024-02-01 02:20), "h2", 6]`;

describe('evaluate rolling_percentile', () => {
  it('takes the nearest-rank percentile of the window that ends with each bin, nulls left out', () => {
    assert.deepEqual(
      rows(`${SENT} | where Host == "h1" | evaluate rolling_percentile(Bytes, 50, At, 1h, 2)`),
      [
        ['2024-02-01T00:00:00Z', 10], // 10, 30
        ['2024-02-01T01:00:00Z', 20], // 10, 30, 20
        ['2024-02-01T02:00:00Z', 20], // 20, 90
      ],
    );
    assert.deepEqual(
      rows(`${SENT} | where Host == "h1" | evaluate rolling_percentile(Bytes, 100, At, 1h, 1)`).map(
        (r) => r[1],
      ),
      [30, 20, 90],
    );
  });

  it('keeps each combination of dimensions apart', () => {
    assert.deepEqual(
      rows(`${SENT} | evaluate rolling_percentile(Bytes, 50, At, 1h, 3, Host) | where Host == "h2"`),
      [
        ['2024-02-01T00:00:00Z', 'h2', 5],
        ['2024-02-01T01:00:00Z', 'h2', 5],
        ['2024-02-01T02:00:00Z', 'h2', 6],
      ],
    );
  });

  it('refuses a bin with no rows inside a series, and a numeric index, by name', () => {
    assert.throws(
      () =>
        rows(
          `${SENT} | where At != datetime(2024-02-01 01:05) and At != datetime(2024-02-01 01:30) | where Host == "h1" | evaluate rolling_percentile(Bytes, 50, At, 1h, 2)`,
        ),
      refusedWith(/bin that has no rows/),
    );
    assert.throws(
      () => rows(`range i from 1 to 5 step 1 | evaluate rolling_percentile(i, 50, i, 1, 2)`),
      refusedWith(/numeric index/),
    );
  });
});
