import { parseArgs } from 'node:util';
import type { CliCommand } from './cliCommand';
import type { CliIo } from './cliIo';
import { COMMANDS } from './commandTable';
import { EXIT_OK, EXIT_USAGE, UsageError } from './exitCodes';
import { fillOptionalValues } from './optionalValues';
import { TOOL_VERSION } from './toolVersion';
import { visible } from './visibleText';

function generalHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const list = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n');
  return `kqlhunt ${TOOL_VERSION}: KQL for threat hunting and detection rules, from the command line.

Usage: kqlhunt <command> [options]

Commands:
${list}

Run 'kqlhunt <command> --help' for a command's options.
`;
}

/**
 * Runs one kqlhunt command line and returns the exit code. Usage errors and unexpected failures
 * alike end as one line on stderr with exit code 2, never as a stack trace (set KQLHUNT_DEBUG
 * to see one).
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr.write(generalHelp());
    return EXIT_USAGE;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(generalHelp());
    return EXIT_OK;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${TOOL_VERSION}\n`);
    return EXIT_OK;
  }
  const command = COMMANDS.find((c) => c.name === name);
  try {
    if (!command)
      throw new UsageError(
        `unknown command '${name}' (commands: ${COMMANDS.map((c) => c.name).join(', ')}; see kqlhunt --help)`,
      );
    return await runCommand(command, rest, io);
  } catch (e) {
    const prefix = command ? `kqlhunt ${command.name}` : 'kqlhunt';
    // Messages name files and quote arguments, which a pull request chooses: one line, with
    // control characters written out, whatever they hold.
    if (e instanceof UsageError) io.stderr.write(`${prefix}: ${visible(e.message)}\n`);
    else
      io.stderr.write(
        `${prefix}: internal error: ${e instanceof Error ? visible(e.message) + (io.env.KQLHUNT_DEBUG ? stackFrames(e) : '') : visible(String(e))}\n`,
      );
    return EXIT_USAGE;
  }
}

/** The `at ...` lines of an error's stack, which hold code locations only, for KQLHUNT_DEBUG. */
function stackFrames(e: Error): string {
  const at = e.stack?.indexOf('\n    at ') ?? -1;
  return at < 0 ? '' : e.stack!.slice(at);
}

async function runCommand(command: CliCommand, args: string[], io: CliIo): Promise<number> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: fillOptionalValues(args, command.optionalValues ?? []),
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    // parseArgs' messages name the option and the fix; the help hint is for everything else.
    throw new UsageError(
      `${(e as Error).message.replace(/\. To specify a positional argument.*$/s, '')} (see kqlhunt ${command.name} --help)`,
    );
  }
  if (parsed.values.help) {
    io.stdout.write(command.help);
    return EXIT_OK;
  }
  return command.run({ values: parsed.values, positionals: parsed.positionals }, io);
}
