import * as fs from 'node:fs';
import * as path from 'node:path';
import { deployableDetectionFields } from '../../deploy/plan/detectionRuleFields';
import type { FieldChange } from '../../deploy/plan/rulePlan';
import { newRuleYaml, ruleFileStem, updatedRuleYaml } from '../../deploy/plan/ruleYamlText';
import { yamlFromArmRule } from '../../deploy/plan/sentinelRuleFields';
import { DetectionRulesClient } from '../../deploy/detectionRulesClient';
import { isFileKind, SentinelRulesClient } from '../../deploy/sentinelRulesClient';
import { stringOption, type CliCommand } from '../cliCommand';
import type { CliIo } from '../cliIo';
import { defenderPlan } from '../defenderSync';
import { DETECTION_SUFFIX, readDeployFiles } from '../deployFiles';
import { changeLines, countLine } from '../deployOutput';
import { deployCredential, deployTarget, failureMessage } from '../deployTarget';
import { EXIT_FINDINGS, EXIT_OK, UsageError } from '../exitCodes';
import { sentinelPlan } from '../sentinelSync';
import { visible } from '../visibleText';

const HELP = `Usage: kqlhunt pull --from WORKSPACE [--out DIR] [--dry-run]

Reads the deployed rules (Microsoft Sentinel analytic rules of a Log Analytics workspace, or the
Defender XDR custom detections of a Defender workspace), reports drift against the rule files
under DIR, and writes the deployed rules as files there: a rule the repository lacks becomes a new
file named from its display name (Sentinel rule YAML, or NAME.detection.json), and a file whose
rule differs is updated in place (YAML keeps its comments and the keys that are not deployed).
Rules only in the repository are reported and left alone.

Options:
      --from <NAME>    the workspace, by its name in .kqlhunt.json (required)
      --out <DIR>      the rule folder (default: the current folder)
      --dry-run        report the drift and write nothing; exit 1 when there is drift
  -c, --config <FILE>  settings file (default: the nearest .kqlhunt.json)
  -h, --help           this help

Exit codes: 0 done (or, with --dry-run, no drift), 1 drift with --dry-run or a service error,
2 bad usage.
`;

interface Drift {
  differs: number;
  repositoryOnly: number;
  workspaceOnly: number;
  unchanged: number;
}

export const pullCommand: CliCommand = {
  name: 'pull',
  summary: 'write deployed rules as files and report drift between the portal and the repository',
  help: HELP,
  options: {
    from: { type: 'string' },
    out: { type: 'string' },
    'dry-run': { type: 'boolean' },
    config: { type: 'string', short: 'c' },
  },
  async run({ values, positionals }, io) {
    if (positionals.length) throw new UsageError('pull takes no PATH; name the folder with --out DIR');
    const configFile = stringOption(values, 'config');
    const target = deployTarget(io.cwd, stringOption(values, 'from'), '--from', configFile);
    const outDir = path.resolve(io.cwd, stringOption(values, 'out') ?? '.');
    if (fs.existsSync(outDir) && !fs.statSync(outDir).isDirectory())
      throw new UsageError(`--out ${stringOption(values, 'out')} is not a folder`);
    const dryRun = values['dry-run'] === true;
    if (!dryRun) fs.mkdirSync(outDir, { recursive: true });
    try {
      const credential = await deployCredential(target);
      const drift =
        target.platform === 'sentinel'
          ? await pullSentinel(
              new SentinelRulesClient(target.workspace, credential),
              outDir,
              configFile,
              dryRun,
              io,
            )
          : await pullDefender(new DetectionRulesClient(target.workspace, credential), outDir, dryRun, io);
      const total = drift.differs + drift.repositoryOnly + drift.workspaceOnly;
      io.stdout.write(
        `${total ? 'Drift' : 'No drift'}: ${countLine({ differ: drift.differs, 'only in the repository': drift.repositoryOnly, 'only deployed': drift.workspaceOnly, unchanged: drift.unchanged }) || 'no rules'}${dryRun ? '; nothing was written' : ''}.\n`,
      );
      return dryRun && total ? EXIT_FINDINGS : EXIT_OK;
    } catch (e) {
      if (e instanceof UsageError) throw e;
      io.stderr.write(`kqlhunt: ${visible(failureMessage(e))}\n`);
      return EXIT_FINDINGS;
    }
  },
};

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
