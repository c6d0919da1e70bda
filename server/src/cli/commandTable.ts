import type { CliCommand } from './cliCommand';
import { checkCommand } from './commands/check';
import { deployCommand } from './commands/deploy';
import { convertCommand } from './commands/convert';
import { fmtCommand } from './commands/fmt';
import { mcpCommand } from './commands/mcp';
import { pullCommand } from './commands/pull';
import { runCommand } from './commands/run';
import { testCommand } from './commands/test';

/**
 * Every `kqlhunt` subcommand, in the order `kqlhunt --help` lists them.
 *
 * To add one (say `kqlhunt run`): write server/src/cli/commands/run.ts exporting a CliCommand
 * (name, summary, help, options in node:util parseArgs' format, and run(commandLine, io) that
 * returns an exit code from exitCodes.ts or throws UsageError), then add it to this list.
 * Argument parsing, `--help`, and the error handling and exit codes are shared in main.ts.
 */
export const COMMANDS: readonly CliCommand[] = [
  checkCommand,
  fmtCommand,
  convertCommand,
  testCommand,
  runCommand,
  deployCommand,
  pullCommand,
  mcpCommand,
];
