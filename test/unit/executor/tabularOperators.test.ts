import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { executeQuery } from '../../../server/src/executor/executor';
import { rows, run, workspaceOf } from './executorHarness';

const T = {
  T: [
    { Name: 'alpha', N: 1, When: '2024-05-09T10:15:00Z', Tags: ['x', 'y'] },
    { Name: 'beta', N: 2, When: '2024-05-09T11:45:00Z', Tags: ['y'] },
    { Name: 'gamma', N: 3, When: '2024-05-08T23:00:00Z', Tags: [] },
    { Name: 'alpha', N: 4, When: '2024-05-10T01:00:00Z', Tags: ['z'] },
  ],
};

describe('engine: tabular operators', () => {
  it('where, project, extend, project-away, project-rename, project-reorder', () => {
    assert.deepEqual(rows('T | where N > 2 | project Name, Twice = N * 2', T), [
      ['gamma', 6],
      ['alpha', 8],
    ]);
    const r = run(
      'T | extend M = N + 1, N + 10 | project-away Tags, When | project-rename Label = Name | project-reorder M',
      T,
    ).tables[0];
    assert.deepEqual(
      r.columns.map((c) => c.name),
      ['M', 'Label', 'N', 'Column1'],
    );
    assert.deepEqual(r.rows[0], [2, 'alpha', 1, 11]);
  });

  it('summarize with by, bin() and the aggregate family', () => {
    const r = run(
      `T | summarize c = count(), ci = countif(N > 1), dc = dcount(Name), mn = min(N), mx = max(N), s = sum(N), a = avg(N),
      ls = make_list(Name), st = make_set(Name), any = take_any(Name) by Day = bin(When, 1d) | order by Day asc`,
      T,
    ).tables[0];
    assert.deepEqual(
      r.columns.map((c) => c.name),
      ['Day', 'c', 'ci', 'dc', 'mn', 'mx', 's', 'a', 'ls', 'st', 'any'],
    );
    assert.deepEqual(r.rows[0], ['2024-05-08T00:00:00Z', 1, 1, 1, 3, 3, 3, 3, ['gamma'], ['gamma'], 'gamma']);
    assert.deepEqual(r.rows[1], [
      '2024-05-09T00:00:00Z',
      2,
      1,
      2,
      1,
      2,
      3,
      1.5,
      ['alpha', 'beta'],
      ['alpha', 'beta'],
      'alpha',
    ]);
  });

  it('summarize without by returns one row even for no input', () => {
    assert.deepEqual(rows('T | where N > 100 | summarize count(), sum(N)', T), [[0, null]]);
  });

  it('arg_max and arg_min carry the chosen row', () => {
    assert.deepEqual(rows('T | summarize arg_max(N, When) by Name | order by Name asc', T), [
      ['alpha', 4, '2024-05-10T01:00:00Z'],
      ['beta', 2, '2024-05-09T11:45:00Z'],
      ['gamma', 3, '2024-05-08T23:00:00Z'],
    ]);
    const star = run('T | summarize arg_min(N, *) by Name | where Name == "alpha"', T).tables[0];
    assert.deepEqual(
      star.columns.map((c) => c.name),
      ['Name', 'N', 'When', 'Tags'],
    );
    assert.deepEqual(star.rows, [['alpha', 1, '2024-05-09T10:15:00Z', ['x', 'y']]]);
  });

  it('make_set flattens dynamic arrays, make_bag merges bags, percentile uses nearest rank', () => {
    assert.deepEqual(rows('T | summarize s = make_set(Tags)', T), [[['x', 'y', 'z']]]);
    assert.deepEqual(rows('range x from 1 to 10 step 1 | summarize percentile(x, 50), percentile(x, 90)'), [
      [5, 9],
    ]);
    assert.deepEqual(
      rows('print b = bag_pack("k", 1) | union (print b = bag_pack("j", 2)) | summarize make_bag(b)'),
      [[{ k: 1, j: 2 }]],
    );
  });

  it('take, top, sort (with nulls), distinct, count', () => {
    assert.equal(rows('T | take 2', T).length, 2);
    assert.deepEqual(rows('T | top 2 by N desc | project N', T), [[4], [3]]);
    assert.deepEqual(rows('datatable(x:long)[2, long(null), 1] | sort by x asc', {}), [[null], [1], [2]]);
    assert.deepEqual(rows('datatable(x:long)[2, long(null), 1] | sort by x desc', {}), [[2], [1], [null]]);
    assert.deepEqual(rows('datatable(x:long)[2, long(null), 1] | sort by x desc nulls first', {}), [
      [null],
      [2],
      [1],
    ]);
    assert.deepEqual(rows('T | distinct Name | order by Name asc', T), [['alpha'], ['beta'], ['gamma']]);
    assert.deepEqual(rows('T | count', T), [[4]]);
  });

  it('join kinds follow Kusto, including innerunique de-duplicating the left side', () => {
    // The documented example: X has a twice, Y has b twice.
    const X = 'datatable(Key:string, Value1:long)["a",1,"b",2,"b",3,"c",4]';
    const Y = 'datatable(Key:string, Value2:long)["b",10,"c",20,"c",30,"d",40]';
    const q = (kind: string) =>
      rows(`${X} | join kind=${kind} ${Y} on Key | order by Key asc, Value1 asc, Value2 asc`);
    assert.deepEqual(rows(`${X} | join ${Y} on Key | order by Key asc, Value2 asc`), [
      ['b', 2, 'b', 10],
      ['c', 4, 'c', 20],
      ['c', 4, 'c', 30],
    ]);
    assert.deepEqual(q('inner'), [
      ['b', 2, 'b', 10],
      ['b', 3, 'b', 10],
      ['c', 4, 'c', 20],
      ['c', 4, 'c', 30],
    ]);
    assert.equal(q('leftouter').length, 5);
    assert.deepEqual(q('leftouter')[0], ['a', 1, '', null]);
    assert.equal(q('rightouter').length, 5);
    assert.equal(q('fullouter').length, 6);
    assert.deepEqual(rows(`${X} | join kind=leftsemi ${Y} on Key | order by Value1 asc`), [
      ['b', 2],
      ['b', 3],
      ['c', 4],
    ]);
    assert.deepEqual(rows(`${X} | join kind=leftanti ${Y} on Key`), [['a', 1]]);
    assert.deepEqual(rows(`${X} | join kind=rightanti ${Y} on Key`), [['d', 40]]);
    assert.deepEqual(rows(`${X} | join kind=rightsemi ${Y} on Key | order by Value2 asc`), [
      ['b', 10],
      ['c', 20],
      ['c', 30],
    ]);
    assert.deepEqual(
      rows(
        `${X} | join kind=inner (${Y} | project K2 = Key, Value2) on $left.Key == $right.K2 | where Value2 == 10 | project Value1`,
      ),
      [[2], [3]],
    );
  });

  it('lookup, union, as, let (tabular, scalar, materialize)', () => {
    assert.deepEqual(
      rows(
        'T | lookup (datatable(Name:string, Team:string)["alpha","red"]) on Name | project Name, Team | take 3',
        T,
      ),
      [
        ['alpha', 'red'],
        ['beta', ''],
        ['gamma', ''],
      ],
    );
    assert.deepEqual(rows('print a = 1 | union (print a = 2), (print b = "x") | order by a asc'), [
      [null, 'x'],
      [1, ''],
      [2, ''],
    ]);
    assert.deepEqual(rows('let n = 2; let big = materialize(T | where N >= n); big | as Big | count', T), [
      [3],
    ]);
  });

  it('mv-expand, parse, datatable, range, print, render', () => {
    assert.deepEqual(
      rows('T | where Name == "alpha" | mv-expand Tags to typeof(string) | project N, Tags', T),
      [
        [1, 'x'],
        [1, 'y'],
        [4, 'z'],
      ],
    );
    assert.deepEqual(
      rows(
        'print s = "user=bob action=login id=42" | parse s with "user=" User " action=" Action " id=" Id:long | project User, Action, Id',
      ),
      [['bob', 'login', 42]],
    );
    assert.deepEqual(rows('print s = "nothing here" | parse s with "user=" User " " * | project User'), [
      [''],
    ]);
    assert.deepEqual(rows('range d from datetime(2024-01-01) to datetime(2024-01-03) step 1d'), [
      ['2024-01-01T00:00:00Z'],
      ['2024-01-02T00:00:00Z'],
      ['2024-01-03T00:00:00Z'],
    ]);
    const r = run('T | summarize count() by Name | render barchart with (title="Names")', T);
    assert.deepEqual(r.chart, { type: 'barchart', properties: { title: '"Names"' } });
  });

  it('reports a query error from the binder instead of running', () => {
    assert.throws(() => run('T | where NoSuchColumn > 1', T), /NoSuchColumn/);
  });

  it('refuses unsupported operators and functions by name', () => {
    assert.throws(
      () => run('T | extend h = cursor_current()', T),
      /function cursor_current\(\) is not supported/,
    );
    assert.throws(
      () => run('T | summarize hll(N)', T),
      /hll\(\) sketch in the query's output is not supported/,
    );
    assert.throws(
      () => run('T | evaluate autocluster()', T),
      /the plugin autocluster\(\) \(evaluate autocluster\) is not supported/,
    );
  });

  it('honours rowLimit and cancellation', () => {
    const workspace = workspaceOf({});
    const r = executeQuery('range x from 1 to 100 step 1', { workspace, rowLimit: 10 });
    assert.equal(r.tables[0].rows.length, 10);
    assert.equal(r.stats.truncated, true);
    const controller = new AbortController();
    controller.abort();
    assert.throws(
      () => executeQuery('range x from 1 to 100 step 1', { workspace, signal: controller.signal }),
      /cancelled/,
    );
  });

  it('project-by-names keeps the columns named, listed in arrays or matched by a wildcard, in that order', () => {
    const t = "datatable(Proc:string, ProcId:long, Host:string)['tvnserver.exe', 42, 'pc1']";
    assert.deepEqual(
      run(`${t} | project-by-names "Host", "Proc*"`).tables[0].columns.map((c) => c.name),
      ['Host', 'Proc', 'ProcId'],
    );
    assert.deepEqual(rows(`${t} | project-by-names dynamic(["ProcId", "Missing"]), "Host"`), [[42, 'pc1']]);
  });
});
