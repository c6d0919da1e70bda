import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { builtinSchema } from '../../schema/builtinSchemas';
import { isEnvironmentId } from '../../schema/environment';
import type { EnvironmentId } from '../../schema/types';
import { stringOption, type CliCommand } from '../cliCommand';
import { loadConfig } from '../config';
import { EXIT_FINDINGS, EXIT_OK, UsageError } from '../exitCodes';
import { writeFileAtomically } from '../fmt/atomicWrite';
import { yamlChangeOutsideQuery } from '../fmt/yamlIntact';
import { languageIdOf } from '../languageIds';
import { refuseOutputOverInput, writeOutput } from '../outputFile';
import { readRegularFile } from '../regularFile';
import { createCliService } from '../schemaSources';
import { isRuleFile, runConvertRule } from '../convertRuleCommand';
import { ruleQueryConverter } from '../../language/dialect/convert/ruleQueryConverter';
import { BuiltinSchemaProvider } from '../../schema/schemaProvider';
import { visible } from '../visibleText';

const HELP = `Usage: kqlhunt convert FILE --to sentinel|defender [--from ENV] [--write | -o OUT]

Rewrites the queries of FILE for the other environment: Defender XDR advanced hunting
(Timestamp) or Microsoft Sentinel (TimeGenerated). FILE is a .kql, .csl or .kusto file, a
Sentinel rule or hunting query YAML (only its query: changes, the rest of the YAML stays as it
is) or Markdown with kql/kusto fences. The time column, tables, columns and functions that the
target names differently are rewritten in place; comments and layout are kept. A column the
target types differently is wrapped in a conversion to the type it had (tostring(...)), and each
such rewrite is listed on standard error. What has no
counterpart in the target (a Defender-only table, FileProfile(), _GetWatchlist) is left as it is
and listed on standard error with its line and the reason.

Options:
      --to <ENV>                  the environment to convert to: sentinel or defender
      --from <ENV>                the environment the file is written for (default: its
                                  // kql-environment pin, Sentinel for rule YAML, else the
                                  configuration's environment)
      --rule                      convert the whole rule: Sentinel rule YAML to a Defender XDR
                                  custom detection (Graph detectionRule JSON) or back; a
                                  .json FILE is always converted this way. Use --output
      --write                     replace FILE with the converted text, in one step
  -o, --output <OUT>              write the converted text to OUT
  -c, --config <FILE>             settings file (default: the nearest .kqlhunt.json)
  -q, --quiet                     no summary on standard error
  -h, --help                      this help

Without --write or --output the converted text is printed on standard output.

Exit codes: 0 everything converted, 1 some name could not be converted (listed on standard
error; the rest is converted and written), 2 bad usage or a file that cannot be read or written.
`;

export const convertCommand: CliCommand = {
  name: 'convert',
  summary: 'convert a query between Defender XDR and Sentinel (time column, names, functions)',
  help: HELP,
  options: {
    to: { type: 'string' },
    from: { type: 'string' },
    write: { type: 'boolean' },
    rule: { type: 'boolean' },
    output: { type: 'string', short: 'o' },
    config: { type: 'string', short: 'c' },
    quiet: { type: 'boolean', short: 'q' },
  },
  async run({ values, positionals }, io) {
    if (positionals.length !== 1) throw new UsageError('convert takes one FILE');
    const to = environmentOption(stringOption(values, 'to'), '--to');
    if (!to) throw new UsageError('--to is required: --to sentinel or --to defender');
    const from = environmentOption(stringOption(values, 'from'), '--from');
    const output = stringOption(values, 'output');
    if (values.write === true && output !== undefined)
      throw new UsageError('--write and --output cannot be used together');

    const file = path.resolve(io.cwd, positionals[0]);
    const display = path.relative(io.cwd, file).split(path.sep).join('/');
    // A whole rule (Sentinel YAML <-> Defender custom detection JSON) goes to the rule
    // conversion, with this command's query converter for the query inside it.
    if (values.rule === true || /\.jsonc?$/i.test(file)) {
      if (values.write === true) throw new UsageError('--rule writes a new file: use --output, not --write');
      if (from !== undefined)
        throw new UsageError('--rule takes the platform from the file; leave out --from');
      const text = readUtf8(file, display);
      if (!isRuleFile(file, text))
        throw new UsageError(
          `${display}: not a Sentinel analytic rule YAML or a Defender custom detection JSON`,
        );
      return runConvertRule(
        {
          file: positionals[0],
          to,
          ...(output !== undefined ? { output } : {}),
          convertQuery: ruleQueryConverter(new BuiltinSchemaProvider()),
          service: createCliService([], {}),
        },
        io,
      );
    }
    const languageId = languageIdOf(file);
    if (!languageId || languageId === 'json')
      throw new UsageError(`${display}: convert reads .kql, .csl, .kusto, rule YAML and Markdown files`);
    const original = readUtf8(file, display);
    const bom = original.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
    const text = original.slice(bom.length);
    const { settings } = loadConfig(io.cwd, stringOption(values, 'config'));
    const service = createCliService([], {});
    const document = TextDocument.create(pathToFileURL(file).href, languageId, 1, text);
    if (service.regionsOf(document).length === 0)
      throw new UsageError(`${display}: no query found to convert`);

    const result = service.convert(document, settings, to, from);
    const converted = TextDocument.applyEdits(document, result.edits);
    if (languageId === 'yaml') {
      const problem = yamlChangeOutsideQuery(text, converted);
      if (problem)
        throw new UsageError(`${display}: converting would change the file (${problem}); nothing written`);
    }
    // Conversions written around a column change more than a name: each is said, and is not a failure.
    for (const n of result.notes) {
      const { line, character } = n.range.start;
      io.stderr.write(
        `${visible(display)}:${line + 1}:${character + 1}: ${visible(n.name)}: ${visible(n.note)}\n`,
      );
    }
    for (const u of result.unconverted) {
      const { line, character } = u.range.start;
      io.stderr.write(
        `${visible(display)}:${line + 1}:${character + 1}: ${visible(u.name)}: ${visible(u.reason)}\n`,
      );
    }

    if (values.write === true) {
      if (converted !== text) write(() => writeFileAtomically(file, bom + converted), display);
    } else if (output !== undefined) {
      const target = path.resolve(io.cwd, output);
      refuseOutputOverInput(output, target, [file]);
      writeOutput(target, bom + converted);
    } else io.stdout.write(converted);

    if (values.quiet !== true)
      io.stderr.write(summary(result.from, to, result.converted, result.unconverted.length));
    return result.unconverted.length > 0 ? EXIT_FINDINGS : EXIT_OK;
  },
};

function environmentOption(value: string | undefined, option: string): EnvironmentId | undefined {
  if (value === undefined) return undefined;
  const id = value.toLowerCase();
  if (!isEnvironmentId(id)) throw new UsageError(`${option} must be sentinel or defender, not '${value}'`);
  return id;
}

function readUtf8(file: string, display: string): string {
  let bytes: Buffer;
  try {
    bytes = readRegularFile(file);
  } catch (e) {
    throw new UsageError(`cannot read ${display}: ${(e as Error).message}`);
  }
  const text = bytes.toString('utf8');
  if (!Buffer.from(text, 'utf8').equals(bytes)) throw new UsageError(`${display}: not UTF-8 text`);
  return text;
}

function write(action: () => void, display: string): void {
  try {
    action();
  } catch (e) {
    throw new UsageError(`cannot write ${display}: ${(e as Error).message}`);
  }
}

function summary(from: EnvironmentId, to: EnvironmentId, converted: number, left: number): string {
  const names = (n: number) => `${n} name${n === 1 ? '' : 's'}`;
  const head = `kqlhunt: ${builtinSchema(from).displayName} to ${builtinSchema(to).displayName}: ${names(converted)} rewritten`;
  return left > 0 ? `${head}; ${names(left)} could not be converted (see above)\n` : `${head}\n`;
}
