import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { refusedWith, rows, run, scalar } from './executorHarness';

/**
 * User-defined functions (let f = (...) { ... }) and the smaller additions that real rules need:
 * table(), column_ifexists(), extract_json(), hasprefix/hassuffix, makeset/makelist/any, and
 * `extend Col` of an existing column.
 */
const TABLES = {
  A: [
    { x: 1, s: 'alpha' },
    { x: 2, s: 'beta' },
  ],
  B: [{ x: 10, s: 'gamma' }],
};

describe('executor: user-defined functions', () => {
  it('a tabular function with a default runs once per call, with table() naming the table', () => {
    const r = rows(
      'let f = (t:string, k:long = 1) { table(t) | where x >= k | extend src = t }; union f("A", 2), f("B") | order by x asc',
      TABLES,
    );
    assert.deepEqual(r, [
      [2, 'beta', 'A'],
      [10, 'gamma', 'B'],
    ]);
  });

  it('a scalar function is called per row, with defaults and lets of its own', () => {
    assert.deepEqual(rows('let g = (a:long, b:long = 10) { a * b + 1 }; A | project g(x), g(x, 2)', TABLES), [
      [11, 3],
      [21, 5],
    ]);
    assert.deepEqual(
      rows('let h = (v:string) { let u = toupper(v); strcat(u, "!") }; A | project h(s)', TABLES),
      [['ALPHA!'], ['BETA!']],
    );
  });

  it('parameters shadow outer names only inside the body; a tabular parameter takes a table', () => {
    assert.deepEqual(rows('let x = 5; let k = (x:long) { x + 1 }; print a = k(1), b = x'), [[2, 5]]);
    assert.deepEqual(rows('let n = (R:(x:long)) { R | summarize c = count() }; n(A)', TABLES), [[2]]);
    assert.deepEqual(rows('let z = () { A | take 1 | project x }; z', TABLES), [[1]]);
  });
});

describe('executor: functions and operators real rules use', () => {
  it('column_ifexists gives the column when the input has it, else the default', () => {
    assert.deepEqual(
      rows('A | project column_ifexists("s", "none"), column_ifexists("Missing", "none")', TABLES),
      [
        ['alpha', 'none'],
        ['beta', 'none'],
      ],
    );
  });

  it('extract_json and extractjson follow a JSONPath, typed or as a string', () => {
    const json = `'{"name": "John", "age": 30, "tags": ["a", "b"], "o": {"k": 1}}'`;
    assert.equal(scalar(`extract_json("$.name", ${json}, typeof(string))`), 'John');
    assert.equal(scalar(`extract_json("$.age", ${json}, typeof(long))`), 30);
    assert.equal(scalar(`extractjson("$.tags[1]", ${json})`), 'b');
    assert.equal(scalar(`extractjson("$['o']", ${json})`), '{"k":1}');
    assert.equal(scalar(`extract_json("$.missing", ${json})`), '');
    assert.equal(scalar(`extract_json("$.name", "not json")`), '');
  });

  it('hasprefix and hassuffix match the start or the end of a term', () => {
    assert.equal(scalar('"LAKE HURON" hasprefix "hu"'), true);
    assert.equal(scalar('"LAKE HURON" hasprefix "ur"'), false);
    assert.equal(scalar('"LAKE HURON" hassuffix "ron"'), true);
    assert.equal(scalar('"LAKE HURON" !hassuffix "lak"'), true);
    assert.equal(scalar('"LAKE HURON" hasprefix_cs "hu"'), false);
  });

  it('the deprecated makeset, makelist and any aggregate as their new names do', () => {
    assert.deepEqual(rows('A | summarize makeset(s), makelist(x), any(s)', TABLES), [
      [['alpha', 'beta'], [1, 2], 'alpha'],
    ]);
  });

  it('extend of an existing column by name keeps the column as it is', () => {
    assert.deepEqual(rows('A | extend s, n = strlen(s) | project x, s, n', TABLES), [
      [1, 'alpha', 5],
      [2, 'beta', 4],
    ]);
  });

  it('union gives a column per type to a name whose type differs between inputs (Name_type)', () => {
    const r = rows('let V1 = view () { print x = 1 }; let V2 = view () { print x = toint(2) }; union V1, V2');
    assert.deepEqual(r, [
      [1, null],
      [null, 2],
    ]);
    // A column that merely ends like a split one is its own column.
    assert.deepEqual(
      rows('let V1 = view () { print x = 1 }; let V3 = view () { print x_long = 3 }; union V1, V3'),
      [
        [1, null],
        [null, 3],
      ],
    );
    // The page renames View_1's x to x_long1 because View_3 owns x_long; the binder numbers the
    // later one, so its result lists the columns in another order: refused once they hold values.
    assert.throws(
      () =>
        rows(
          'let V1 = view () { print x = 1 }; let V2 = view () { print x = toint(2) }; let V3 = view () { print x_long = 3 }; union V1, V2, V3',
        ),
      refusedWith(/Kusto and the binder number the clashing column x_long1 differently/),
    );
    // When neither clashing column holds a value, the answer is the same either way.
    assert.deepEqual(
      rows(
        'let V1 = view () { print x = 1 | take 0 }; let V2 = view () { print x = toint(2) }; let V3 = view () { print x_long = 3 | take 0 }; union V1, V2, V3',
      ),
      [[null, 2, null]],
    );
  });

  it('a renamed column that meets a name already taken takes the next numeric suffix', () => {
    const t = run(
      'let A = datatable(T:string, n:long)["a", 1]; let B = datatable(T:guid, n:long)[guid(00000000-0000-0000-0000-000000000001), 2]; ' +
        'let C = datatable(T:string, n:long)["c", 3]; let AB = union A, B; union AB, B, C | order by n asc',
    ).tables[0];
    assert.deepEqual(
      t.columns.map((c) => `${c.name}:${c.type}`),
      ['T_string:string', 'T_guid:guid', 'n:long', 'T_guid1:guid', 'T_string1:string'],
    );
    const g = '00000000-0000-0000-0000-000000000001';
    assert.deepEqual(t.rows, [
      ['a', null, 1, null, ''],
      ['', g, 2, null, ''],
      ['', null, 2, g, ''],
      ['', null, 3, null, 'c'],
    ]);
  });

  it('summarize computes expressions over aggregates once each group is folded', () => {
    const r = rows(
      'T | summarize d = datetime_diff("minute", max(When), min(When)), c = count() * 2, s = strcat("n=", tostring(sum(N))) by K',
      {
        T: [
          { K: 'a', N: 1, When: '2024-01-01T00:00:00Z' },
          { K: 'a', N: 5, When: '2024-01-01T00:10:00Z' },
          { K: 'b', N: 2, When: '2024-01-01T00:00:00Z' },
        ],
      },
      { T: { K: 'string', N: 'long', When: 'datetime' } },
    );
    assert.deepEqual(r, [
      ['a', 10, 4, 'n=6'],
      ['b', 0, 2, 'n=2'],
    ]);
    assert.deepEqual(rows('T | summarize count() + 1', { T: [{ N: 1 }, { N: 2 }] }), [[3]]);
  });

  it('ingestion_time() reads _IngestionTime, else TimeGenerated', () => {
    const types = { T: { TimeGenerated: 'datetime', _IngestionTime: 'datetime' } };
    const r = rows(
      'T | project ingestion_time()',
      {
        T: [{ TimeGenerated: '2024-01-01T00:00:00Z', _IngestionTime: '2024-01-01T00:05:00Z' }],
      },
      types,
    );
    assert.deepEqual(r, [['2024-01-01T00:05:00Z']]);
    const s = rows(
      'U | project ingestion_time()',
      { U: [{ TimeGenerated: '2024-01-02T00:00:00Z' }] },
      {
        U: { TimeGenerated: 'datetime' },
      },
    );
    assert.deepEqual(s, [['2024-01-02T00:00:00Z']]);
  });
});
