import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkEndpoint, isManagementCommand } from '../../../server/src/connectors/queryPolicy';
import {
  applyRowLimit,
  kustoTypeName,
  renderHintOf,
  tableFromObjectRows,
} from '../../../server/src/connectors/resultShape';
import {
  describeServiceError,
  locateError,
  partialErrorText,
} from '../../../server/src/connectors/serviceErrors';
import { rulePeriodToIso, timespanBounds, toTimeInterval } from '../../../server/src/connectors/timespan';
import { newTokenKey, sealToken, unsealToken } from '../../../server/src/protocol/tokenSeal';
import {
  normalizeRunSettings,
  parseWorkspaces,
  tokenScopeFor,
  workspacePin,
} from '../../../server/src/protocol/workspaces';

describe('service errors', () => {
  it('reads a Graph semantic error (HTTP 400 BadRequest) as semantic', () => {
    const e = describeServiceError(400, {
      error: {
        code: 'BadRequest',
        message:
          "'where' operator: Failed to resolve table or column expression named 'EmailAttachmentInfo'. Fix semantic errors in your query.",
        target: '|dda96034',
      },
    });
    assert.equal(e.kind, 'semantic');
    assert.equal(e.code, 'BadRequest');
    assert.match(e.message, /EmailAttachmentInfo/);
  });

  it('reads Graph 500 UnknownError with an empty message as a server error with a useful text', () => {
    const e = describeServiceError(500, {
      error: { code: 'UnknownError', message: '', innerError: { date: 'x', 'request-id': 'r' } },
    });
    assert.equal(e.kind, 'server');
    assert.match(e.message, /500/);
  });

  it('reads 401, 403 and 429 by status', () => {
    assert.equal(
      describeServiceError(401, { error: { code: 'AuthenticationFailed', message: 'missing' } }).kind,
      'unauthorized',
    );
    assert.equal(
      describeServiceError(403, { error: { code: 'InvalidAuthenticationToken', message: 'bad' } }).kind,
      'forbidden',
    );
    assert.equal(describeServiceError(429, undefined, 'Too many').kind, 'throttled');
  });

  it('joins a partial error with its details', () => {
    assert.equal(
      partialErrorText({
        tables: [],
        error: {
          code: 'PartialError',
          message: 'Some errors.',
          details: [{ code: 'X', message: 'Too big.' }],
        },
      }),
      'Some errors. Too big.',
    );
    assert.equal(partialErrorText({ tables: [] }), undefined);
  });

  it('locates a failed name and a parse position in the query', () => {
    const q = 'DeviceEvents\n| where TimeGenerated > ago(1d)';
    const named = locateError(
      q,
      "'where' operator: Failed to resolve column or scalar expression named 'TimeGenerated'",
    )!;
    assert.equal(q.slice(named.start, named.end), 'TimeGenerated');
    const parsed = locateError(q, "Query could not be parsed at 'where' on line [2,2]")!;
    assert.equal(q.slice(parsed.start, parsed.end), 'where');
    assert.equal(locateError(q, 'Something else went wrong'), undefined);
  });
});

describe('result shape', () => {
  it('normalises .NET and Kusto type names', () => {
    assert.deepEqual(
      [
        'DateTime',
        'String',
        'Int64',
        'Int32',
        'Boolean',
        'Double',
        'Object',
        'System.Guid',
        'long',
        'TimeSpan',
      ].map(kustoTypeName),
      ['datetime', 'string', 'long', 'int', 'bool', 'real', 'dynamic', 'guid', 'long', 'timespan'],
    );
  });

  it('turns rows keyed by name into positional rows, reading schema keys in any case', () => {
    const t = tableFromObjectRows(
      'PrimaryResult',
      [
        { Name: 'Timestamp', Type: 'DateTime' },
        { name: 'FileName', type: 'String' },
      ],
      [{ Timestamp: '2024-03-26T09:39:50.7688641Z', FileName: 'cmd.exe' }, { FileName: 'x' }],
    );
    assert.deepEqual(t.columns, [
      { name: 'Timestamp', type: 'datetime' },
      { name: 'FileName', type: 'string' },
    ]);
    assert.deepEqual(t.rows, [
      ['2024-03-26T09:39:50.7688641Z', 'cmd.exe'],
      [null, 'x'],
    ]);
  });

  it('cuts tables at the row limit and keeps the counts', () => {
    const r = applyRowLimit(
      {
        tables: [
          { name: 'a', columns: [], rows: [[1], [2], [3]] },
          { name: 'b', columns: [], rows: [[1]] },
        ],
      },
      2,
    );
    assert.equal(r.truncated, true);
    assert.deepEqual(r.rowCounts, [3, 1]);
    assert.deepEqual(
      r.result.tables.map((t) => t.rows.length),
      [2, 1],
    );
  });

  it('reads a trailing render as a chart hint', () => {
    assert.deepEqual(
      renderHintOf('T | summarize count() by bin(Timestamp, 1h)\n| render timechart with (title="Hourly")'),
      { visualization: 'timechart', title: 'Hourly' },
    );
    assert.deepEqual(renderHintOf('T | render piechart // share'), { visualization: 'piechart' });
    assert.equal(renderHintOf('T | render timechart | take 1'), undefined);
    assert.equal(renderHintOf('T | take 1'), undefined);
  });
});

describe('query policy', () => {
  it('recognises management commands after comments and blank lines', () => {
    assert.equal(isManagementCommand('\n// note\n  .show tables'), true);
    assert.equal(isManagementCommand('T | where x == ".a"'), false);
  });

  it('sends tokens only to known hosts over https, or to loopback', () => {
    assert.equal(
      checkEndpoint('https://api.loganalytics.io/v1', 'logAnalytics'),
      'https://api.loganalytics.io/v1',
    );
    assert.equal(checkEndpoint('http://127.0.0.1:8080/v1/', 'logAnalytics'), 'http://127.0.0.1:8080/v1');
    assert.equal(checkEndpoint('https://help.kusto.windows.net', 'adx'), 'https://help.kusto.windows.net');
    assert.equal(
      checkEndpoint('https://HELP.kusto.windows.net:443/', 'adx'),
      'https://help.kusto.windows.net',
    );
    assert.equal(
      checkEndpoint('https://graph.microsoft.com/beta', 'defender'),
      'https://graph.microsoft.com/beta',
    );
    assert.throws(() => checkEndpoint('http://api.loganalytics.io/v1', 'logAnalytics'), /https/);
    assert.throws(
      () => checkEndpoint('https://graph.microsoft.com.evil.io/v1.0', 'defender'),
      /not a known endpoint/,
    );
    assert.throws(
      () => checkEndpoint('https://graph.microsoft.com/v1.0', 'logAnalytics'),
      /not a known endpoint/,
    );
    assert.throws(() => checkEndpoint('notaurl', 'adx'), /not a valid URL/);
  });

  it('refuses a connection string, a path, a query, user info and control characters in an endpoint, naming the setting', () => {
    const setting = 'kqlHunting.workspaces "Prod": clusterUrl';
    const refused = (url: string, kind: 'adx' | 'logAnalytics' | 'defender' = 'adx') =>
      assert.throws(
        () => checkEndpoint(url, kind, setting),
        (e: Error) => e.message.startsWith(setting),
      );
    refused('https://help.kusto.windows.net/;Data Source=https://127.0.0.1:8443');
    refused('https://help.kusto.windows.net;Server=https://127.0.0.1');
    refused('Data Source=https://help.kusto.windows.net;Addr=https://127.0.0.1');
    refused('https://help.kusto.windows.net/Samples');
    refused('https://help.kusto.windows.net/?x=1');
    refused('https://help.kusto.windows.net/#frag');
    refused('https://user:pw@help.kusto.windows.net');
    refused('https://help.kusto.windows.net\\@127.0.0.1');
    refused('https://help.kusto.windows.net\n');
    refused('https://api.loganalytics.io/v1/workspaces', 'logAnalytics');
    refused('https://graph.microsoft.com/v1.0/security', 'defender');
  });

  it('recognises loopback in every spelling the URL parser accepts', () => {
    for (const url of [
      'http://127.0.0.1:9',
      'http://127.1.2.3:9',
      'http://localhost:9',
      'http://[::1]:9',
      'http://2130706433:9',
      'http://0x7f.1:9',
      'http://[::ffff:127.0.0.1]:9',
      'http://LOCALHOST.:9',
    ]) {
      assert.equal(new URL(checkEndpoint(url, 'adx')).port, '9', url);
    }
    for (const url of ['http://128.0.0.1:9', 'http://[::ffff:10.0.0.1]:9', 'http://localhost.example.com:9'])
      assert.throws(() => checkEndpoint(url, 'adx'), /https/, url);
  });
});

describe('time spans', () => {
  it('converts rule periods to ISO durations', () => {
    assert.deepEqual(['5m', '1h', '14d', '0d', '2w'].map(rulePeriodToIso), [
      'PT5M',
      'PT1H',
      'P14D',
      undefined,
      undefined,
    ]);
  });

  it('turns intervals into the SDK shape', () => {
    assert.deepEqual(toTimeInterval('P5D'), { duration: 'P5D' });
    assert.deepEqual(toTimeInterval('2025-01-01T00:00:00Z/P1D'), {
      startTime: new Date('2025-01-01T00:00:00Z'),
      duration: 'P1D',
    });
    assert.deepEqual(toTimeInterval('P1D/2025-01-02T00:00:00Z'), {
      duration: 'P1D',
      endTime: new Date('2025-01-02T00:00:00Z'),
    });
  });

  it('turns durations and intervals into start and end datetimes', () => {
    const now = new Date('2025-03-31T12:00:00Z');
    const iso = (timespan: string) => {
      const b = timespanBounds(timespan, now);
      return b && [b.from.toISOString(), b.to.toISOString()];
    };
    assert.deepEqual(iso('PT5M'), ['2025-03-31T11:55:00.000Z', '2025-03-31T12:00:00.000Z']);
    assert.deepEqual(iso('P1W'), ['2025-03-24T12:00:00.000Z', '2025-03-31T12:00:00.000Z']);
    assert.deepEqual(iso('P1DT2H'), ['2025-03-30T10:00:00.000Z', '2025-03-31T12:00:00.000Z']);
    assert.deepEqual(iso('P1M'), ['2025-02-28T12:00:00.000Z', '2025-03-31T12:00:00.000Z']);
    assert.deepEqual(iso('2025-01-01T00:00:00Z/P1D'), [
      '2025-01-01T00:00:00.000Z',
      '2025-01-02T00:00:00.000Z',
    ]);
    assert.deepEqual(iso('P1D/2025-01-02T00:00:00Z'), [
      '2025-01-01T00:00:00.000Z',
      '2025-01-02T00:00:00.000Z',
    ]);
    assert.deepEqual(
      ['P', 'PT', '5d', 'P1D/P2D', '2025-01-02T00:00:00Z/2025-01-01T00:00:00Z', 'x/y'].map((t) =>
        timespanBounds(t, now),
      ),
      [undefined, undefined, undefined, undefined, undefined, undefined],
    );
  });
});

describe('workspace settings', () => {
  it('keeps valid entries and explains the others', () => {
    const { workspaces, problems } = parseWorkspaces([
      { name: 'Prod', kind: 'logAnalytics', workspaceId: 'abc', tenantId: 't' },
      { name: 'XDR', kind: 'defender' },
      { name: 'Help', kind: 'adx', clusterUrl: 'https://help.kusto.windows.net' },
      { name: 'Prod', kind: 'local', folder: 'x' },
      { kind: 'local', folder: 'x' },
      'nope',
    ]);
    assert.deepEqual(
      workspaces.map((w) => w.name),
      ['Prod', 'XDR'],
    );
    assert.equal(problems.length, 4);
    assert.match(problems.join('\n'), /clusterUrl/);
    assert.equal(tokenScopeFor(workspaces[0]), 'https://api.loganalytics.io/.default');
    assert.equal(tokenScopeFor(workspaces[1]), 'https://graph.microsoft.com/.default');
    assert.equal(tokenScopeFor({ name: 'l', kind: 'local', folder: '.' }), undefined);
  });

  it('finds a workspace pin in any comment style near the top', () => {
    assert.equal(workspacePin('// kql-workspace: Sample\nT'), 'Sample');
    assert.equal(workspacePin('id: x\n# kql-workspace: Prod\nquery: |'), 'Prod');
    assert.equal(workspacePin('<!-- kql-workspace: Lab -->\n# Title'), 'Lab');
    assert.equal(workspacePin('T\n'.repeat(12) + '// kql-workspace: Late'), undefined);
  });

  it('bounds run settings', () => {
    assert.deepEqual(
      normalizeRunSettings({
        timeoutSeconds: 0,
        rowLimit: 5e9,
        allowManagementCommands: 'yes',
        defaultTimespan: '5d',
        fetchExternalData: 'true',
        externalDataMaxMegabytes: 4096,
      }),
      {
        timeoutSeconds: 1,
        rowLimit: 1_000_000,
        allowManagementCommands: false,
        defaultTimespan: 'P30D',
        // Only a real true turns fetching on; the size limit is capped.
        fetchExternalData: false,
        externalDataMaxMegabytes: 256,
      },
    );
  });
});

describe('token seal', () => {
  it('round-trips with the key and fails with another', () => {
    const key = newTokenKey();
    const sealed = sealToken('eyJ.secret', 123, key);
    assert.ok(!JSON.stringify(sealed).includes('secret'));
    assert.equal(unsealToken(sealed, key), 'eyJ.secret');
    assert.equal(unsealToken(sealed, newTokenKey()), undefined);
    assert.equal(unsealToken({ ...sealed, data: Buffer.from('forged').toString('base64') }, key), undefined);
  });
});
