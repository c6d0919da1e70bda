import type { ParseArgsConfig } from 'node:util';
import type { CliIo } from './cliIo';

export type OptionSpecs = NonNullable<ParseArgsConfig['options']>;
export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

/** A subcommand's arguments after node:util parseArgs has checked them against its options. */
export interface CommandLine {
  values: OptionValues;
  positionals: string[];
}

/**
 * One `kqlhunt <name>` subcommand. Options are declared in node:util parseArgs' format; unknown
 * options, missing values and `--help` are handled once, in main.ts, for every command.
 */
export interface CliCommand {
  readonly name: string;
  /** One line for the list of commands in `kqlhunt --help`. */
  readonly summary: string;
  /** The full help of `kqlhunt <name> --help`: usage line, options, exit codes. */
  readonly help: string;
  readonly options: OptionSpecs;
  /** String options whose value may be left out (an empty value then), as `--changed [BASE]`. */
  readonly optionalValues?: readonly string[];
  /** Returns the process exit code; throws UsageError for bad input (exit code 2). */
  run(commandLine: CommandLine, io: CliIo): Promise<number>;
}

/** A string option's value, or the default when absent. */
export function stringOption(values: OptionValues, name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
}

/** Every value of a repeatable string option (declared with `multiple: true`). */
export function stringsOption(values: OptionValues, name: string): string[] {
  const v = values[name];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}
