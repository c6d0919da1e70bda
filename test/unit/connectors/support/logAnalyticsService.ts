import type { StubRequest, StubResponse } from './httpsStub';

/**
 * The Log Analytics query API as Microsoft documents it (Azure Monitor Log Analytics REST API):
 * `POST /v1/workspaces/{id}/query` with `{query, timespan}`, answering `{tables: [...]}`, a
 * OneAPI error object on failure, and `tables` plus an `error` of code PartialError on a partial
 * failure. Which answer comes is chosen by the query text, so each test reads as what it sends.
 */
export const WORKSPACE_ID = '11111111-2222-3333-4444-555555555555';

const PRIMARY = {
  name: 'PrimaryResult',
  columns: [
    { name: 'DeviceName', type: 'string' },
    { name: 'Count', type: 'long' },
    { name: 'FirstSeen', type: 'datetime' },
    { name: 'Report', type: 'dynamic' },
  ],
  rows: [
    ['ws-01', 3, '2025-01-02T03:04:05Z', '["a","b"]'],
    ['<img src=x onerror=alert(1)>', 1, '2025-01-03T00:00:00Z', '{"k":1}'],
  ],
};

function bigTable(rows: number) {
  return {
    name: 'PrimaryResult',
    columns: [
      { name: 'n', type: 'long' },
      { name: 's', type: 'string' },
    ],
    rows: Array.from({ length: rows }, (_, i) => [i, `row ${i}`]),
  };
}

export interface LogAnalyticsBehaviour {
  /** Counts calls per scenario, for scenarios that fail first and then succeed. */
  calls: Map<string, number>;
}

export function logAnalyticsHandler(behaviour: LogAnalyticsBehaviour = { calls: new Map() }) {
  return (req: StubRequest): StubResponse => {
    const match = /^\/v1\/workspaces\/([^/]+)\/query$/.exec(req.path.split('?')[0]);
    if (req.method !== 'POST' || !match)
      return {
        status: 404,
        body: { error: { code: 'PathNotFoundError', message: `No route for ${req.method} ${req.path}` } },
      };
    const auth = req.headers.authorization;
    if (typeof auth !== 'string' || !auth.startsWith('Bearer ')) {
      return {
        status: 401,
        body: { error: { code: 'AuthenticationFailed', message: "The 'Authorization' header is missing." } },
      };
    }
    if (auth === 'Bearer forbidden-token') {
      return {
        status: 403,
        body: {
          error: {
            code: 'InvalidAuthenticationTokenAudience',
            message: 'The provided authentication token is not valid for this resource.',
          },
        },
      };
    }
    if (match[1] !== WORKSPACE_ID)
      return {
        status: 404,
        body: { error: { code: 'WorkspaceNotFoundError', message: `Workspace ${match[1]} not found.` } },
      };
    const body = req.body as { query?: string; timespan?: string };
    const query = body?.query ?? '';
    const scenario = /Scenario(\w+)/.exec(query)?.[1] ?? 'Primary';
    const calls = (behaviour.calls.get(scenario) ?? 0) + 1;
    behaviour.calls.set(scenario, calls);
    switch (scenario) {
      case 'Primary':
        return { status: 200, body: { tables: [PRIMARY] } };
      case 'EchoTimespan':
        return {
          status: 200,
          body: {
            tables: [
              {
                name: 'PrimaryResult',
                columns: [{ name: 'timespan', type: 'string' }],
                rows: [[body.timespan ?? null]],
              },
            ],
          },
        };
      case 'Several':
        return {
          status: 200,
          body: {
            tables: [PRIMARY, { name: 'Table_1', columns: [{ name: 'x', type: 'int' }], rows: [[1], [2]] }],
          },
        };
      case 'Partial':
        return {
          status: 200,
          body: {
            tables: [PRIMARY],
            error: {
              code: 'PartialError',
              message: 'There were some errors when processing your query.',
              details: [
                {
                  code: 'EngineError',
                  message: 'Query result set has exceeded the internal data size limit.',
                },
              ],
            },
          },
        };
      case 'Semantic':
        return {
          status: 400,
          body: {
            error: {
              message: 'The request had some invalid properties',
              code: 'BadArgumentError',
              innererror: {
                code: 'SyntaxError',
                message: 'Syntax Error',
                information: {
                  details: JSON.stringify({
                    error: {
                      code: 'Bad request',
                      message: 'Request is invalid',
                      innererror: {
                        code: 'SEM0100',
                        message:
                          "'where' operator: Failed to resolve table or column expression named 'AzureVMInventory_CL'",
                      },
                    },
                  }),
                },
              },
            },
          },
        };
      case 'Syntax':
        return {
          status: 400,
          body: {
            error: {
              message: 'The request had some invalid properties',
              code: 'BadArgumentError',
              innererror: { code: 'SyntaxError', message: "Query could not be parsed at '|' on line [2,0]" },
            },
          },
        };
      case 'Throttled':
        return calls === 1
          ? {
              status: 429,
              headers: { 'retry-after': '1' },
              body: { error: { code: 'TooManyRequests', message: 'Too many requests.' } },
            }
          : { status: 200, body: { tables: [PRIMARY] } };
      case 'AlwaysThrottled':
        return {
          status: 429,
          headers: { 'retry-after': '1' },
          body: { error: { code: 'TooManyRequests', message: 'Too many requests.' } },
        };
      case 'Flaky':
        return calls === 1
          ? { status: 502, body: { error: { code: 'BadGateway', message: 'Bad gateway.' } } }
          : { status: 200, body: { tables: [PRIMARY] } };
      case 'Down':
        return {
          status: 503,
          body: { error: { code: 'ServiceUnavailable', message: 'The service is unavailable.' } },
        };
      case 'Slow':
        return { status: 200, delayMs: 30_000, body: { tables: [PRIMARY] } };
      case 'Large':
        return { status: 200, body: { tables: [bigTable(100_000)] } };
      default:
        return {
          status: 400,
          body: { error: { code: 'BadArgumentError', message: `unknown scenario ${scenario}` } },
        };
    }
  };
}
