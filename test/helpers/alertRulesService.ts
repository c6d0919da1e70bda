import type { StubRequest, StubResponse } from '../unit/connectors/support/httpsStub';

/**
 * Azure Resource Manager's Microsoft.SecurityInsights/alertRules as the REST reference documents
 * it ("Alert Rules - Create Or Update / Get / List / Delete", api-version 2024-09-01): PUT answers
 * 201 for a new rule and 200 for an update, with the stored resource and a fresh etag; a PUT
 * carrying a stale etag, or changing the kind of an existing rule, is a 409 Conflict; an invalid
 * rule is a 400 whose message names the problem; GET lists in pages linked by `nextLink`; DELETE
 * answers 200, or 204 when there was nothing to delete; an unknown workspace is a 404. Only
 * `token` is accepted. `throttle(n)` answers the next n requests with 429 and Retry-After.
 */
export interface StoredAlertRule {
  id: string;
  name: string;
  type: string;
  kind: string;
  etag: string;
  properties: Record<string, unknown>;
}

export interface AlertRulesService {
  handler(req: StubRequest): StubResponse;
  /** Rules by workspace name, then by rule id. */
  readonly rules: Map<string, Map<string, StoredAlertRule>>;
  throttle(count: number): void;
}

const PAGE_SIZE = 2;
const SEVERITIES = ['High', 'Medium', 'Low', 'Informational'];
const OPERATORS = ['GreaterThan', 'LessThan', 'Equal', 'NotEqual'];
const ISO_DURATION = /^P(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+S)?)?$/;

function armError(status: number, code: string, message: string): StubResponse {
  return { status, body: { error: { code, message } } };
}

export function alertRulesService(options: {
  token: string;
  subscriptionId: string;
  resourceGroup: string;
  /** Workspaces that exist; `readonly-*` ones refuse changes with 403. */
  workspaces: string[];
}): AlertRulesService {
  const rules = new Map(options.workspaces.map((w) => [w.toLowerCase(), new Map<string, StoredAlertRule>()]));
  let throttled = 0;
  let etagCounter = 0;
  const prefix = new RegExp(
    `^/subscriptions/${options.subscriptionId}/resourceGroups/${options.resourceGroup}/providers/Microsoft\\.OperationalInsights/workspaces/([^/?]+)/providers/Microsoft\\.SecurityInsights/alertRules(?:/([^/?]+))?\\?(.*)$`,
    'i',
  );

  function validate(body: Record<string, unknown>): string | undefined {
    const kind = body.kind;
    if (kind !== 'Scheduled' && kind !== 'NRT') return `The kind '${String(kind)}' is not supported here.`;
    const p = body.properties as Record<string, unknown> | undefined;
    if (!p || typeof p !== 'object') return 'The request body has no properties.';
    for (const field of [
      'displayName',
      'query',
      'severity',
      'enabled',
      'suppressionDuration',
      'suppressionEnabled',
    ])
      if (p[field] === undefined) return `The ${field} field is required.`;
    if (!SEVERITIES.includes(String(p.severity)))
      return `Error converting value "${String(p.severity)}" to type 'AlertSeverity'. Path 'properties.severity'.`;
    if (kind === 'Scheduled') {
      for (const field of ['queryFrequency', 'queryPeriod', 'triggerOperator', 'triggerThreshold'])
        if (p[field] === undefined) return `The ${field} field is required.`;
      for (const field of ['queryFrequency', 'queryPeriod'])
        if (!ISO_DURATION.test(String(p[field]))) return `The value of ${field} is not a valid TimeSpan.`;
      if (!OPERATORS.includes(String(p.triggerOperator)))
        return `Error converting value "${String(p.triggerOperator)}" to type 'TriggerOperator'.`;
    }
    return undefined;
  }

  function handler(req: StubRequest): StubResponse {
    if (req.headers.authorization !== `Bearer ${options.token}`)
      return armError(401, 'InvalidAuthenticationToken', 'The access token is invalid.');
    if (throttled > 0) {
      throttled--;
      return {
        status: 429,
        headers: { 'retry-after': '1' },
        body: { error: { code: 'TooManyRequests', message: 'The request was throttled.' } },
      };
    }
    const m = prefix.exec(req.path);
    if (!m) return armError(404, 'NotFound', `No route for ${req.path}`);
    const [, workspace, ruleId, query] = m;
    if (!/(^|&)api-version=2024-09-01(&|$)/.test(query))
      return armError(
        400,
        'MissingApiVersionParameter',
        'The api-version query parameter (?api-version=) is required for all requests.',
      );
    const store = rules.get(workspace.toLowerCase());
    if (!store)
      return armError(
        404,
        'ResourceNotFound',
        `The Resource 'Microsoft.OperationalInsights/workspaces/${workspace}' under resource group '${options.resourceGroup}' was not found.`,
      );
    const url = new URLSearchParams(query);
    if (req.method === 'GET' && !ruleId) {
      const all = [...store.values()];
      const start = Number(url.get('$skipToken') ?? 0);
      const page = all.slice(start, start + PAGE_SIZE);
      const next = start + PAGE_SIZE < all.length;
      const base = req.path.split('?')[0];
      return {
        status: 200,
        body: {
          value: page,
          ...(next
            ? {
                nextLink: `https://${String(req.headers.host)}${base}?api-version=2024-09-01&$skipToken=${start + PAGE_SIZE}`,
              }
            : {}),
        },
      };
    }
    if (!ruleId) return armError(405, 'MethodNotAllowed', 'The method is not allowed.');
    const key = decodeURIComponent(ruleId).toLowerCase();
    const existing = store.get(key);
    if (req.method === 'GET')
      return existing ? { status: 200, body: existing } : armError(404, 'NotFound', 'Not Found');
    if (workspace.toLowerCase().startsWith('readonly'))
      return armError(
        403,
        'AuthorizationFailed',
        `The client does not have authorization to perform action 'Microsoft.SecurityInsights/alertRules/write' over scope '${workspace}'.`,
      );
    if (req.method === 'DELETE') {
      if (!existing) return { status: 204 };
      store.delete(key);
      return { status: 200 };
    }
    if (req.method !== 'PUT') return armError(405, 'MethodNotAllowed', 'The method is not allowed.');
    const body = (req.body ?? {}) as Record<string, unknown>;
    const problem = validate(body);
    if (problem) return armError(400, 'BadRequest', problem);
    if (existing && existing.kind !== body.kind)
      return armError(
        409,
        'Conflict',
        `A rule with id ${decodeURIComponent(ruleId)} of kind ${existing.kind} already exists.`,
      );
    if (existing && typeof body.etag === 'string' && body.etag !== existing.etag)
      return armError(409, 'Conflict', 'The etag does not match the current version of the rule.');
    const stored: StoredAlertRule = {
      id: `${req.path.split('?')[0]}`,
      name: decodeURIComponent(ruleId),
      type: 'Microsoft.SecurityInsights/alertRules',
      kind: String(body.kind),
      etag: `"${(++etagCounter).toString(16).padStart(8, '0')}-0000-0000-0000-000000000000"`,
      // The service adds fields of its own, which a deployment must not read as changes.
      properties: {
        ...(body.properties as Record<string, unknown>),
        lastModifiedUtc: new Date(0).toISOString(),
      },
    };
    store.set(key, stored);
    return { status: existing ? 200 : 201, body: stored };
  }

  return { handler, rules, throttle: (n) => void (throttled = n) };
}
