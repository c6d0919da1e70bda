import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliIo } from '../cli/cliIo';
import { runDeployment } from '../cli/deployRun';
import { targetOf } from '../cli/deployTarget';
import { EXIT_USAGE, UsageError } from '../cli/exitCodes';
import { DeployRuleRequest } from '../protocol/messages';
import type { DeployRuleParams, DeployRuleResult } from '../protocol/deployRule';
import type { HandlerModule } from './handlerModule';
import { credentialFrom } from './sealedCredentials';

/**
 * The editor's *Deploy Rule…*: the same deployment as `kqlhunt deploy FILE --to WORKSPACE`
 * (cli/deployRun.ts), run here because the client may not load the Azure SDK or read files. The
 * checks use the settings `kqlhunt check` would use for the file (its nearest .kqlhunt.json).
 * The extension asks for this only in a trusted workspace, after the user confirmed the plan.
 * Nothing from the token reaches the output: the service clients never see it.
 */
async function deployRule(params: DeployRuleParams): Promise<DeployRuleResult> {
  let output = '';
  let errors = '';
  const stream = (append: (t: string) => void) => ({ isTTY: false, write: append });
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
  const io: CliIo = {
    cwd: path.dirname(file),
    env: {},
    stdout: stream((t) => void (output += t)),
    stderr: stream((t) => void (errors += t)),
  };
  const credential = credentialFrom(params.token);
  try {
    const exitCode = await runDeployment(
      target,
      [file],
      { dryRun: params.dryRun, force: false, ...(credential ? { credential } : {}) },
      io,
    );
    return { exitCode, output, errors };
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
