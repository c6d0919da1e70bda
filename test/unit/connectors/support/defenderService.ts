import { dotnetType, runOnSample } from './executorAnswers';
import type { StubRequest, StubResponse } from './httpsStub';

/**
 * Microsoft Graph `POST /v1.0/security/runHuntingQuery` as Microsoft documents it
 * (Graph API reference, security: runHuntingQuery): `{Query, Timespan}` in, `{schema, results}` out
 * with .NET type names and rows keyed by column name, Graph's error envelope on failure. Real
 * queries are answered by the embedded engine; `Scenario…` names pick a failure.
 */
export function defenderHandler() {
  const calls = new Map<string, number>();
  return (req: StubRequest): StubResponse => {
    if (req.method !== 'POST' || req.path !== '/v1.0/security/runHuntingQuery')
      return { status: 404, body: { error: { code: 'ResourceNotFound', message: 'Not found' } } };
    if (req.headers.authorization !== 'Bearer graph-token')
      return {
        status: 401,
        body: { error: { code: 'InvalidAuthenticationToken', message: 'Access token is empty.' } },
      };
    const query = String((req.body as { Query?: unknown })?.Query ?? '');
    const scenario = /Scenario(\w+)/.exec(query)?.[1];
    const n = (calls.get(scenario ?? '') ?? 0) + 1;
    calls.set(scenario ?? '', n);
    const graphError = (status: number, code: string, message: string): StubResponse => ({
      status,
      body: {
        error: {
          code,
          message,
          innerError: { date: '2025-03-14T12:00:00', 'request-id': 'r', 'client-request-id': 'c' },
        },
      },
    });
    switch (scenario) {
      case undefined: {
        let result;
        try {
          result = runOnSample(query);
        } catch (e) {
          return graphError(400, 'BadRequest', `${(e as Error).message}. Fix semantic errors in your query.`);
        }
        const table = result.tables[0];
        return {
          status: 200,
          body: {
            '@odata.context':
              'https://graph.microsoft.com/v1.0/$metadata#microsoft.graph.security.huntingQueryResults',
            schema: table.columns.map((c) => ({ name: c.name, type: dotnetType(c.type) })),
            results: table.rows.map((row) =>
              Object.fromEntries(table.columns.map((c, i) => [c.name, row[i]])),
            ),
          },
        };
      }
      case 'PascalKeys':
        return {
          status: 200,
          body: { Schema: [{ Name: 'FileName', Type: 'String' }], Results: [{ FileName: 'tvnserver.exe' }] },
        };
      case 'Semantic':
        return graphError(
          400,
          'BadRequest',
          "'where' operator: Failed to resolve table or column expression named 'EmailAttachmentInfo'. Fix semantic errors in your query.",
        );
      case 'Forbidden':
        return graphError(403, 'Forbidden', 'Missing permission ThreatHunting.Read.All.');
      case 'Throttled':
        return n === 1
          ? { ...graphError(429, 'TooManyRequests', 'Too many requests'), headers: { 'retry-after': '1' } }
          : { status: 200, body: { schema: [{ name: 'x', type: 'Int64' }], results: [{ x: 1 }] } };
      case 'Unknown':
        return graphError(500, 'UnknownError', '');
      case 'Slow':
        return { status: 200, delayMs: 30_000, body: { schema: [], results: [] } };
      case 'Large':
        return {
          status: 200,
          body: {
            schema: [
              { name: 'n', type: 'Int64' },
              { name: 'Url', type: 'String' },
            ],
            results: Array.from({ length: 100_000 }, (_, i) => ({ n: i, Url: `u${i}.example.com` })),
          },
        };
      default:
        return graphError(400, 'BadRequest', `unknown scenario ${scenario}`);
    }
  };
}
