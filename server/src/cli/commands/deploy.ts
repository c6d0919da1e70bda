import { stringOption, type CliCommand } from '../cliCommand';
import { deployRules } from '../../deploy/deployRules';
import { readDeployFiles } from '../deployFiles';
import { deployTarget } from '../deployTarget';
import { EXIT_FINDINGS, EXIT_OK, UsageError } from '../exitCodes';

const HELP = `Usage: kqlhunt deploy PATH... --to WORKSPACE [--dry-run] [--force]

Creates or updates rules from the files under PATH. For a Log Analytics workspace: Microsoft
Sentinel analytic rules (rule YAML with kind Scheduled or NRT; the rule's id names the deployed
rule), through Azure Resource Manager; the workspace entry in .kqlhunt.json needs
subscriptionId, resourceGroup and workspaceName. For a Defender workspace: custom detections
(*.detection.json files holding a Microsoft Graph detectionRule), through Microsoft Graph.
Signs in with DefaultAzureCredential, as kqlhunt run does.

First prints the plan: each rule created, changed (with the fields that differ, old -> new) or
unchanged, and the deployed rules the repository lacks. A rule that fails its checks (an error
from kqlhunt check) is refused unless --force is given.

Options:
      --to <NAME>      the workspace, by its name in .kqlhunt.json (required)
      --dry-run        print the plan and change nothing
      --force          deploy rules even when their checks report errors
  -c, --config <FILE>  settings file (default: the nearest .kqlhunt.json)
  -h, --help           this help

Exit codes: 0 every rule was deployed or was unchanged, 1 a rule was refused or the service
refused a request, 2 bad usage.
`;

export const deployCommand: CliCommand = {
  name: 'deploy',
  summary: 'create or update Sentinel analytic rules or Defender XDR custom detections',
  help: HELP,
  options: {
    to: { type: 'string' },
    'dry-run': { type: 'boolean' },
    force: { type: 'boolean' },
    config: { type: 'string', short: 'c' },
  },
  async run({ values, positionals }, io) {
    const configFile = stringOption(values, 'config');
    const target = deployTarget(io.cwd, stringOption(values, 'to'), '--to', configFile);
    if (positionals.length === 0)
      throw new UsageError('name the rule files or folders to deploy (see kqlhunt deploy --help)');
    const files = await readDeployFiles(positionals, io.cwd, configFile, target.platform);
    const done = await deployRules(
      target,
      files,
      { dryRun: values['dry-run'] === true, force: values.force === true },
      { out: (t) => void io.stdout.write(t), problem: (t) => void io.stderr.write(t) },
    );
    return done ? EXIT_OK : EXIT_FINDINGS;
  },
};
