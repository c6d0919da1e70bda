import * as fs from 'node:fs';
import * as path from 'node:path';
import { stringOption, type CliCommand } from '../cliCommand';
import { countLine } from '../../deploy/deployOutput';
import { deployCredential, failureMessage } from '../../deploy/deployTarget';
import { deployTarget } from '../deployTarget';
import { EXIT_FINDINGS, EXIT_OK, UsageError } from '../exitCodes';
import { runPull } from '../pullRun';
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
      const drift = await runPull(target, credential, outDir, configFile, dryRun, io);
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
