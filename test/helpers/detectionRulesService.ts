import type { StubRequest, StubResponse } from '../unit/connectors/support/httpsStub';

/**
 * Microsoft Graph beta `security/rules/detectionRules` as its reference documents it: GET lists
 * `{ value }`, POST creates and answers 201 with the rule, its new id and the fields the service
 * owns (createdBy, createdDateTime, lastModified…, detectorId, lastRunDetails); PATCH on
 * `/{id}` updates the named fields and answers 200; DELETE answers 204; an unknown id is a 404.
 * A rule without displayName or query, or with a schedule period Graph does not offer, is a
 * 400 with a message naming it. Only `token` is accepted.
 */
export interface DetectionRulesService {
  handler(req: StubRequest): StubResponse;
  readonly rules: Map<string, Record<string, unknown>>;
}

const BASE = '/beta/security/rules/detectionRules';
/** The schedule periods the reference lists for a custom detection: continuous (0), 1, 3, 12 and 24 hours. */
const PERIODS = ['0', '1H', '3H', '12H', '24H'];

function graphError(status: number, code: string, message: string): StubResponse {
  return { status, body: { error: { code, message, innerError: { date: '2025-03-14T12:00:00' } } } };
}

export function detectionRulesService(token: string): DetectionRulesService {
  const rules = new Map<string, Record<string, unknown>>();
  let next = 100;

  function problem(rule: Record<string, unknown>, partial: boolean): string | undefined {
    if (!partial && typeof rule.displayName !== 'string') return "The property 'displayName' is required.";
    const condition = rule.queryCondition as { queryText?: unknown } | undefined;
    if ((!partial || condition) && typeof condition?.queryText !== 'string')
      return "The property 'queryCondition.queryText' is required.";
    const period = (rule.schedule as { period?: unknown } | undefined)?.period;
    if (period !== undefined && !PERIODS.includes(String(period)))
      return `Invalid schedule period '${String(period)}'. Allowed values: ${PERIODS.join(', ')}.`;
    return undefined;
  }

  function handler(req: StubRequest): StubResponse {
    if (req.headers.authorization !== `Bearer ${token}`)
      return graphError(401, 'InvalidAuthenticationToken', 'Access token validation failure.');
    if (!req.path.startsWith(BASE)) return graphError(404, 'ResourceNotFound', 'Resource not found.');
    const id = decodeURIComponent(req.path.slice(BASE.length).replace(/^\//, '').split('?')[0]);
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (!id) {
      if (req.method === 'GET')
        return { status: 200, body: { '@odata.context': 'stand-in', value: [...rules.values()] } };
      if (req.method !== 'POST') return graphError(405, 'MethodNotAllowed', 'Method not allowed.');
      const why = problem(body, false);
      if (why) return graphError(400, 'BadRequest', why);
      const now = new Date(0).toISOString();
      const rule = {
        ...body,
        id: String(next++),
        createdBy: 'deployer@example.test',
        createdDateTime: now,
        lastModifiedBy: 'deployer@example.test',
        lastModifiedDateTime: now,
        detectorId: `detector-${next}`,
        lastRunDetails: { lastRunDateTime: null, status: null },
      };
      rules.set(rule.id, rule);
      return { status: 201, body: rule };
    }
    const existing = rules.get(id);
    if (!existing) return graphError(404, 'ResourceNotFound', `Detection rule ${id} was not found.`);
    if (req.method === 'GET') return { status: 200, body: existing };
    if (req.method === 'DELETE') {
      rules.delete(id);
      return { status: 204 };
    }
    if (req.method !== 'PATCH') return graphError(405, 'MethodNotAllowed', 'Method not allowed.');
    const why = problem(body, true);
    if (why) return graphError(400, 'BadRequest', why);
    const updated = { ...existing, ...body, id };
    rules.set(id, updated);
    return { status: 200, body: updated };
  }

  return { handler, rules };
}
