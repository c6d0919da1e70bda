import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError } from '../cli/exitCodes';
import { readDeployFiles } from '../cli/deployFiles';
import { deployRules } from '../deploy/deployRules';
import { targetOf } from '../deploy/deployTarget';
import { DeployRuleRequest } from '../protocol/messages';
import type { DeployRuleParams, DeployRuleResult } from '../protocol/deployRule';
import type { HandlerModule } from './handlerModule';
import { credentialFrom } from './sealedCredentials';

/**
 * The editor's *Deploy Rule…*: the same deployment as `kqlhunt deploy FILE --to WORKSPACE`
 * (deploy/deployRules.ts), run here because the client may not load the Azure SDK or read files. The
 * checks use the settings `kqlhunt check` would use for the file (its nearest .kqlhunt.json).
 * The extension asks for this only in a trusted workspace, after the user confirmed the plan.
 * Nothing from the token reaches the output: the service clients never see it.
 */
async function deployRule(params: DeployRuleParams): Promise<DeployRuleResult> {
  let output = '';
  let errors = '';
  const fail = (message: string): DeployRuleResult => ({
    exitCode: EXIT_USAGE,
    output,
    errors: `${errors}${message}\n`,
  });
  let file: string;
  try {
    file = fileURLToPath(params.uri);
  } catch {
    return fail('Only a rule file saved on disk can be deployed.');
  }
  const target = targetOf(params.workspace);
  if (typeof target === 'string') return fail(target);
  const credential = credentialFrom(params.token);
  try {
    const files = await readDeployFiles([file], path.dirname(file), undefined, target.platform);
    const done = await deployRules(
      target,
      files,
      { dryRun: params.dryRun, force: false, ...(credential ? { credential } : {}) },
      { out: (t) => void (output += t), problem: (t) => void (errors += t) },
    );
    return { exitCode: done ? EXIT_OK : EXIT_FINDINGS, output, errors };
  } catch (e) {
    if (e instanceof UsageError) return fail(e.message);
    throw e;
  }
}

export const deployHandlers: HandlerModule = {
  name: 'deploy',
  capabilities: () => ({}),
  register(ctx) {
    ctx.connection.onRequest(DeployRuleRequest, (params) => deployRule(params));
  },
};
