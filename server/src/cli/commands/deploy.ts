import { DetectionRulesClient } from '../../deploy/detectionRulesClient';
import { SentinelRulesClient } from '../../deploy/sentinelRulesClient';
import { stringOption, type CliCommand } from '../cliCommand';
import type { CliIo } from '../cliIo';
import { defenderPlan, patchBody } from '../defenderSync';
import { readDeployFiles, type DeployFiles } from '../deployFiles';
import { countLine, planLines } from '../deployOutput';
import { deployCredential, deployTarget, failureMessage, type DeployTarget } from '../deployTarget';
import { EXIT_FINDINGS, EXIT_OK, UsageError } from '../exitCodes';
import { sentinelPlan } from '../sentinelSync';
import { visible } from '../visibleText';

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

interface DeployOptions {
  dryRun: boolean;
  force: boolean;
}

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
    for (const s of files.skipped)
      io.stderr.write(`kqlhunt: skipped ${visible(s.display)}: ${visible(s.reason)}\n`);
    const options = { dryRun: values['dry-run'] === true, force: values.force === true };
    try {
      return await deploy(target, files, options, io);
    } catch (e) {
      io.stderr.write(`kqlhunt: ${visible(failureMessage(e))}\n`);
      return EXIT_FINDINGS;
    }
  },
};

async function deploy(
  target: DeployTarget,
  files: DeployFiles,
  options: DeployOptions,
  io: CliIo,
): Promise<number> {
  const count = target.platform === 'sentinel' ? files.sentinel.length : files.defender.length;
  if (count === 0) {
    io.stderr.write(
      `kqlhunt: no ${target.platform === 'sentinel' ? 'Sentinel analytic rule files (YAML, kind Scheduled or NRT)' : 'Defender detection files (*.detection.json)'} found to deploy\n`,
    );
    return files.skipped.length ? EXIT_FINDINGS : EXIT_OK;
  }
  const credential = await deployCredential(target);
  return target.platform === 'sentinel'
    ? deploySentinel(new SentinelRulesClient(target.workspace, credential), files, options, io)
    : deployDefender(new DetectionRulesClient(target.workspace, credential), files, options, io);
}

async function deploySentinel(
  client: SentinelRulesClient,
  files: DeployFiles,
  options: DeployOptions,
  io: CliIo,
): Promise<number> {
  const deployed = await client.list();
  const plan = sentinelPlan(files.sentinel, deployed);
  const refused = (f: (typeof files.sentinel)[number]) => f.errors.length > 0 && !options.force;
  io.stdout.write(`Plan for ${visible(client.target)}:\n`);
  for (const e of plan.entries) {
    const title = String(e.local.rule.properties.displayName);
    const shown = refused(e.local)
      ? { action: 'refused' as const, key: e.key, title, file: e.local.display, errors: e.local.errors }
      : { action: e.action, key: e.key, title, file: e.local.display, changes: e.changes };
    io.stdout.write(
      planLines(shown)
        .map((l) => `${l}\n`)
        .join(''),
    );
  }
  for (const r of plan.remoteOnly)
    io.stdout.write(
      `  ? only in the workspace  ${visible(r.key)}  "${visible(String(r.remote.properties.displayName))}"\n`,
    );
  const counts = tally(plan.entries.map((e) => (refused(e.local) ? 'refused' : e.action)));
  if (options.dryRun) {
    io.stdout.write(`Dry run: ${countLine(counts)}; nothing was written.\n`);
    return counts.refused ? EXIT_FINDINGS : EXIT_OK;
  }
  const etags = new Map(deployed.map((d) => [d.name.toLowerCase(), d.etag]));
  const done = { created: 0, updated: 0, unchanged: counts.unchanged, refused: counts.refused, failed: 0 };
  for (const e of plan.entries) {
    if (e.action === 'unchanged' || refused(e.local)) continue;
    try {
      const result = await client.put(e.key, e.local.rule, etags.get(e.key.toLowerCase()));
      done[result.created ? 'created' : 'updated']++;
      io.stdout.write(
        `${result.created ? 'created' : 'updated'} ${visible(e.key)} from ${visible(e.local.display)}\n`,
      );
    } catch (err) {
      done.failed++;
      io.stderr.write(`kqlhunt: ${visible(failureMessage(err))}\n`);
    }
  }
  io.stdout.write(`Done: ${countLine(done) || 'nothing to do'}.\n`);
  return done.failed || done.refused ? EXIT_FINDINGS : EXIT_OK;
}

async function deployDefender(
  client: DetectionRulesClient,
  files: DeployFiles,
  options: DeployOptions,
  io: CliIo,
): Promise<number> {
  const plan = defenderPlan(files.defender, await client.list());
  const refused = (f: (typeof files.defender)[number]) => f.errors.length > 0 && !options.force;
  io.stdout.write(`Plan for ${visible(client.target)}:\n`);
  for (const e of plan.entries) {
    const title = String(e.local.rule.displayName);
    const shown = refused(e.local)
      ? { action: 'refused' as const, key: e.key, title, file: e.local.display, errors: e.local.errors }
      : { action: e.action, key: e.key, title, file: e.local.display, changes: e.changes };
    io.stdout.write(
      planLines(shown)
        .map((l) => `${l}\n`)
        .join(''),
    );
  }
  for (const r of plan.remoteOnly)
    io.stdout.write(
      `  ? only in the tenant  ${visible(r.key)}  "${visible(String(r.remote.displayName))}"\n`,
    );
  const counts = tally(plan.entries.map((e) => (refused(e.local) ? 'refused' : e.action)));
  if (options.dryRun) {
    io.stdout.write(`Dry run: ${countLine(counts)}; nothing was written.\n`);
    return counts.refused ? EXIT_FINDINGS : EXIT_OK;
  }
  const done = { created: 0, updated: 0, unchanged: counts.unchanged, refused: counts.refused, failed: 0 };
  for (const e of plan.entries) {
    if (refused(e.local)) continue;
    try {
      if (e.action === 'create') {
        const made = await client.create(patchBody(e.local, Object.keys(e.local.rule)));
        done.created++;
        io.stdout.write(`created ${visible(String(made.id ?? e.key))} from ${visible(e.local.display)}\n`);
      } else if (e.action === 'change') {
        await client.update(
          e.key,
          patchBody(
            e.local,
            e.changes.map((c) => c.field),
          ),
        );
        done.updated++;
        io.stdout.write(`updated ${visible(e.key)} from ${visible(e.local.display)}\n`);
      }
    } catch (err) {
      done.failed++;
      io.stderr.write(`kqlhunt: ${visible(failureMessage(err))}\n`);
    }
  }
  io.stdout.write(`Done: ${countLine(done) || 'nothing to do'}.\n`);
  return done.failed || done.refused ? EXIT_FINDINGS : EXIT_OK;
}

/** Plan actions counted in a fixed order, worded for the summary line. */
function tally(actions: readonly string[]): Record<string, number> {
  const n = (a: string) => actions.filter((x) => x === a).length;
  return {
    'to create': n('create'),
    'to change': n('change'),
    unchanged: n('unchanged'),
    refused: n('refused'),
  };
}
