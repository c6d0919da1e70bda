import type { TokenCredential } from '@azure/core-auth';
import { checkEndpoint } from '../connectors/queryPolicy';
import type { ConnectorTransport } from '../connectors/transport';
import { tokenScopeFor, type DefenderWorkspace } from '../protocol/workspaces';
import { currentDetectionShape } from '../rules/convert/currentDetectionShape';
import { deployErrorOf } from './deployErrors';
import { RestClient } from './restClient';

/**
 * Defender XDR custom detection rules through Microsoft Graph beta `security/rules/detectionRules`:
 * list (GET, paged by `@odata.nextLink`), create (POST, 201 with the new rule and its id),
 * update (PATCH `.../detectionRules/{id}`, 200 with the rule) and delete (DELETE, 204).
 * https://learn.microsoft.com/en-us/graph/api/security-rulesroot-post-detectionrules?view=graph-rest-beta
 * https://learn.microsoft.com/en-us/graph/api/security-detectionrule-update?view=graph-rest-beta
 * The rule is written in the shape Graph documents since removing `period` and `impactedAssets` on
 * 2026-10-01 (detectionRuleShape.ts); its schedule `lookback` is documented on beta only, so a
 * workspace endpoint naming v1.0 is switched to beta.
 */
export class DetectionRulesClient {
  private readonly rest: RestClient;
  private readonly base: string;
  readonly target: string;

  constructor(workspace: DefenderWorkspace, credential: TokenCredential, transport?: ConnectorTransport) {
    const endpoint = checkEndpoint(
      workspace.endpoint ?? 'https://graph.microsoft.com/beta',
      'defender',
      `workspace "${workspace.name}": endpoint`,
    );
    const origin = new URL(endpoint).origin;
    this.base = `${origin}/beta/security/rules/detectionRules`;
    this.target = `Defender XDR custom detections (workspace ${workspace.name})`;
    this.rest = new RestClient(credential, tokenScopeFor(workspace)!, transport);
  }

  /** The deployed rules, those still holding removed properties read into the current shape. */
  async list(signal?: AbortSignal): Promise<Record<string, unknown>[]> {
    const rules: Record<string, unknown>[] = [];
    let url: string | undefined = this.base;
    const origin = new URL(url).origin;
    for (let page = 0; url && page < 1000; page++) {
      const answer = await this.rest.send('GET', url, undefined, signal);
      if (answer.status !== 200) throw deployErrorOf(answer, `listing the custom detections`, this.target);
      const body = answer.body as Record<string, unknown> | undefined;
      for (const item of Array.isArray(body?.value) ? body.value : [])
        if (item && typeof item === 'object' && typeof (item as { id?: unknown }).id === 'string')
          rules.push(currentDetectionShape(item as Record<string, unknown>));
      const next = body?.['@odata.nextLink'];
      url = typeof next === 'string' && new URL(next).origin === origin ? next : undefined;
    }
    return rules;
  }

  async create(rule: Record<string, unknown>, signal?: AbortSignal): Promise<Record<string, unknown>> {
    const answer = await this.rest.send('POST', this.base, rule, signal);
    if (answer.status !== 201 && answer.status !== 200)
      throw deployErrorOf(answer, `creating detection "${String(rule.displayName)}"`, this.target);
    return (answer.body ?? {}) as Record<string, unknown>;
  }

  async update(id: string, changes: Record<string, unknown>, signal?: AbortSignal): Promise<void> {
    const answer = await this.rest.send('PATCH', `${this.base}/${encodeURIComponent(id)}`, changes, signal);
    if (answer.status !== 200 && answer.status !== 204)
      throw deployErrorOf(answer, `updating detection ${id}`, this.target);
  }

  async delete(id: string, signal?: AbortSignal): Promise<void> {
    const answer = await this.rest.send(
      'DELETE',
      `${this.base}/${encodeURIComponent(id)}`,
      undefined,
      signal,
    );
    if (answer.status !== 204 && answer.status !== 200)
      throw deployErrorOf(answer, `deleting detection ${id}`, this.target);
  }
}
