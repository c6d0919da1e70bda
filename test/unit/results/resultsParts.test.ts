import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chartModel, withMissingBins } from '../../../client/src/results/chartData';
import {
  formatExpanded,
  formatValue,
  isExpandable,
  rowAsText,
  spreadsheetSafe,
  toCsv,
  toJson,
} from '../../../server/src/protocol/resultText';
import { nextSort, rowWindow, visibleRows } from '../../../client/src/results/gridModel';
import { parseWebviewMessage } from '../../../client/src/results/messages';
import { runSummary } from '../../../client/src/run/runSummary';
import type { ResultTable } from '../../../server/src/protocol/queryRun';

const TABLE: ResultTable = {
  name: 'PrimaryResult',
  columns: [
    { name: 'DeviceName', type: 'string' },
    { name: 'Count', type: 'long' },
    { name: 'Report', type: 'dynamic' },
  ],
  rows: [
    ['ws-02', 10, ['r1', 'r2']],
    ['<img src=x onerror=alert(1)>', 2, { a: 1 }],
    [null, 5, null],
    ['=HYPERLINK("http://x")', -3, '{"k":"v"}'],
  ],
};

describe('value text', () => {
  it('shows every value as plain text, markup included', () => {
    assert.deepEqual(
      TABLE.rows.map((r) => r.map(formatValue)),
      [
        ['ws-02', '10', '["r1","r2"]'],
        ['<img src=x onerror=alert(1)>', '2', '{"a":1}'],
        ['', '5', ''],
        ['=HYPERLINK("http://x")', '-3', '{"k":"v"}'],
      ],
    );
    assert.equal(formatExpanded('{"k":"v"}'), '{\n  "k": "v"\n}');
    assert.equal(isExpandable({ a: 1 }, TABLE.columns[2]), true);
    assert.equal(isExpandable('{"k":1}', TABLE.columns[2]), true);
    assert.equal(isExpandable('{"k":1}', TABLE.columns[0]), false);
    assert.equal(rowAsText(['a\tb', 1, null], TABLE.columns), 'a b\t1\t');
  });

  it('exports CSV with quoting and neutralised formulas, and JSON in the Log Analytics shape', () => {
    assert.equal(
      toCsv(TABLE),
      [
        'DeviceName,Count,Report',
        'ws-02,10,"[""r1"",""r2""]"',
        '<img src=x onerror=alert(1)>,2,"{""a"":1}"',
        ',5,',
        '"\'=HYPERLINK(""http://x"")",-3,"{""k"":""v""}"',
        '',
      ].join('\r\n'),
    );
    assert.deepEqual(JSON.parse(toJson(TABLE)), { tables: [TABLE] });
  });

  it('guards every formula prefix in cells and headers, and leaves numbers in numeric columns plain', () => {
    const attack = "-1+cmd|' /C calc'!A0";
    const table: ResultTable = {
      name: 'PrimaryResult',
      columns: [
        { name: '-2+3', type: 'string' },
        { name: 'n', type: 'long' },
        { name: 'r', type: 'real' },
        { name: '@sum(A1)', type: 'string' },
      ],
      rows: [
        [attack, -1, -0.5, '+1'],
        ['=1+1', '-7', -1e-7, '@x'],
        ['\tTAB', 2, 3, '\rCR'],
        ['-5', 0, 0, 'plain'],
      ],
    };
    assert.equal(
      toCsv(table),
      [
        "'-2+3,n,r,'@sum(A1)",
        `'${attack},-1,-0.5,'+1`,
        "'=1+1,-7,-1e-7,'@x",
        '\'\tTAB,2,3,"\'\rCR"',
        "'-5,0,0,plain",
        '',
      ].join('\r\n'),
    );
    // A string that is not a number stays guarded even in a numeric column (a service may send anything).
    assert.equal(spreadsheetSafe('-1+cmd', { name: 'n', type: 'long' }), "'-1+cmd");
    assert.equal(
      rowAsText(
        [attack, -1, '=x', 'a\tb'],
        [
          { name: 'a', type: 'string' },
          { name: 'b', type: 'long' },
          { name: 'c', type: 'dynamic' },
          { name: 'd', type: 'string' },
        ],
      ),
      `'${attack}\t-1\t'=x\ta b`,
    );
  });
});

describe('grid model', () => {
  it('filters case-insensitively and sorts by type, nulls first, stably', () => {
    assert.deepEqual(visibleRows(TABLE, 'WS-0', undefined), [0]);
    assert.deepEqual(visibleRows(TABLE, '', { column: 1, descending: false }), [3, 1, 2, 0]);
    assert.deepEqual(visibleRows(TABLE, '', { column: 0, descending: false }), [2, 1, 3, 0]);
    assert.deepEqual(visibleRows(TABLE, '', { column: 1, descending: true }), [0, 2, 1, 3]);
  });

  it('sorts a decimal column by value when some decimals come as their exact digits', () => {
    const decimals: ResultTable = {
      name: 'PrimaryResult',
      columns: [{ name: 'Version', type: 'decimal' }],
      rows: [
        ['1000000020000000300000004'],
        [5],
        ['-12345678901234567890.5'],
        [null],
        [20000000000000000],
        [0.25],
      ],
    };
    assert.deepEqual(visibleRows(decimals, '', { column: 0, descending: false }), [3, 2, 5, 1, 4, 0]);
  });

  it('sorts a long column exactly when some longs come as their digits (beyond 2^53)', () => {
    const longs: ResultTable = {
      name: 'PrimaryResult',
      columns: [{ name: 'Id', type: 'long' }],
      rows: [['9007199254740993'], [10], ['-9223372036854775808'], [null], ['9007199254740992'], [9]],
    };
    assert.deepEqual(visibleRows(longs, '', { column: 0, descending: false }), [3, 2, 5, 1, 4, 0]);
  });

  it('cycles the sort and computes the row window', () => {
    const s1 = nextSort(undefined, 2);
    const s2 = nextSort(s1, 2);
    assert.deepEqual(
      [s1, s2, nextSort(s2, 2), nextSort(s2, 0)],
      [
        { column: 2, descending: false },
        { column: 2, descending: true },
        undefined,
        { column: 0, descending: false },
      ],
    );
    assert.deepEqual(rowWindow(22_000, 440, 22, 100_000, 5), { first: 995, last: 1025 });
    assert.deepEqual(rowWindow(0, 440, 22, 3, 5), { first: 0, last: 3 });
  });

  it('sorts and filters 100,000 rows', () => {
    const big: ResultTable = {
      name: 't',
      columns: [
        { name: 'n', type: 'long' },
        { name: 's', type: 'string' },
      ],
      rows: Array.from({ length: 100_000 }, (_, i) => [(i * 7919) % 100_000, `row ${i}`]),
    };
    const sorted = visibleRows(big, '', { column: 0, descending: false });
    const filtered = visibleRows(big, 'row 9999', undefined);
    assert.equal(big.rows[sorted[0]][0], 0);
    assert.equal(filtered.length, 11);
  });
});

describe('charts', () => {
  it('puts the datetime column on the x axis and splits series by a text column', () => {
    const t: ResultTable = {
      name: 'r',
      columns: [
        { name: 'Timestamp', type: 'datetime' },
        { name: 'Device', type: 'string' },
        { name: 'count_', type: 'long' },
      ],
      rows: [
        ['2025-01-01T01:00:00Z', 'a', 1],
        ['2025-01-01T00:00:00Z', 'a', 2],
        ['2025-01-01T00:00:00Z', 'b', 3],
      ],
    };
    const m = chartModel(t, { visualization: 'timechart' })!;
    assert.equal(m.kind, 'line');
    assert.deepEqual(m.labels, ['2025-01-01T00:00:00Z', '2025-01-01T01:00:00Z']);
    assert.deepEqual(m.series, [
      { name: 'a', values: [2, 1] },
      { name: 'b', values: [3, null] },
    ]);
  });

  it('adds the empty bins of a binned time chart with no value, so they are drawn as gaps', () => {
    const t: ResultTable = {
      name: 'r',
      columns: [
        { name: 'Timestamp', type: 'datetime' },
        { name: 'Device', type: 'string' },
        { name: 'count_', type: 'long' },
      ],
      rows: [
        ['2025-01-01T00:00:00Z', 'a', 2],
        ['2025-01-01T03:00:00Z', 'a', 4],
        ['2025-01-01T01:00:00Z', 'b', 3],
        ['2025-01-01T04:00:00Z', 'b', 1],
      ],
    };
    const m = chartModel(t, { visualization: 'timechart' })!;
    assert.deepEqual(m.labels, [
      '2025-01-01T00:00:00Z',
      '2025-01-01T01:00:00Z',
      '2025-01-01T02:00:00.000Z',
      '2025-01-01T03:00:00Z',
      '2025-01-01T04:00:00Z',
    ]);
    assert.deepEqual(m.series, [
      { name: 'a', values: [2, null, null, 4, null] },
      { name: 'b', values: [null, 3, null, null, 1] },
    ]);
    // One series without a split column, too.
    const single = chartModel(
      {
        ...t,
        columns: [t.columns[0], t.columns[2]],
        rows: [
          ['2025-01-01T03:00:00Z', 5],
          ['2025-01-01T00:00:00Z', 1],
          ['2025-01-01T01:00:00Z', 2],
        ],
      },
      { visualization: 'timechart' },
    )!;
    assert.deepEqual(single.series, [{ name: 'count_', values: [1, 2, null, 5] }]);
  });

  it('leaves times that are not bins alone: uneven, too sparse, or not a time axis', () => {
    const base = { kind: 'line' as const, timeAxis: true, series: [{ name: 's', values: [1, 2, 3] }] };
    const uneven = {
      ...base,
      labels: ['2025-01-01T00:00:00Z', '2025-01-01T00:02:00Z', '2025-01-01T00:05:00Z'],
    };
    assert.deepEqual(withMissingBins(uneven), uneven);
    const sparse = {
      ...base,
      labels: ['2025-01-01T00:00:00Z', '2025-01-01T00:00:01Z', '2025-01-02T00:00:00Z'],
    };
    assert.deepEqual(
      withMissingBins(sparse),
      sparse,
      'one second apart then a day: 86,401 bins for 3 events',
    );
    const category = { ...base, timeAxis: false, labels: ['a', 'b', 'c'] };
    assert.deepEqual(withMissingBins(category), category);
  });

  it('draws pie and column charts from the first text and numeric columns, and nothing without a hint', () => {
    const pie = chartModel(TABLE, { visualization: 'piechart' })!;
    assert.equal(pie.kind, 'pie');
    assert.deepEqual(pie.series, [{ name: 'Count', values: [10, 2, 5, -3] }]);
    assert.equal(chartModel(TABLE, { visualization: 'columnchart' })!.kind, 'column');
    assert.equal(chartModel(TABLE, undefined), undefined);
    assert.equal(chartModel(TABLE, { visualization: 'table' }), undefined);
  });
});

describe('webview messages', () => {
  it('accepts well-formed messages and rejects the rest', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'export', runId: 1, tableIndex: 0, format: 'csv' }), {
      type: 'export',
      runId: 1,
      tableIndex: 0,
      format: 'csv',
    });
    assert.equal(parseWebviewMessage({ type: 'export', runId: 1, tableIndex: 0, format: 'exe' }), undefined);
    assert.equal(parseWebviewMessage({ type: 'copy', text: 3 }), undefined);
    assert.equal(parseWebviewMessage({ type: 'run', query: '.drop table T' }), undefined);
    assert.equal(parseWebviewMessage(null), undefined);
    assert.deepEqual(parseWebviewMessage({ type: 'ready' }), { type: 'ready' });
  });
});

describe('inline run summary', () => {
  it('says rows, tables, the row limit, time and workspace, or the failure', () => {
    const table = { name: 't', columns: [], rows: [] };
    assert.equal(
      runSummary({
        ok: true,
        result: { tables: [table] },
        stats: { durationMs: 924, rowCounts: [3], truncated: false },
        workspaceName: 'Sample data',
      }),
      '✓ 3 rows · 924 ms · Sample data',
    );
    assert.equal(
      runSummary({
        ok: true,
        result: { tables: [table, table] },
        stats: { durationMs: 12_345, rowCounts: [30_000, 1], truncated: true },
        workspaceName: 'Prod',
      }),
      '✓ 30,001 rows in 2 tables (row limit hit) · 12.3 s · Prod',
    );
    assert.equal(
      runSummary({
        ok: false,
        error: { kind: 'semantic', message: "Failed to resolve 'X'\nmore" },
        durationMs: 5,
        workspaceName: 'Prod',
      }),
      "✗ Failed to resolve 'X' · Prod",
    );
    assert.equal(
      runSummary({
        ok: false,
        error: { kind: 'cancelled', message: 'The query was cancelled.' },
        durationMs: 5,
        workspaceName: 'Prod',
      }),
      '✗ cancelled · Prod',
    );
  });
});
