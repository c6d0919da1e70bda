import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { queryBlocksOf, ruleTimespan } from '../../connectors/queryBlocks';
import { runQuery } from '../../connectors/runQuery';
import { getLanguageService } from '../../service/languageService';
import { DEFAULT_SETTINGS } from '../../protocol/settings';
import { workspacePin } from '../../protocol/workspaces';
import { BuiltinSchemaProvider } from '../../schema/schemaProvider';
import { stringOption, type CliCommand } from '../cliCommand';
import { EXIT_FINDINGS, EXIT_OK, UsageError } from '../exitCodes';
import { languageIdOf } from '../languageIds';
import { formatRunResult, RUN_FORMATS, type RunFormat } from '../runOutput';
import { chooseWorkspace, loadRunConfig } from '../runWorkspaces';
import { visible } from '../visibleText';

const HELP = `Usage: kqlhunt run (FILE | --query TEXT) [options]

Runs one query and prints its result. FILE is a .kql file (blocks separated by blank lines are
separate queries: pick one with --block), a rule YAML (its query, over its queryPeriod), or
Markdown or ARM JSON holding KQL. Azure workspaces sign in with DefaultAzureCredential:
environment variables, managed identity, or an Azure CLI / Azure Developer CLI login.

Options:
      --query <TEXT>              the query to run, instead of a FILE
  -w, --workspace <NAME|local:DIR>
                                  a workspace from "workspaces" in .kqlhunt.json, or a folder of
                                  sample data (default: the file's kql-workspace pin, else the
                                  first configured workspace)
  -f, --format <table|json|csv>   output format (default: table); json is the Log Analytics shape
      --block <N>                 which query block of FILE to run (1-based)
      --timespan <ISO8601>        time span, such as P7D (default: the rule's queryPeriod, else
                                  the run.defaultTimespan setting, P30D)
      --timeout <SECONDS>         give up after this long (default: run.timeoutSeconds, 180)
      --row-limit <N>             rows kept per table (default: run.rowLimit, 30000)
      --allow-management          allow management commands (text starting with '.')
  -c, --config <FILE>             settings file (default: the nearest .kqlhunt.json)
  -h, --help                      this help

Exit codes: 0 the query ran, 1 the service or engine reported an error, 2 bad usage.
`;

function positiveNumber(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0)
    throw new UsageError(`${option} must be a positive number, not '${value}'`);
  return n;
}

/** The query text, its rule time span and its workspace pin, from --query or FILE. */
function readQuery(
  file: string | undefined,
  query: string | undefined,
  block: string | undefined,
  cwd: string,
): { text: string; timespan?: string; pin?: string } {
  if (query !== undefined) {
    if (file !== undefined) throw new UsageError('give either FILE or --query, not both');
    return { text: query };
  }
  if (file === undefined) throw new UsageError('give a FILE or --query TEXT (see kqlhunt run --help)');
  const abs = path.resolve(cwd, file);
  let content: string;
  try {
    content = fs.readFileSync(abs, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as Error).message}`);
  }
  const document = TextDocument.create(pathToFileURL(abs).href, languageIdOf(abs) ?? 'kql', 1, content);
  const service = getLanguageService({ schemas: new BuiltinSchemaProvider() });
  const blocks = queryBlocksOf(service.analyze(document, DEFAULT_SETTINGS));
  if (blocks.length === 0) throw new UsageError(`${file} holds no query`);
  let index = 0;
  if (block !== undefined) {
    index = Number(block) - 1;
    if (!Number.isInteger(index) || index < 0 || index >= blocks.length)
      throw new UsageError(`--block must be from 1 to ${blocks.length}`);
  } else if (blocks.length > 1) {
    throw new UsageError(
      `${file} holds ${blocks.length} queries; choose one with --block 1..${blocks.length}`,
    );
  }
  const timespan = ruleTimespan(document);
  const pin = workspacePin(content);
  return { text: blocks[index].text, ...(timespan ? { timespan } : {}), ...(pin ? { pin } : {}) };
}

export const runCommand: CliCommand = {
  name: 'run',
  summary: 'run a query on a workspace (Log Analytics, Defender XDR, Data Explorer or local data)',
  help: HELP,
  options: {
    query: { type: 'string' },
    workspace: { type: 'string', short: 'w' },
    format: { type: 'string', short: 'f' },
    block: { type: 'string' },
    timespan: { type: 'string' },
    timeout: { type: 'string' },
    'row-limit': { type: 'string' },
    'allow-management': { type: 'boolean' },
    config: { type: 'string', short: 'c' },
  },
  async run({ values, positionals }, io) {
    const format = (stringOption(values, 'format') ?? 'table') as RunFormat;
    if (!RUN_FORMATS.includes(format))
      throw new UsageError(`unknown format '${format}' (formats: ${RUN_FORMATS.join(', ')})`);
    if (positionals.length > 1) throw new UsageError('run takes one FILE');
    const query = readQuery(
      positionals[0],
      stringOption(values, 'query'),
      stringOption(values, 'block'),
      io.cwd,
    );
    const config = loadRunConfig(io.cwd, stringOption(values, 'config'));
    const workspace = chooseWorkspace(config, stringOption(values, 'workspace'), query.pin, io.cwd);
    const timeout = positiveNumber(stringOption(values, 'timeout'), '--timeout');
    const rowLimit = positiveNumber(stringOption(values, 'row-limit'), '--row-limit');
    const timespan = stringOption(values, 'timespan') ?? query.timespan;
    if (timespan !== undefined && !/^P|\//i.test(timespan))
      throw new UsageError(`--timespan must be an ISO 8601 duration such as P7D, not '${timespan}'`);
    const settings = {
      ...config.settings,
      ...(timeout ? { timeoutSeconds: timeout } : {}),
      ...(rowLimit ? { rowLimit: Math.floor(rowLimit) } : {}),
      ...(values['allow-management'] === true ? { allowManagementCommands: true } : {}),
    };
    const controller = new AbortController();
    const onInterrupt = () => controller.abort();
    process.once('SIGINT', onInterrupt);
    try {
      const result = await runQuery(workspace, query.text, {
        settings,
        signal: controller.signal,
        ...(timespan ? { timespan } : {}),
      });
      if (!result.ok) {
        // Service messages can quote the query and the data: one line, controls written out.
        io.stderr.write(
          `kqlhunt: ${visible(`${workspace.name}: ${result.error.kind}${result.error.code ? ` (${result.error.code})` : ''}: ${result.error.message}`)}\n`,
        );
        return EXIT_FINDINGS;
      }
      io.stdout.write(formatRunResult(result.result, format));
      const rows = result.stats.rowCounts.reduce((a, b) => a + b, 0);
      if (result.result.partialError)
        io.stderr.write(`kqlhunt: partial result: ${visible(result.result.partialError)}\n`);
      for (const warning of result.result.warnings ?? [])
        io.stderr.write(`kqlhunt: warning: ${visible(warning)}\n`);
      io.stderr.write(
        `kqlhunt: ${rows} row${rows === 1 ? '' : 's'} in ${result.stats.durationMs} ms on ${visible(workspace.name)}${result.stats.truncated ? ` (cut to ${settings.rowLimit} rows per table)` : ''}\n`,
      );
      return EXIT_OK;
    } finally {
      process.off('SIGINT', onInterrupt);
    }
  },
};
