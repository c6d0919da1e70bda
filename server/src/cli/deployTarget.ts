import { targetOf, type DeployTarget } from '../deploy/deployTarget';
import { UsageError } from './exitCodes';
import { chooseWorkspace, loadRunConfig } from './runWorkspaces';

/**
 * Where `kqlhunt deploy --to` and `pull --from` go: a workspace named in `.kqlhunt.json`, never a
 * default one, since a deployment changes a production service.
 */
export function deployTarget(
  cwd: string,
  name: string | undefined,
  option: '--to' | '--from',
  configFile: string | undefined,
): DeployTarget {
  if (name === undefined || name === '')
    throw new UsageError(`name the workspace with ${option} NAME (a workspace listed in .kqlhunt.json)`);
  if (name.startsWith('local:'))
    throw new UsageError(
      `${option} ${name}: rules are deployed to Sentinel or Defender XDR, not to a local folder`,
    );
  const target = targetOf(chooseWorkspace(loadRunConfig(cwd, configFile), name, undefined, cwd));
  if (typeof target === 'string') throw new UsageError(target);
  return target;
}
