import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { refusedWith, run } from './executorHarness';

const tablesOf = (query: string) => run(query).tables.map((t) => ({ name: t.name, rows: t.rows }));

describe('queries that give several tables, or none', () => {
  it('fork runs each subquery over the same input, naming its tables as the page says', () => {
    assert.deepEqual(
      tablesOf(
        'range x from 1 to 5 step 1 | where x > 1 | fork Small = (where x < 3) (summarize n = count() | as Counted) (take 1)',
      ),
      [
        { name: 'Small', rows: [[2]] },
        { name: 'Counted', rows: [[4]] },
        { name: 'GenericResult', rows: [[2]] },
      ],
    );
  });

  it('facet gives the with table first, then each column with how many rows hold each value', () => {
    const got = run(
      'datatable(User:string, Host:string)["ann","h1", "bob","h1", "ann","h2", "",""] | facet by User, Host with (where Host == "h1" | project User)',
    ).tables;
    assert.deepEqual(
      got.map((t) => t.columns.map((c) => c.name)),
      [['User'], ['User', 'count_User'], ['Host', 'count_Host']],
    );
    assert.deepEqual(got[0].rows, [['ann'], ['bob']]);
    assert.deepEqual(got[1].rows, [
      ['ann', 2],
      ['bob', 1],
      ['', 1],
    ]);
    assert.deepEqual(got[2].rows, [
      ['h1', 2],
      ['h2', 1],
      ['', 1],
    ]);
  });

  it('preview gives the first rows and the input count as two tables, only as the last step', () => {
    assert.deepEqual(
      run('range x from 1 to 10 step 1 | where x % 2 == 0 | evaluate preview(2)').tables.map((t) => [
        t.columns.map((c) => c.name),
        t.rows,
      ]),
      [
        [['x'], [[2], [4]]],
        [['Count'], [[5]]],
      ],
    );
    assert.throws(
      () => run('range x from 1 to 10 step 1 | evaluate preview(2) | count'),
      refusedWith(/last step/),
    );
  });

  it('consume reads its input and returns an empty table', () => {
    assert.deepEqual(tablesOf('range x from 1 to 5 step 1 | consume'), [{ name: 'PrimaryResult', rows: [] }]);
    assert.throws(
      () => run('datatable(s:string)["a b"] | reduce by s | consume'),
      refusedWith(/'reduce' operator/),
    );
  });

  it('names the operator, with its reason, when the result is a graph', () => {
    assert.throws(
      () => run('range x from 1 to 3 step 1 | make-graph x --> x with_node_id=x'),
      refusedWith(/'make-graph' operator as a query's result.*graphs/),
    );
  });

  it('refuses reduce and top-hitters with the reason', () => {
    assert.throws(
      () => run('datatable(s:string)["a b"] | reduce by s'),
      refusedWith(/'reduce' operator.*patterns/),
    );
    assert.throws(
      () => run('range x from 1 to 5 step 1 | top-hitters 2 of x'),
      refusedWith(/'top-hitters' operator.*Count-Min/),
    );
  });
});
