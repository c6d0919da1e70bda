import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { refusedWith, rows, run } from './executorHarness';

// A sign-in followed by a download, per address: our own small timeline.
const EVENTS = (extra = '') => `datatable(At:datetime, Action:string, Ip:string)[
  datetime(2024-01-01 10:00:00), "login", "10.0.0.1",
  datetime(2024-01-01 10:00:03), "download", "10.0.0.1",
  datetime(2024-01-01 10:00:06), "download", "10.0.0.1",
  datetime(2024-01-01 10:00:20), "download", "10.0.0.1",
  datetime(2024-01-01 10:00:04), "login", "10.0.0.1",
  datetime(2024-01-01 10:00:01), "download", "10.0.0.2",
  datetime(2024-01-01 09:59:59), "login", "10.0.0.3",
  datetime(2024-01-01 10:00:02), "other", "10.0.0.3",
  datetime(2024-01-01 10:00:05), "download", "10.0.0.3"${extra}]`;
const DETECT = (stepWindow: string, span: string) =>
  `| evaluate sequence_detect(At, ${stepWindow}, ${span}, login = (Action == "login"), fetch = (Action == "download"), Ip)`;

describe('evaluate sequence_detect', () => {
  it('pairs every first step with every later second step of the same dimensions inside the windows', () => {
    const result = run(`${EVENTS()} ${DETECT('10s', '1m')}`).tables[0];
    assert.deepEqual(
      result.columns.map((c) => `${c.name}:${c.type}`),
      ['Ip:string', 'login_At:datetime', 'fetch_At:datetime', 'Duration:timespan'],
    );
    assert.deepEqual(result.rows, [
      ['10.0.0.3', '2024-01-01T09:59:59Z', '2024-01-01T10:00:05Z', '00:00:06'],
      ['10.0.0.1', '2024-01-01T10:00:00Z', '2024-01-01T10:00:03Z', '00:00:03'],
      ['10.0.0.1', '2024-01-01T10:00:00Z', '2024-01-01T10:00:06Z', '00:00:06'],
      ['10.0.0.1', '2024-01-01T10:00:04Z', '2024-01-01T10:00:06Z', '00:00:02'],
    ]);
  });

  it('keeps only occurrences inside the smaller of the two windows', () => {
    const durations = (stepWindow: string, span: string) =>
      rows(`${EVENTS()} ${DETECT(stepWindow, span)} | project Duration`).map((r) => r[0]);
    assert.deepEqual(durations('5s', '1m'), ['00:00:03', '00:00:02']);
    assert.deepEqual(durations('1m', '5s'), ['00:00:03', '00:00:02']);
    assert.deepEqual(durations('1s', '1s'), []);
  });

  it('refuses, by name, what its page leaves open', () => {
    assert.throws(
      () => rows(`${EVENTS()} ${DETECT('3s', '1m')}`),
      refusedWith(/gap exactly equal to a window/),
    );
    assert.throws(
      () =>
        rows(`${EVENTS(', datetime(2024-01-01 10:00:04), "download", "10.0.0.1"')} ${DETECT('10s', '1m')}`),
      refusedWith(/same instant/),
    );
    assert.throws(
      () =>
        rows(
          `${EVENTS()} | evaluate sequence_detect(At, 10s, 1m, a = (Action == "login"), b = (Action == "other"), c = (Action == "download"), Ip)`,
        ),
      refusedWith(/3 steps/),
    );
    assert.throws(
      () =>
        rows(
          `${EVENTS()} | evaluate sequence_detect(At, 10s, 1m, a = (Action == "login"), b = (Action != "other"), Ip)`,
        ),
      refusedWith(/one row matches two steps/),
    );
    assert.throws(
      () => rows(`${EVENTS(', datetime(null), "login", "10.0.0.9"')} ${DETECT('10s', '1m')}`),
      refusedWith(/no time/),
    );
  });

  it('gives no rows when nothing follows in order', () => {
    assert.deepEqual(
      rows(
        `datatable(At:datetime, Action:string, Ip:string)[datetime(2024-01-01 10:00:05), "login", "a", datetime(2024-01-01 10:00:01), "download", "a"] ${DETECT('1m', '1m')}`,
      ),
      [],
    );
  });
});
