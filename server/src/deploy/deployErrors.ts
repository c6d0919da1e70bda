import { describeServiceError } from '../connectors/serviceErrors';
import type { RestAnswer } from './restClient';

/**
 * A failed deployment request, worded for the person deploying: what the status means here and
 * the service's own message (for 400, its validation message, which names the field at fault).
 * Messages come from the answer's body only, never from request headers, so no token can reach them.
 */
export class DeployError extends Error {
  override readonly name = 'DeployError';
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** `what` names the request, such as "creating rule X" or "listing the rules of workspace Y". */
export function deployErrorOf(answer: RestAnswer, what: string, target: string): DeployError {
  const service = describeServiceError(answer.status, answer.body).message;
  const code = serviceCode(answer.body);
  const said = `${code ? `${code}: ` : ''}${service}`;
  switch (answer.status) {
    case 400:
      return new DeployError(`${what}: the service refused the rule (400): ${said}`, 400);
    case 401:
      return new DeployError(
        `${what}: not signed in or the token was refused (401): ${said}. Sign in with 'az login' (or set the AZURE_* environment variables) and try again.`,
        401,
      );
    case 403:
      return new DeployError(
        `${what}: the signed-in identity may not change ${target} (403): ${said}. It needs a role such as Microsoft Sentinel Contributor (Sentinel) or the Detection tuning permission (Defender XDR).`,
        403,
      );
    case 404:
      return new DeployError(
        `${what}: ${target} was not found (404): ${said}. Check the subscription, resource group and workspace name in .kqlhunt.json.`,
        404,
      );
    case 409:
      return new DeployError(
        `${what}: conflict (409): ${said}. The rule was changed by someone else, or a rule of another kind has this id; run 'kqlhunt deploy --dry-run' again to see the current state.`,
        409,
      );
    case 412:
      return new DeployError(
        `${what}: the rule changed since it was read (412): ${said}. Run the deployment again.`,
        412,
      );
    case 429:
      return new DeployError(
        `${what}: the service is still throttling requests after retries (429): ${said}. Wait a while and deploy again.`,
        429,
      );
    default:
      return new DeployError(`${what}: the service answered ${answer.status}: ${said}`, answer.status);
  }
}

function serviceCode(body: unknown): string | undefined {
  const error = (body as { error?: { code?: unknown } } | undefined)?.error;
  return typeof error?.code === 'string' ? error.code : undefined;
}
