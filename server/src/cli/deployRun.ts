import type { TokenCredential } from '@azure/core-auth';
import { DetectionRulesClient } from '../deploy/detectionRulesClient';
import { SentinelRulesClient } from '../deploy/sentinelRulesClient';
import type { CliIo } from './cliIo';
import { defenderPlan, patchBody } from './defenderSync';
import { readDeployFiles, type DeployFiles } from './deployFiles';
import { countLine, planLines } from './deployOutput';
import { deployCredential, failureMessage, type DeployTarget } from './deployTarget';
import { EXIT_FINDINGS, EXIT_OK } from './exitCodes';
import { sentinelPlan } from './sentinelSync';
import { visible } from './visibleText';

/**
 * One deployment, as `kqlhunt deploy` and the editor's *Deploy Rule…* command (through the
 * language server) both run it: read and check the rule files, plan against the service, print
 * the plan, and unless it is a dry run apply it. Output goes to `io`; the result is an exit code.
 */
export interface DeployOptions {
  dryRun: boolean;
  force: boolean;
  /** The settings file for the checks; the nearest .kqlhunt.json when absent. */
  configFile?: string;
  /** A token source; DefaultAzureCredential when absent. */
  credential?: TokenCredential;
}

export async function runDeployment(
  target: DeployTarget,
  paths: readonly string[],
  options: DeployOptions,
  io: CliIo,
): Promise<number> {
  const files = await readDeployFiles(paths, io.cwd, options.configFile, target.platform);
  for (const s of files.skipped)
    io.stderr.write(`kqlhunt: skipped ${visible(s.display)}: ${visible(s.reason)}\n`);
  try {
    return await deploy(target, files, options, io);
  } catch (e) {
    io.stderr.write(`kqlhunt: ${visible(failureMessage(e))}\n`);
    return EXIT_FINDINGS;
  }
}

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
  const credential = options.credential ?? (await deployCredential(target));
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
