import type { StubRequest, StubResponse } from '../unit/connectors/support/httpsStub';

/**
 * Microsoft Graph beta `security/rules/detectionRules` as its reference documents it since the
 * removal of the old properties on 2026-10-01: GET lists `{ value }`, POST creates and answers 201
 * with the rule, its new id and the fields the service owns (createdBy, createdDateTime,
 * lastModified…, detectorId, lastRunDetails); PATCH on `/{id}` updates the named fields and
 * answers 200; DELETE answers 204; an unknown id is a 404. A rule without displayName, query,
 * frequency or alert template, with a frequency Graph does not offer, a look-back shorter than
 * the frequency (or any on a continuous rule), or with a removed property (`schedule.period`,
 * `nextRunDateTime`, `alertTemplate.impactedAssets`, `category`, `mitreTechniques`) is a 400 with
 * a message naming it. Tests that play a tenant still holding old rules put them in `rules`.
 * Only `token` is accepted.
 */
export interface DetectionRulesService {
  handler(req: StubRequest): StubResponse;
  readonly rules: Map<string, Record<string, unknown>>;
}

const BASE = '/beta/security/rules/detectionRules';
/** The frequencies a custom detection takes, in minutes: continuous, 1, 3, 12 and 24 hours. */
const FREQUENCIES: Readonly<Record<string, number>> = { PT0S: 0, PT1H: 60, PT3H: 180, PT12H: 720, P1D: 1440 };
const REMOVED_SCHEDULE = ['period', 'nextRunDateTime'];
const REMOVED_TEMPLATE = ['impactedAssets', 'category', 'mitreTechniques'];

function durationMinutes(text: string): number | undefined {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(text);
  if (!m || text === 'P' || text.endsWith('T')) return undefined;
  return Number(m[1] ?? 0) * 1440 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0) + Number(m[4] ?? 0) / 60;
}

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
    const schedule = rule.schedule as Record<string, unknown> | undefined;
    const template = (rule.detectionAction as { alertTemplate?: Record<string, unknown> } | undefined)
      ?.alertTemplate;
    for (const field of REMOVED_SCHEDULE)
      if (schedule && field in schedule)
        return `The property '${field}' does not exist on type 'microsoft.graph.security.ruleSchedule'.`;
    for (const field of REMOVED_TEMPLATE)
      if (template && field in template)
        return `The property '${field}' does not exist on type 'microsoft.graph.security.alertTemplate'.`;
    if (!partial && typeof schedule?.frequency !== 'string')
      return "The property 'schedule.frequency' is required.";
    if (!partial && !template) return "The property 'detectionAction.alertTemplate' is required.";
    const frequency = schedule?.frequency;
    if (frequency !== undefined && !(String(frequency) in FREQUENCIES))
      return `Invalid schedule frequency '${String(frequency)}'. Allowed values: ${Object.keys(FREQUENCIES).join(', ')}.`;
    const lookback = schedule?.lookback;
    if (lookback !== undefined && frequency !== undefined) {
      const minutes = durationMinutes(String(lookback));
      if (FREQUENCIES[String(frequency)] === 0) return 'A near-real-time rule does not support lookback.';
      if (minutes === undefined || minutes < FREQUENCIES[String(frequency)])
        return `Invalid lookback '${String(lookback)}': it must be a duration of at least the frequency ${String(frequency)}.`;
    }
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
