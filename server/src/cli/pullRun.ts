import type { TokenCredential } from '@azure/core-auth';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { deployableDetectionFields } from '../deploy/plan/detectionRuleFields';
import type { FieldChange } from '../deploy/plan/rulePlan';
import { newRuleYaml, ruleFileStem, updatedRuleYaml } from '../deploy/plan/ruleYamlText';
import { yamlFromArmRule } from '../deploy/plan/sentinelRuleFields';
import { DetectionRulesClient } from '../deploy/detectionRulesClient';
import { isFileKind, SentinelRulesClient } from '../deploy/sentinelRulesClient';
import type { CliIo } from './cliIo';
import { defenderPlan } from '../deploy/defenderSync';
import { DETECTION_SUFFIX, readDeployFiles } from './deployFiles';
import { changeLines } from '../deploy/deployOutput';
import type { DeployTarget } from '../deploy/deployTarget';
import { sentinelPlan } from '../deploy/sentinelSync';
import { visible } from './visibleText';

/**
 * `kqlhunt pull`: the deployed rules against the rule files under a folder. Drift is printed as
 * it is found; unless it is a dry run, rules only deployed become new files and differing files
 * are brought up to date. Rules only in the repository are reported and never deleted.
 */
export interface Drift {
  differs: number;
  repositoryOnly: number;
  workspaceOnly: number;
  unchanged: number;
}

export function runPull(
  target: DeployTarget,
  credential: TokenCredential,
  outDir: string,
  configFile: string | undefined,
  dryRun: boolean,
  io: CliIo,
): Promise<Drift> {
  return target.platform === 'sentinel'
    ? pullSentinel(new SentinelRulesClient(target.workspace, credential), outDir, configFile, dryRun, io)
    : pullDefender(new DetectionRulesClient(target.workspace, credential), outDir, dryRun, io);
}

/** Changes as pull shows them: from the file's value to the deployed one, which the file is given. */
function towardDeployed(changes: readonly FieldChange[]): FieldChange[] {
  return changes.map((c) => ({ field: c.field, before: c.after, after: c.before }));
}

function existingFiles(outDir: string): boolean {
  return fs.existsSync(outDir);
}

/** A path in `dir` for a new file, never one that exists. */
function freshPath(dir: string, stem: string, extension: string): string {
  let candidate = path.join(dir, `${stem}${extension}`);
  for (let n = 2; fs.existsSync(candidate); n++) candidate = path.join(dir, `${stem}-${n}${extension}`);
  return candidate;
}

function shown(cwd: string, file: string): string {
  return visible(path.relative(cwd, file).split(path.sep).join('/'));
}

async function pullSentinel(
  client: SentinelRulesClient,
  outDir: string,
  configFile: string | undefined,
  dryRun: boolean,
  io: CliIo,
): Promise<Drift> {
  const deployed = await client.list();
  for (const d of deployed.filter((r) => !isFileKind(r.kind)))
    io.stderr.write(
      `kqlhunt: left out ${visible(d.name)} (kind ${visible(d.kind)}): only Scheduled and NRT rules are written as files\n`,
    );
  const files = existingFiles(outDir)
    ? await readDeployFiles([outDir], io.cwd, configFile, 'sentinel', { check: false })
    : { sentinel: [], defender: [], skipped: [] };
  const plan = sentinelPlan(files.sentinel, deployed);
  const drift: Drift = { differs: 0, repositoryOnly: 0, workspaceOnly: 0, unchanged: 0 };
  io.stdout.write(`Rules of ${visible(client.target)} against ${shown(io.cwd, outDir) || '.'}:\n`);
  const byName = new Map(deployed.map((d) => [d.name.toLowerCase(), d]));
  for (const e of plan.entries) {
    const title = visible(String(e.local.rule.properties.displayName));
    if (e.action === 'unchanged') {
      drift.unchanged++;
      continue;
    }
    if (e.action === 'create') {
      drift.repositoryOnly++;
      io.stdout.write(
        `  - only in the repository  ${visible(e.key)}  "${title}"  (${visible(e.local.display)})\n`,
      );
      continue;
    }
    drift.differs++;
    io.stdout.write(`  ~ differs  ${visible(e.key)}  "${title}"  (${visible(e.local.display)})\n`);
    for (const change of towardDeployed(e.changes))
      io.stdout.write(
        changeLines(change)
          .map((l) => `${l}\n`)
          .join(''),
      );
    const remote = byName.get(e.key.toLowerCase())!;
    const text = fs.readFileSync(e.local.file, 'utf8');
    const updated = updatedRuleYaml(
      text,
      yamlFromArmRule(e.key, { kind: remote.kind as 'Scheduled', properties: remote.properties }),
    );
    if (!dryRun && updated !== undefined) {
      fs.writeFileSync(e.local.file, updated);
      io.stdout.write(`      updated ${visible(e.local.display)}\n`);
    }
  }
  for (const { key, remote } of plan.remoteOnly) {
    drift.workspaceOnly++;
    const fields = yamlFromArmRule(key, { kind: remote.kind as 'Scheduled', properties: remote.properties });
    io.stdout.write(`  + only deployed  ${visible(key)}  "${visible(String(fields.name))}"\n`);
    if (dryRun) continue;
    const file = freshPath(outDir, ruleFileStem(fields.name, key), '.yaml');
    fs.writeFileSync(file, newRuleYaml(fields));
    io.stdout.write(`      wrote ${shown(io.cwd, file)}\n`);
  }
  return drift;
}

async function pullDefender(
  client: DetectionRulesClient,
  outDir: string,
  dryRun: boolean,
  io: CliIo,
): Promise<Drift> {
  const deployed = await client.list();
  const files = existingFiles(outDir)
    ? await readDeployFiles([outDir], io.cwd, undefined, 'defender', { check: false })
    : { sentinel: [], defender: [], skipped: [] };
  const plan = defenderPlan(files.defender, deployed);
  const drift: Drift = { differs: 0, repositoryOnly: 0, workspaceOnly: 0, unchanged: 0 };
  io.stdout.write(`Rules of ${visible(client.target)} against ${shown(io.cwd, outDir) || '.'}:\n`);
  const byId = new Map(deployed.map((d) => [String(d.id), d]));
  const asFile = (rule: Record<string, unknown>) =>
    `${JSON.stringify({ id: rule.id, ...deployableDetectionFields(rule) }, null, 2)}\n`;
  for (const e of plan.entries) {
    const title = visible(String(e.local.rule.displayName));
    if (e.action === 'unchanged') {
      drift.unchanged++;
      continue;
    }
    if (e.action === 'create') {
      drift.repositoryOnly++;
      io.stdout.write(`  - only in the repository  "${title}"  (${visible(e.local.display)})\n`);
      continue;
    }
    drift.differs++;
    io.stdout.write(`  ~ differs  ${visible(e.key)}  "${title}"  (${visible(e.local.display)})\n`);
    for (const change of towardDeployed(e.changes))
      io.stdout.write(
        changeLines(change)
          .map((l) => `${l}\n`)
          .join(''),
      );
    if (!dryRun) {
      fs.writeFileSync(e.local.file, asFile(byId.get(e.key)!));
      io.stdout.write(`      updated ${visible(e.local.display)}\n`);
    }
  }
  for (const { key, remote } of plan.remoteOnly) {
    drift.workspaceOnly++;
    io.stdout.write(`  + only deployed  ${visible(key)}  "${visible(String(remote.displayName))}"\n`);
    if (dryRun) continue;
    const file = freshPath(outDir, ruleFileStem(remote.displayName, key), DETECTION_SUFFIX);
    fs.writeFileSync(file, asFile(remote));
    io.stdout.write(`      wrote ${shown(io.cwd, file)}\n`);
  }
  return drift;
}
