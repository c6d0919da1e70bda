import type { TokenCredential } from '@azure/core-auth';
import { checkEndpoint } from '../connectors/queryPolicy';
import type { ConnectorTransport } from '../connectors/transport';
import { managementScopeFor, type LogAnalyticsWorkspace } from '../protocol/workspaces';
import { DeployError, deployErrorOf } from './deployErrors';
import type { AlertRuleKind, ArmAlertRule } from './plan/sentinelRuleFields';
import { RestClient } from './restClient';

/**
 * Microsoft Sentinel analytic rules through Azure Resource Manager, by the documented REST
 * contract of Microsoft.SecurityInsights/alertRules ("Alert Rules - Create Or Update", "- Get",
 * "- List", "- Delete"): https://learn.microsoft.com/en-us/rest/api/securityinsights/alert-rules
 * A rule is `PUT .../workspaces/{ws}/providers/Microsoft.SecurityInsights/alertRules/{ruleId}`
 * with `{ kind, etag?, properties }`; the answer is 201 when it was created and 200 when it was
 * updated. The list is paged through `nextLink`.
 */
export const ALERT_RULES_API_VERSION = '2024-09-01';

const DEFAULT_MANAGEMENT_ENDPOINT = 'https://management.azure.com';

/** A rule as the service holds it. */
export interface DeployedAlertRule {
  /** The resource name, which is the rule file's `id`. */
  name: string;
  kind: string;
  etag?: string;
  properties: Record<string, unknown>;
}

/** The ARM coordinates a Sentinel deployment needs, or the message that names what is missing. */
export function armCoordinates(
  workspace: LogAnalyticsWorkspace,
): { subscriptionId: string; resourceGroup: string; workspaceName: string } | string {
  const missing = (['subscriptionId', 'resourceGroup', 'workspaceName'] as const).filter(
    (k) => !workspace[k],
  );
  if (missing.length)
    return `workspace "${workspace.name}" needs ${missing.map((m) => `"${m}"`).join(', ')} in .kqlhunt.json to deploy Sentinel rules`;
  return {
    subscriptionId: workspace.subscriptionId!,
    resourceGroup: workspace.resourceGroup!,
    workspaceName: workspace.workspaceName!,
  };
}

export class SentinelRulesClient {
  private readonly rest: RestClient;
  private readonly base: string;
  readonly target: string;

  constructor(workspace: LogAnalyticsWorkspace, credential: TokenCredential, transport?: ConnectorTransport) {
    const where = armCoordinates(workspace);
    if (typeof where === 'string') throw new DeployError(where);
    const endpoint = checkEndpoint(
      workspace.managementEndpoint ?? DEFAULT_MANAGEMENT_ENDPOINT,
      'management',
      `workspace "${workspace.name}": managementEndpoint`,
    );
    const seg = encodeURIComponent;
    this.base =
      `${endpoint}/subscriptions/${seg(where.subscriptionId)}/resourceGroups/${seg(where.resourceGroup)}` +
      `/providers/Microsoft.OperationalInsights/workspaces/${seg(where.workspaceName)}` +
      '/providers/Microsoft.SecurityInsights/alertRules';
    this.target = `Sentinel workspace ${where.workspaceName} (resource group ${where.resourceGroup})`;
    this.rest = new RestClient(credential, managementScopeFor(workspace), transport);
  }

  private url(ruleId?: string): string {
    return `${this.base}${ruleId === undefined ? '' : `/${encodeURIComponent(ruleId)}`}?api-version=${ALERT_RULES_API_VERSION}`;
  }

  /** Every analytic rule of the workspace, following `nextLink` (only to the same origin). */
  async list(signal?: AbortSignal): Promise<DeployedAlertRule[]> {
    const rules: DeployedAlertRule[] = [];
    let url: string | undefined = this.url();
    const origin = new URL(url).origin;
    for (let page = 0; url && page < 1000; page++) {
      const answer = await this.rest.send('GET', url, undefined, signal);
      if (answer.status !== 200)
        throw deployErrorOf(answer, `listing the rules of ${this.target}`, this.target);
      const body = answer.body as { value?: unknown; nextLink?: unknown } | undefined;
      for (const item of Array.isArray(body?.value) ? body.value : []) {
        const rule = asDeployed(item);
        if (rule) rules.push(rule);
      }
      const next = typeof body?.nextLink === 'string' ? body.nextLink : undefined;
      url = next && new URL(next, url).origin === origin ? new URL(next, url).href : undefined;
    }
    return rules;
  }

  /** Creates or replaces the rule; `etag` makes the update conditional on the version that was read. */
  async put(
    ruleId: string,
    rule: ArmAlertRule,
    etag: string | undefined,
    signal?: AbortSignal,
  ): Promise<{ created: boolean; rule: DeployedAlertRule | undefined }> {
    const body = { kind: rule.kind, ...(etag ? { etag } : {}), properties: rule.properties };
    const answer = await this.rest.send('PUT', this.url(ruleId), body, signal);
    if (answer.status !== 200 && answer.status !== 201)
      throw deployErrorOf(answer, `deploying rule ${ruleId}`, this.target);
    return { created: answer.status === 201, rule: asDeployed(answer.body) };
  }

  async delete(ruleId: string, signal?: AbortSignal): Promise<void> {
    const answer = await this.rest.send('DELETE', this.url(ruleId), undefined, signal);
    if (answer.status !== 200 && answer.status !== 204)
      throw deployErrorOf(answer, `deleting rule ${ruleId}`, this.target);
  }
}

function asDeployed(item: unknown): DeployedAlertRule | undefined {
  if (!item || typeof item !== 'object') return undefined;
  const r = item as Record<string, unknown>;
  if (typeof r.name !== 'string' || !r.properties || typeof r.properties !== 'object') return undefined;
  return {
    name: r.name,
    kind: typeof r.kind === 'string' ? r.kind : '',
    ...(typeof r.etag === 'string' ? { etag: r.etag } : {}),
    properties: r.properties as Record<string, unknown>,
  };
}

/** Whether a deployed rule is of a kind rule files describe (Fusion, ML and the like are not). */
export function isFileKind(kind: string): kind is AlertRuleKind {
  return kind === 'Scheduled' || kind === 'NRT';
}
