import type { TokenCredential } from '@azure/core-auth';
import type { DeployFiles } from '../cli/deployFiles';
import { visible } from '../cli/visibleText';
import { defenderPlan, patchBody } from './defenderSync';
import { countLine, planLines } from './deployOutput';
import { deployCredential, failureMessage, type DeployTarget } from './deployTarget';
import { DetectionRulesClient } from './detectionRulesClient';
import { SentinelRulesClient } from './sentinelRulesClient';
import { sentinelPlan } from './sentinelSync';

/**
 * One deployment, as `kqlhunt deploy` and the editor's *Deploy Rule…* command (through the
 * language server) both run it, on rule files the caller has read and checked (`readDeployFiles`,
 * with `kqlhunt check`'s checks): plan against the service, write the plan, and unless it is a dry run apply it. The plan and
 * what was done go to `log.out`, skipped files and failures to `log.problem`, each already a
 * line of text, so that the command line and the editor show the same words.
 */
export interface DeployOptions {
  dryRun: boolean;
  force: boolean;
  /** A token source; DefaultAzureCredential when absent. */
  credential?: TokenCredential;
}

export interface DeployLog {
  out(text: string): void;
  problem(text: string): void;
}

/**
 * Runs the deployment; true when every rule was deployed or unchanged, false when a file was
 * skipped, a rule refused or a request failed.
 */
export async function deployRules(
  target: DeployTarget,
  files: DeployFiles,
  options: DeployOptions,
  log: DeployLog,
): Promise<boolean> {
  for (const s of files.skipped)
    log.problem(`kqlhunt: skipped ${visible(s.display)}: ${visible(s.reason)}\n`);
  try {
    return await deploy(target, files, options, log);
  } catch (e) {
    log.problem(`kqlhunt: ${visible(failureMessage(e))}\n`);
    return false;
  }
}

async function deploy(
  target: DeployTarget,
  files: DeployFiles,
  options: DeployOptions,
  log: DeployLog,
): Promise<boolean> {
  const count = target.platform === 'sentinel' ? files.sentinel.length : files.defender.length;
  if (count === 0) {
    log.problem(
      `kqlhunt: no ${target.platform === 'sentinel' ? 'Sentinel analytic rule files (YAML, kind Scheduled or NRT)' : 'Defender detection files (*.detection.json)'} found to deploy\n`,
    );
    return !files.skipped.length;
  }
  const credential = options.credential ?? (await deployCredential(target));
  return target.platform === 'sentinel'
    ? deploySentinel(new SentinelRulesClient(target.workspace, credential), files, options, log)
    : deployDefender(new DetectionRulesClient(target.workspace, credential), files, options, log);
}

async function deploySentinel(
  client: SentinelRulesClient,
  files: DeployFiles,
  options: DeployOptions,
  log: DeployLog,
): Promise<boolean> {
  const deployed = await client.list();
  const plan = sentinelPlan(files.sentinel, deployed);
  const refused = (f: (typeof files.sentinel)[number]) => f.errors.length > 0 && !options.force;
  log.out(`Plan for ${visible(client.target)}:\n`);
  for (const e of plan.entries) {
    const title = String(e.local.rule.properties.displayName);
    const shown = refused(e.local)
      ? { action: 'refused' as const, key: e.key, title, file: e.local.display, errors: e.local.errors }
      : { action: e.action, key: e.key, title, file: e.local.display, changes: e.changes };
    log.out(
      planLines(shown)
        .map((l) => `${l}\n`)
        .join(''),
    );
  }
  for (const r of plan.remoteOnly)
    log.out(
      `  ? only in the workspace  ${visible(r.key)}  "${visible(String(r.remote.properties.displayName))}"\n`,
    );
  const counts = tally(plan.entries.map((e) => (refused(e.local) ? 'refused' : e.action)));
  if (options.dryRun) {
    log.out(`Dry run: ${countLine(counts)}; nothing was written.\n`);
    return !counts.refused;
  }
  const etags = new Map(deployed.map((d) => [d.name.toLowerCase(), d.etag]));
  const done = { created: 0, updated: 0, unchanged: counts.unchanged, refused: counts.refused, failed: 0 };
  for (const e of plan.entries) {
    if (e.action === 'unchanged' || refused(e.local)) continue;
    try {
      const result = await client.put(e.key, e.local.rule, etags.get(e.key.toLowerCase()));
      done[result.created ? 'created' : 'updated']++;
      log.out(
        `${result.created ? 'created' : 'updated'} ${visible(e.key)} from ${visible(e.local.display)}\n`,
      );
    } catch (err) {
      done.failed++;
      log.problem(`kqlhunt: ${visible(failureMessage(err))}\n`);
    }
  }
  log.out(`Done: ${countLine(done) || 'nothing to do'}.\n`);
  return !(done.failed || done.refused);
}

async function deployDefender(
  client: DetectionRulesClient,
  files: DeployFiles,
  options: DeployOptions,
  log: DeployLog,
): Promise<boolean> {
  const plan = defenderPlan(files.defender, await client.list());
  const refused = (f: (typeof files.defender)[number]) => f.errors.length > 0 && !options.force;
  log.out(`Plan for ${visible(client.target)}:\n`);
  for (const e of plan.entries) {
    const title = String(e.local.rule.displayName);
    const shown = refused(e.local)
      ? { action: 'refused' as const, key: e.key, title, file: e.local.display, errors: e.local.errors }
      : { action: e.action, key: e.key, title, file: e.local.display, changes: e.changes };
    log.out(
      planLines(shown)
        .map((l) => `${l}\n`)
        .join(''),
    );
  }
  for (const r of plan.remoteOnly)
    log.out(`  ? only in the tenant  ${visible(r.key)}  "${visible(String(r.remote.displayName))}"\n`);
  const counts = tally(plan.entries.map((e) => (refused(e.local) ? 'refused' : e.action)));
  if (options.dryRun) {
    log.out(`Dry run: ${countLine(counts)}; nothing was written.\n`);
    return !counts.refused;
  }
  const done = { created: 0, updated: 0, unchanged: counts.unchanged, refused: counts.refused, failed: 0 };
  for (const e of plan.entries) {
    if (refused(e.local)) continue;
    try {
      if (e.action === 'create') {
        const made = await client.create(patchBody(e.local, Object.keys(e.local.rule)));
        done.created++;
        log.out(`created ${visible(String(made.id ?? e.key))} from ${visible(e.local.display)}\n`);
      } else if (e.action === 'change') {
        await client.update(
          e.key,
          patchBody(
            e.local,
            e.changes.map((c) => c.field),
          ),
        );
        done.updated++;
        log.out(`updated ${visible(e.key)} from ${visible(e.local.display)}\n`);
      }
    } catch (err) {
      done.failed++;
      log.problem(`kqlhunt: ${visible(failureMessage(err))}\n`);
    }
  }
  log.out(`Done: ${countLine(done) || 'nothing to do'}.\n`);
  return !(done.failed || done.refused);
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
