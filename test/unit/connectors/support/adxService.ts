import { runOnSample } from './executorAnswers';
import type { StubRequest, StubResponse } from './httpsStub';

/**
 * The Azure Data Explorer query endpoint (`POST /v2/rest/query`, `{db, csl}`) answering in the
 * v2 frame format that azure-kusto-data reads. The cloud-metadata probe gets a 404, which the
 * SDK takes as the public cloud. Real queries are answered by the embedded engine.
 */
export const ADX_DATABASE = 'Hunting';

function frames(
  tables: { name: string; columns: { name: string; type: string }[]; rows: unknown[][] }[],
): unknown[] {
  return [
    { FrameType: 'DataSetHeader', IsProgressive: false, Version: 'v2.0' },
    {
      FrameType: 'DataTable',
      TableId: 0,
      TableKind: 'QueryProperties',
      TableName: '@ExtendedProperties',
      Columns: [
        { ColumnName: 'TableId', ColumnType: 'int' },
        { ColumnName: 'Key', ColumnType: 'string' },
        { ColumnName: 'Value', ColumnType: 'dynamic' },
      ],
      Rows: [],
    },
    ...tables.map((t, i) => ({
      FrameType: 'DataTable',
      TableId: i + 1,
      TableKind: 'PrimaryResult',
      TableName: t.name,
      Columns: t.columns.map((c) => ({ ColumnName: c.name, ColumnType: c.type })),
      Rows: t.rows,
    })),
    {
      FrameType: 'DataTable',
      TableId: tables.length + 1,
      TableKind: 'QueryCompletionInformation',
      TableName: 'QueryCompletionInformation',
      Columns: [{ ColumnName: 'Level', ColumnType: 'int' }],
      Rows: [],
    },
    { FrameType: 'DataSetCompletion', HasErrors: false, Cancelled: false },
  ];
}

/** Counts requests per scenario, for scenarios that fail before they succeed. */
export interface AdxBehaviour {
  calls: Map<string, number>;
}

const ONE_ROW = [{ name: 'PrimaryResult', columns: [{ name: 'ok', type: 'bool' }], rows: [[true]] }];

export function adxHandler(behaviour: AdxBehaviour = { calls: new Map() }) {
  return (req: StubRequest): StubResponse => {
    if (req.path.startsWith('/v1/rest/auth/metadata')) return { status: 404, body: '' };
    if (req.method !== 'POST' || req.path !== '/v2/rest/query')
      return { status: 404, body: { error: { code: 'NotFound', message: req.path } } };
    if (req.headers.authorization !== 'Bearer adx-token')
      return { status: 401, body: { error: { code: 'Unauthorized', message: 'Unauthorized' } } };
    const { db, csl, properties } = req.body as {
      db?: string;
      csl?: string;
      properties?: { Options?: Record<string, unknown> };
    };
    if (db !== ADX_DATABASE)
      return {
        status: 400,
        body: { error: { code: 'General_BadRequest', message: `Database '${db}' was not found.` } },
      };
    const scenario = /Scenario(\w+)/.exec(csl ?? '')?.[1];
    const calls = (behaviour.calls.get(scenario ?? '') ?? 0) + 1;
    behaviour.calls.set(scenario ?? '', calls);
    if (scenario === 'EchoScope') {
      const options = properties?.Options ?? {};
      const names = ['query_datetimescope_column', 'query_datetimescope_from', 'query_datetimescope_to'];
      return {
        status: 200,
        body: frames([
          {
            name: 'PrimaryResult',
            columns: names.map((name) => ({ name, type: 'string' })),
            rows: [names.map((n) => options[n] ?? null)],
          },
        ]),
      };
    }
    // Throttled with a Retry-After of one second, then answers.
    if (scenario === 'ThrottledOnce' && calls === 1)
      return {
        status: 429,
        headers: { 'retry-after': '1' },
        body: { error: { code: 'TooManyRequests', message: 'Throttled' } },
      };
    if (scenario === 'UnavailableOnce' && calls === 1)
      return {
        status: 503,
        body: { error: { code: 'ServiceUnavailable', message: 'The cluster is restarting.' } },
      };
    if (scenario === 'ThrottledOnce' || scenario === 'UnavailableOnce')
      return { status: 200, body: frames(ONE_ROW) };
    if (scenario === 'Slow') return { status: 200, delayMs: 30_000, body: frames([]) };
    if (scenario === 'Throttled')
      return {
        status: 429,
        headers: { 'retry-after-ms': '20' },
        body: { error: { code: 'TooManyRequests', message: 'Throttled' } },
      };
    if (scenario === 'Unavailable')
      return {
        status: 503,
        body: { error: { code: 'ServiceUnavailable', message: 'The cluster is unavailable.' } },
      };
    try {
      return { status: 200, body: frames(runOnSample(csl ?? '').tables) };
    } catch (e) {
      return {
        status: 400,
        body: {
          error: {
            code: 'General_BadRequest',
            message: 'Request is invalid and cannot be executed.',
            '@type': 'Kusto.Data.Exceptions.SemanticException',
            '@message': `Semantic error: ${(e as Error).message}`,
          },
        },
      };
    }
  };
}
