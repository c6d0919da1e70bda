import type { TokenCredential } from '@azure/core-auth';
import { defaultAzureCredential } from '../connectors/credentials';
import { toRunError } from '../connectors/runQuery';
import type { DefenderWorkspace, LogAnalyticsWorkspace, WorkspaceConfig } from '../protocol/workspaces';
import { DeployError } from './deployErrors';

/**
 * Where rules are deployed to and pulled from: a workspace named in `.kqlhunt.json`. A Log
 * Analytics workspace means its Microsoft Sentinel analytic rules, a Defender entry the tenant's
 * custom detections.
 */
export type DeployTarget =
  | { platform: 'sentinel'; workspace: LogAnalyticsWorkspace }
  | { platform: 'defender'; workspace: DefenderWorkspace };

/** The platform a workspace's rules live on, or why rules cannot be deployed to it. */
export function targetOf(workspace: WorkspaceConfig): DeployTarget | string {
  if (workspace.kind === 'logAnalytics') return { platform: 'sentinel', workspace };
  if (workspace.kind === 'defender') return { platform: 'defender', workspace };
  return `workspace "${workspace.name}" is ${workspace.kind === 'adx' ? 'an Azure Data Explorer database' : 'a local folder'}: rules are deployed to a Log Analytics (Sentinel) or Defender workspace`;
}

/** Signs in as `kqlhunt run` does: DefaultAzureCredential, in the workspace's tenant when it names one. */
export function deployCredential(target: DeployTarget): Promise<TokenCredential> {
  return defaultAzureCredential(target.workspace.tenantId);
}

/** A failure as one line that is safe to print: service messages as worded, sign-in and network failures summarised. */
export function failureMessage(e: unknown): string {
  if (e instanceof DeployError) return e.message;
  const error = toRunError(e);
  return error.kind === 'unauthorized' && error.message.startsWith('Sign-in failed')
    ? `${error.message} Sign in with 'az login' (or 'azd auth login'), or set the AZURE_* environment variables of a service principal or managed identity.`
    : error.message;
}
