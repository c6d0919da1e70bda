import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rows, run } from './executorHarness';

/** Statistical and conditional aggregates, with nulls, single rows and empty groups. */
describe('executor: aggregates', () => {
  const data = {
    T: [
      { g: 'a', x: 1, ok: true },
      { g: 'a', x: 3, ok: false },
      { g: 'a', x: null, ok: true },
      { g: 'b', x: 7, ok: null },
    ],
  };
  const types = { T: { g: 'string', x: 'long', ok: 'bool' } };

  it('takes the shuffle hints of summarize, which do not change its answer', () => {
    const plain = rows(
      'range x from 1 to 6 step 1 | summarize c = count(), m = arg_max(x, *) by b = x % 3 | order by b asc',
    );
    for (const hint of ['hint.strategy = shuffle', 'hint.shufflekey = x', 'hint.num_partitions = 2'])
      assert.deepEqual(
        rows(
          `range x from 1 to 6 step 1 | summarize ${hint} c = count(), m = arg_max(x, *) by b = x % 3 | order by b asc`,
        ),
        plain,
      );
    assert.deepEqual(plain, [
      [0, 2, 6],
      [1, 2, 4],
      [2, 2, 5],
    ]);
  });

  it('variance and stdev skip nulls; one value has a sample variance of 0', () => {
    assert.deepEqual(
      rows('T | summarize variance(x), variancep(x), stdev(x), stdevp(x) by g | order by g asc', data, types),
      [
        ['a', 2, 1, Math.SQRT2, 1],
        ['b', 0, 0, 0, 0],
      ],
    );
    assert.deepEqual(rows('T | where g == "none" | summarize variance(x), stdev(x)', data, types), [
      [null, null],
    ]);
  });

  it('a conditional aggregate keeps only rows whose predicate is true (a null predicate is not true)', () => {
    assert.deepEqual(
      rows(
        'T | summarize sumif(x, ok), avgif(x, ok), minif(x, ok), maxif(x, not(ok)), countif(ok), make_list_if(x, ok), make_set_if(g, x > 2)',
        data,
        types,
      ),
      [[1, 1, 1, 3, 2, [1], ['a', 'b']]],
    );
    assert.deepEqual(rows('T | where g == "b" | summarize sumif(x, ok), make_list_if(x, ok)', data, types), [
      [null, []],
    ]);
  });

  it('make_list_if and make_set_if take a size limit after the predicate', () => {
    assert.deepEqual(rows('range x from 1 to 10 step 1 | summarize make_list_if(x, x > 2, 3)'), [
      [[3, 4, 5]],
    ]);
  });

  it('make_list_with_nulls keeps a null as a null element', () => {
    assert.deepEqual(rows('T | summarize make_list_with_nulls(x)', data, types), [[[1, 3, null, 7]]]);
  });

  it('percentiles give one column per percentile, nearest rank, for numbers and datetimes', () => {
    assert.deepEqual(rows('range x from 1 to 10 step 1 | summarize percentiles(x, 0, 10, 55, 100)'), [
      [1, 1, 6, 10],
    ]);
    assert.deepEqual(
      rows(
        'range t from datetime(2024-01-01) to datetime(2024-01-04) step 1d | summarize percentiles(t, 50), percentiles_array(t, 50, 100)',
      ),
      [['2024-01-02T00:00:00Z', ['2024-01-02T00:00:00.0000000Z', '2024-01-04T00:00:00.0000000Z']]],
    );
    assert.deepEqual(rows('T | where g == "none" | summarize percentiles(x, 50, 90)', data, types), [
      [null, null],
    ]);
  });

  it('argmin/argmax are arg_min/arg_max, and (A, B) = names several result columns', () => {
    const events = {
      E: [
        { t: '2024-01-02T00:00:00Z', msg: 'late', id: 'x' },
        { t: '2024-01-01T00:00:00Z', msg: 'early', id: 'x' },
        { t: '2024-01-03T00:00:00Z', msg: 'only', id: 'y' },
      ],
    };
    const types = { E: { t: 'datetime', msg: 'string', id: 'string' } };
    assert.deepEqual(
      rows('E | summarize (First, Title) = argmin(t, msg) by id | order by id asc', events, types),
      [
        ['x', '2024-01-01T00:00:00Z', 'early'],
        ['y', '2024-01-03T00:00:00Z', 'only'],
      ],
    );
    assert.deepEqual(rows('E | summarize argmax(t, msg)', events, types), [['2024-01-03T00:00:00Z', 'only']]);
  });

  it('arg_max(x, *) leaves out only the columns a by item names plainly; a computed one stays, renamed', () => {
    const data =
      'datatable(TimeGenerated:datetime, t:datetime, a:string, b:string)[datetime(2020-01-01 01:30), datetime(2020-01-01), "x", "y"]';
    const t = run(`${data} | summarize c=count(), L = arg_max(t,*) by bin(TimeGenerated,1h), a`).tables[0];
    assert.deepEqual(
      t.columns.map((c) => c.name),
      ['TimeGenerated', 'a', 'c', 'L', 'TimeGenerated1', 'b'],
    );
    assert.deepEqual(t.rows, [
      ['2020-01-01T01:00:00Z', 'x', 1, '2020-01-01T00:00:00Z', '2020-01-01T01:30:00Z', 'y'],
    ]);
    assert.deepEqual(rows(`${data} | summarize L = arg_max(t,*) by a = b`), [
      ['y', '2020-01-01T00:00:00Z', '2020-01-01T01:30:00Z', 'x'],
    ]);
  });

  it('take_any of one column prefers a non-empty value; of several columns or * takes them from one record', () => {
    const T = 'datatable(a:long, b:string, c:long)[1, "", 3, 1, "y", 4, 2, "z", 5]';
    assert.deepEqual(rows(`${T} | summarize take_any(b) by a | order by a asc`), [
      [1, 'y'],
      [2, 'z'],
    ]);
    // One record per group: b and c always belong together.
    const r = rows(`${T} | summarize s = make_set(c), take_any(*) by a | order by a asc`);
    assert.equal(r.length, 2);
    for (const [a, , b, c] of r)
      assert.ok(
        (a === 1 && ((b === '' && c === 3) || (b === 'y' && c === 4))) || (a === 2 && b === 'z' && c === 5),
      );
    const t = run(`${T} | summarize any(b, c)`).tables[0];
    assert.deepEqual(
      t.columns.map((x) => x.name),
      ['any_b', 'any_c'],
    );
    assert.deepEqual(t.rows, [['', 3]]);
  });
});
