import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ExecutionError } from '../../../server/src/executor/errors';
import { rows } from './executorHarness';

const times = (...hm: string[]) =>
  `datatable(t:datetime)[${hm.map((x) => (x === 'null' ? 'datetime(null)' : `datetime(2024-04-11 ${x})`)).join(', ')}]`;
const at = (hm: string) => `2024-04-11T${hm}:00Z`;

/** row_window_session (row-window-session-function.md): the start of each row's session. */
describe('executor: row_window_session', () => {
  it('gives the documented sessions, restarting where the predicate says', () => {
    assert.deepEqual(
      rows(
        'datatable (ID:string, Timestamp:datetime) ["1", datetime(2024-04-11 10:00:00), "2", datetime(2024-04-11 10:18:00), "1", datetime(2024-04-11 11:00:00), "3", datetime(2024-04-11 11:30:00), "2", datetime(2024-04-11 13:30:00), "2", datetime(2024-04-11 10:16:00)] | sort by ID asc, Timestamp asc | extend SessionStarted = row_window_session(Timestamp, 1h, 5m, ID != prev(ID))',
      ).map((r) => r[2]),
      [at('10:00'), at('11:00'), at('10:16'), at('10:16'), at('13:30'), at('11:30')],
    );
  });

  it('starts a session at exactly the neighbour distance and at exactly the distance from the first', () => {
    assert.deepEqual(
      rows(`${times('10:00', '10:04', '10:09', '10:13')} | serialize s = row_window_session(t, 1h, 5m)`).map(
        (r) => r[1],
      ),
      [at('10:00'), at('10:00'), at('10:09'), at('10:09')],
    );
    assert.deepEqual(
      rows(`${times('10:00', '10:04', '10:08', '10:10')} | serialize s = row_window_session(t, 10m, 5m)`).map(
        (r) => r[1],
      ),
      [at('10:00'), at('10:00'), at('10:00'), at('10:10')],
    );
  });

  it('gives null for a null value and starts a new session after it', () => {
    assert.deepEqual(
      rows(`${times('10:00', 'null', '10:01', '10:02')} | serialize s = row_window_session(t, 1h, 5m)`).map(
        (r) => r[1],
      ),
      [at('10:00'), null, at('10:01'), at('10:01')],
    );
    // A restart that is null does not restart.
    assert.deepEqual(
      rows(
        `${times('10:00', '10:01')} | serialize s = row_window_session(t, 1h, 5m, iff(t > datetime(2024-04-11 10:00), bool(null), false))`,
      ).map((r) => r[1]),
      [at('10:00'), at('10:00')],
    );
  });

  it('returns no rows for empty input and needs a serialized row set', () => {
    assert.deepEqual(rows(`${times('10:00')} | take 0 | serialize s = row_window_session(t, 1h, 5m)`), []);
    assert.throws(
      () => rows(`${times('10:00')} | extend s = row_window_session(t, 1h, 5m)`),
      (e) => e instanceof ExecutionError && /needs a serialized row set/.test(e.message),
    );
  });
});
