import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { refusedWith, rows, run } from './executorHarness';

const STEPS = `datatable (Ts: timespan, Event: string) [0m, "A", 1m, "Start", 2m, "B", 3m, "D", 4m, "Stop", 6m, "C", 8m, "Start", 11m, "E", 12m, "Stop"]
| sort by Ts asc`;

/** The scan operator (scan-operator.md), beyond the page's own examples in the conformance measure. */
describe('executor: scan', () => {
  it("follows the page's walkthrough: sequences move up a step, and records outside one are dropped", () => {
    const result = rows(`${STEPS}
| scan with_match_id=m_id with (
    step s1: Event == "Start";
    step s2: Event != "Start" and Event != "Stop" and Ts - s1.Ts <= 5m;
    step s3: Event == "Stop" and Ts - s1.Ts <= 5m;
)`);
    assert.deepEqual(
      result.map((r) => `${r[1]}:${r[2]}`),
      ['Start:0', 'B:0', 'D:0', 'Stop:0', 'Start:1', 'E:1', 'Stop:1'],
    );
  });

  it('tries the last step first, so one record can end a sequence at step 2 and start another at step 1', () => {
    // Record 3 continues sequence 0 at s2 and then starts sequence 1 at s1; record 4 moves
    // sequence 1 up to s2, replacing sequence 0 there.
    assert.deepEqual(
      rows('range x from 1 to 5 step 1 | scan with_match_id=m with (step s1: x % 2 == 1; step s2: true;)'),
      [
        [1, 0],
        [2, 0],
        [3, 0],
        [3, 1],
        [4, 1],
        [5, 1],
        [5, 2],
      ],
    );
  });

  it('adds no match id column unless with_match_id names one', () => {
    const result = run(
      'range x from 1 to 3 step 1 | scan declare (c:long=0) with (step s1: true => c = s1.c + x;)',
    );
    assert.deepEqual(
      result.tables[0].columns.map((c) => `${c.name}:${c.type}`),
      ['x:long', 'c:long'],
    );
    assert.deepEqual(result.tables[0].rows, [
      [1, 1],
      [2, 3],
      [3, 6],
    ]);
  });

  it('reads a declared column without a default as null, and a string one as empty', () => {
    assert.deepEqual(
      rows(
        'range x from 1 to 3 step 1 | scan declare (c:long, s:string) with (step s1: true => c = s1.c + x, s = strcat(s1.s, "-");)',
      ),
      [
        [1, null, '-'],
        [2, null, '--'],
        [3, null, '---'],
      ],
    );
  });

  it('reads defaults of each type, and refuses one that is not of its column type', () => {
    assert.deepEqual(
      rows(
        'print x = 1 | scan declare (t:datetime=datetime(2024-01-02), r:real=2, s:string="a") with (step s1: true;)',
      ),
      [[1, '2024-01-02T00:00:00Z', 2, 'a']],
    );
    assert.throws(
      () => rows('print x = 1 | scan declare (t:datetime="soon") with (step s1: true;)'),
      refusedWith(/the default '"soon"' of the scan column 't' \(datetime\)/),
    );
  });

  it('gives an unassigned declared column its default, not the value in the state', () => {
    assert.deepEqual(
      rows(
        'range x from 1 to 3 step 1 | scan declare (a:long=7, b:long=0) with (step s1: x == 1 => a = 100; step s2: true => b = s1.a;)',
      ),
      [
        [1, 100, 0],
        [2, 7, 100],
        [3, 7, 100],
      ],
    );
  });

  it('keeps output=none matches out of the output while they still move the sequence', () => {
    assert.deepEqual(
      rows(
        'range x from 1 to 4 step 1 | scan declare (f:long) with (step s1 output=none: x == 1 => f = x; step s2: x > 1 => f = s1.f;)',
      ),
      [
        [2, 1],
        [3, 1],
        [4, 1],
      ],
    );
  });

  it('leaves a let variable that a step name hides as it was after the scan', () => {
    assert.deepEqual(
      rows('let s1 = 5; range x from 1 to 2 step 1 | scan with (step s1: x > 1;) | extend y = s1'),
      [[2, 5]],
    );
  });

  it('refuses what the page does not define, by name', () => {
    assert.throws(
      () => rows('range x from 1 to 3 step 1 | scan with (step s1 output=last: true;)'),
      refusedWith(/scan step 's1' with output=last/),
    );
    assert.throws(
      () => rows('range x from 1 to 3 step 1 | scan declare (c:long=0) with (step s1: true => c = x + c;)'),
      refusedWith(/declared column 'c' without a step name/),
    );
  });
});
