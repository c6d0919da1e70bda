import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { refusedWith, rows, scalar } from './executorHarness';

/** datetime_utc_to_local and datetime_local_to_utc: the pages' examples, DST changes, nulls and edges. */
const iso = (v: unknown) => String(v);

describe('executor: time zone conversions', () => {
  it('give the pages examples and keep the 100 ns ticks', () => {
    assert.deepEqual(
      rows(
        "print dt=datetime(2022-07-11 22:18:48.4678620) | project datetime_utc_to_local(dt, 'US/Pacific'), datetime_utc_to_local(dt, 'Australia/Canberra')",
      )[0].map(iso),
      ['2022-07-11T15:18:48.4678620Z', '2022-07-12T08:18:48.4678620Z'].map((s) => rowsText(s)),
    );
    assert.equal(
      iso(scalar("datetime_local_to_utc(datetime(2020-02-02 20:02:20), 'America/Chicago')")),
      rowsText('2020-02-03T02:02:20.0000000Z'),
    );
  });

  it('read a skipped local time with the offset after the change, as the Brussels example does', () => {
    const r = rows(
      "range Local from datetime(2022-03-27 01:00:00) to datetime(2022-03-27 03:00:00) step 1h | extend UTC=datetime_local_to_utc(Local, 'Europe/Brussels') | extend Back=datetime_utc_to_local(UTC, 'Europe/Brussels') | project UTC, Back",
    );
    assert.deepEqual(
      r.map((x) => x.map(iso)),
      [
        ['2022-03-27T00:00:00', '2022-03-27T01:00:00'],
        ['2022-03-27T00:00:00', '2022-03-27T01:00:00'],
        ['2022-03-27T01:00:00', '2022-03-27T03:00:00'],
      ].map((x) => x.map((s) => rowsText(`${s}.0000000Z`))),
    );
  });

  it('refuse an ambiguous local time and an unknown zone, and pass null through', () => {
    assert.throws(
      () => scalar("datetime_local_to_utc(datetime(2022-10-30 02:30), 'Europe/Brussels')"),
      refusedWith(/occurs twice/),
    );
    // Just outside the repeated hour there is one reading.
    assert.equal(
      iso(scalar("datetime_local_to_utc(datetime(2022-10-30 03:30), 'Europe/Brussels')")),
      rowsText('2022-10-30T02:30:00.0000000Z'),
    );
    assert.throws(() => scalar("datetime_utc_to_local(now(), 'Mars/Olympus')"), refusedWith(/Mars\/Olympus/));
    assert.equal(scalar("datetime_utc_to_local(datetime(null), 'UTC')"), null);
    assert.throws(
      () => scalar("datetime_utc_to_local(datetime(2020-01-01), '')"),
      refusedWith(/time zone ''/),
    );
  });

  it('give null past the end of the datetime range', () => {
    assert.equal(scalar("datetime_utc_to_local(datetime(9999-12-31 23:00), 'Asia/Tokyo')"), null);
    assert.equal(
      iso(scalar("datetime_utc_to_local(datetime(2024-06-01 00:00:00.0000001), 'Asia/Kolkata')")),
      rowsText('2024-06-01T05:30:00.0000001Z'),
    );
  });
});

/** The executor's own text of a datetime, so the assertions compare like with like. */
function rowsText(isoText: string): string {
  return String(scalar(`datetime(${isoText})`));
}
