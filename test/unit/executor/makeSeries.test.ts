import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ExecutionError } from '../../../server/src/executor/errors';
import { rows } from './executorHarness';

/** make-series (make-series-operator.md): bins, defaults, groups, both range syntaxes, empty input. */
describe('executor: make-series', () => {
  const T = {
    T: [
      { t: '2017-01-01T00:00:00Z', v: 4, g: 'a' },
      { t: '2017-01-01T12:00:00Z', v: 6, g: 'b' },
      { t: '2017-01-03T03:00:00Z', v: 5, g: 'a' },
      { t: null, v: 100, g: 'a' },
      { t: '2017-01-09T00:00:00Z', v: 7, g: 'a' },
    ],
  };
  const types = { T: { t: 'datetime', v: 'long', g: 'string' } };
  const day = (d: number) => `2017-01-0${d}T00:00:00.0000000Z`;

  it('bins from..to (to exclusive), fills empty bins with the default, and skips a null axis', () => {
    assert.deepEqual(
      rows(
        'T | make-series s=sum(v) default=-1 on t from datetime(2017-01-01) to datetime(2017-01-04) step 1d',
        T,
        types,
      ),
      [
        [
          [10, -1, 5],
          [day(1), day(2), day(3)],
        ],
      ],
    );
  });

  it('gives every group the same axis and puts the by columns first', () => {
    assert.deepEqual(
      rows(
        'T | make-series c=count() on t from datetime(2017-01-01) to datetime(2017-01-03) step 1d by g | order by g asc',
        T,
        types,
      ),
      [
        ['a', [1, 0], [day(1), day(2)]],
        ['b', [1, 0], [day(1), day(2)]],
      ],
    );
  });

  it('without from/to, runs from the bin of the least axis value to the bin of the greatest', () => {
    const r = rows('T | make-series c=count() on t step 4d', T, types);
    // bin() counts from 0001-01-01, so 4-day bins here start on 2016-12-31, 2017-01-04 and 2017-01-08.
    assert.deepEqual(r, [
      [
        [3, 0, 1],
        ['2016-12-31T00:00:00.0000000Z', '2017-01-04T00:00:00.0000000Z', '2017-01-08T00:00:00.0000000Z'],
      ],
    ]);
  });

  it('in range(start, stop, step) includes the stop and bins with bin()', () => {
    assert.deepEqual(
      rows(
        'T | make-series c=count() on t in range(datetime(2017-01-01), datetime(2017-01-03), 1d)',
        T,
        types,
      ),
      [
        [
          [2, 0, 1],
          [day(1), day(2), day(3)],
        ],
      ],
    );
  });

  it('bins a numeric axis', () => {
    assert.deepEqual(rows('range x from 1 to 5 step 1 | make-series s=sum(x) on x from 0 to 6 step 2'), [
      [
        [1, 5, 9],
        [0, 2, 4],
      ],
    ]);
  });

  it('an empty input gives no rows, unless kind=nonempty asks for one of defaults', () => {
    const q =
      'T | take 0 | make-series %K avg(v) default=1.0 on t from datetime(2017-01-01) to datetime(2017-01-03) step 1d';
    assert.deepEqual(rows(q.replace('%K', ''), T, types), []);
    // The real default of a real aggregate is a real inside the series (wholeReals.ts).
    assert.deepEqual(rows(q.replace('%K', 'kind=nonempty'), T, types), [['[1.0,1.0]', [day(1), day(2)]]]);
  });

  it('refuses a step that is not positive', () => {
    assert.throws(
      () =>
        rows(
          'T | make-series count() on t from datetime(2017-01-01) to datetime(2017-01-03) step -1d',
          T,
          types,
        ),
      (e) => e instanceof ExecutionError && /positive step/.test(e.message),
    );
  });
});
