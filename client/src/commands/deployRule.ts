import * as vscode from 'vscode';
import { DeployRuleRequest } from '../../../server/src/protocol/messages';
import type { DeployRuleResult } from '../../../server/src/protocol/deployRule';
import type { SealedToken } from '../../../server/src/protocol/queryRun';
import { sealToken } from '../../../server/src/protocol/tokenSeal';
import {
  managementScopeFor,
  tokenScopeFor,
  type WorkspaceConfig,
} from '../../../server/src/protocol/workspaces';
import type { ExtensionContextState } from '../extensionState';
import { VsCodeMicrosoftCredential } from '../run/microsoftCredential';

/**
 * *KQL Hunting: Deploy Rule…* on a Sentinel rule YAML (to a Log Analytics workspace's analytic
 * rules) or a `*.detection.json` file (to Defender XDR custom detections). The language server
 * plans the deployment first (a dry run, with the rule checks); the plan is shown in a modal
 * confirmation that names the workspace, and only a confirmed plan is deployed. Never in
 * Restricted Mode: deploying sends a token and changes a production service.
 */
export async function deployRule(
  state: ExtensionContextState,
  uriArg?: unknown,
): Promise<DeployRuleResult | undefined> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window
      .showWarningMessage(
        'KQL Hunting does not deploy rules in Restricted Mode. Trust this workspace to deploy.',
        'Manage Workspace Trust',
      )
      .then((pick) => pick && vscode.commands.executeCommand('workbench.trust.manage'));
    return undefined;
  }
  const client = state.client;
  if (!client || !client.isRunning()) {
    void vscode.window.showWarningMessage('The KQL language server is not ready yet.');
    return undefined;
  }
  const document =
    uriArg instanceof vscode.Uri
      ? await vscode.workspace.openTextDocument(uriArg)
      : vscode.window.activeTextEditor?.document;
  const detection = document?.fileName.toLowerCase().endsWith('.detection.json') === true;
  if (!document || document.uri.scheme !== 'file' || (!detection && document.languageId !== 'yaml')) {
    void vscode.window.showWarningMessage(
      'Open a Sentinel rule YAML or a Defender *.detection.json file saved on disk to deploy it.',
    );
    return undefined;
  }
  const workspace = await pickWorkspace(state, detection ? 'defender' : 'logAnalytics');
  if (!workspace) return undefined;
  if (document.isDirty && !(await document.save())) return undefined;

  const name = vscode.workspace.asRelativePath(document.uri);
  const where = `${detection ? 'Defender XDR workspace' : 'Sentinel workspace'} "${workspace.name}"`;
  const send = async (dryRun: boolean) =>
    client.sendRequest(DeployRuleRequest, {
      uri: document.uri.toString(),
      workspace,
      dryRun,
      ...(await signIn(state, workspace)),
    });
  const plan = await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: `Planning the deployment of ${name} to ${where}`,
    },
    () => send(true),
  );
  log(state, plan);
  if (plan.exitCode !== 0) {
    void showProblem(state, `${name} was not deployed to ${where}`, plan);
    return plan;
  }
  if (!/[~+] (change|create)/.test(plan.output)) {
    void vscode.window.showInformationMessage(`${name} is already deployed to ${where}, unchanged.`);
    return plan;
  }
  const confirm = await vscode.window.showWarningMessage(
    `Deploy ${name} to ${where}?`,
    { modal: true, detail: plan.output.replace(/^Dry run: .*$/m, '').trim() },
    'Deploy',
  );
  if (confirm !== 'Deploy') return undefined;
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Deploying ${name} to ${where}` },
    () => send(false),
  );
  log(state, result);
  if (result.exitCode !== 0) void showProblem(state, `Deploying ${name} to ${where} failed`, result);
  else void vscode.window.showInformationMessage(`Deployed ${name} to ${where}.`);
  return result;
}

async function pickWorkspace(
  state: ExtensionContextState,
  kind: 'logAnalytics' | 'defender',
): Promise<WorkspaceConfig | undefined> {
  const candidates = state.queries.workspaces.list().filter((w) => w.kind === kind);
  if (candidates.length === 0) {
    const pick = await vscode.window.showWarningMessage(
      kind === 'defender'
        ? 'No Defender XDR workspace in kqlHunting.workspaces to deploy custom detections to.'
        : 'No Log Analytics workspace in kqlHunting.workspaces to deploy Sentinel rules to (it needs subscriptionId, resourceGroup and workspaceName).',
      'Add Workspace…',
    );
    if (pick) await vscode.commands.executeCommand('kqlHunting.addWorkspace');
    return undefined;
  }
  if (candidates.length === 1) return candidates[0];
  const picked = await vscode.window.showQuickPick(
    candidates.map((w) => ({ label: w.name, workspace: w })),
    { placeHolder: 'Deploy to which workspace?' },
  );
  return picked?.workspace;
}

/** A sealed token from VS Code's Microsoft sign-in when that is the sign-in mode, for the service the rule goes to. */
async function signIn(
  state: ExtensionContextState,
  workspace: WorkspaceConfig,
): Promise<{ token?: SealedToken }> {
  const mode = vscode.workspace.getConfiguration('kqlHunting.run').get<string>('signIn', 'vscode');
  const scope = workspace.kind === 'logAnalytics' ? managementScopeFor(workspace) : tokenScopeFor(workspace);
  if (mode !== 'vscode' || !scope) return {};
  const token = await new VsCodeMicrosoftCredential(workspace.tenantId).getToken(scope);
  return token ? { token: sealToken(token.token, token.expiresOnTimestamp, state.tokenKey) } : {};
}

function log(state: ExtensionContextState, result: DeployRuleResult): void {
  for (const line of `${result.output}${result.errors}`.split('\n'))
    if (line) state.output.info(`deploy: ${line}`);
}

async function showProblem(
  state: ExtensionContextState,
  title: string,
  result: DeployRuleResult,
): Promise<void> {
  const first = result.errors
    .split('\n')
    .find(Boolean)
    ?.replace(/^kqlhunt: /, '');
  const refused = /! refused/.test(result.output) ? 'the rule fails its checks (see Problems)' : undefined;
  const pick = await vscode.window.showErrorMessage(
    `${title}: ${first ?? refused ?? 'see the output'}`,
    'Show Output',
  );
  if (pick) state.output.show(true);
}
