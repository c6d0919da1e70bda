import * as path from 'node:path';
import { parseDetectionJson } from '../documents/detectionRuleJson';
import { parseRuleYaml } from '../documents/ruleYaml';
import type { ConvertQuery, RulePlatform } from '../rules/convert/queryConversion';
import type { KqlLanguageService } from '../service/languageService';
import type { CliIo } from './cliIo';
import { convertRuleFile, type ConvertProblem } from './convertRule';
import { EXIT_FINDINGS, EXIT_OK, UsageError } from './exitCodes';
import { withoutBom } from './fileChecker';
import { refuseOutputOverInput, writeOutput } from './outputFile';
import { readRegularText } from './regularFile';

/**
 * The rule half of `kqlhunt convert FILE --to sentinel|defender`, for the command to call when
 * FILE is a rule (isRuleFile) rather than a query: the converted rule goes to `--output FILE` or
 * to stdout, and every problem (what did not carry over, what the target platform would refuse)
 * to stderr, one line each. The run fails (exit 1) when the result has errors on the target
 * platform; what merely did not carry over is a warning and does not fail it.
 */
export interface ConvertRuleRequest {
  /** The rule file, as the user gave it (relative to io.cwd). */
  readonly file: string;
  readonly to: RulePlatform;
  /** Where to write the converted rule; stdout when absent or '-'. */
  readonly output?: string;
  readonly convertQuery?: ConvertQuery;
  readonly service?: KqlLanguageService;
}

/** True when `text` is a Sentinel rule (YAML) or a Defender custom detection (JSON). */
export function isRuleFile(file: string, text: string): boolean {
  if (/\.ya?ml$/i.test(file)) return parseRuleYaml(text) !== undefined;
  if (/\.jsonc?$/i.test(file)) return parseDetectionJson(text) !== undefined;
  return false;
}

export function runConvertRule(request: ConvertRuleRequest, io: CliIo): number {
  const abs = path.resolve(io.cwd, request.file);
  let text: string;
  try {
    text = withoutBom(readRegularText(abs));
  } catch (e) {
    throw new UsageError(`cannot read ${request.file}: ${(e as Error).message}`);
  }
  const result = convertRuleFile(request.file, text, request.to, {
    convertQuery: request.convertQuery,
    service: request.service,
  });
  if (!result.ok) throw new UsageError(result.problems.map((p) => p.message).join('; '));
  const output = request.output && request.output !== '-' ? request.output : undefined;
  if (output) {
    const outputAbs = path.resolve(io.cwd, output);
    refuseOutputOverInput(output, outputAbs, [abs]);
    writeOutput(outputAbs, result.text);
  } else io.stdout.write(result.text);
  const shownAs = output ?? result.outputPath;
  for (const problem of result.problems) io.stderr.write(problemLine(request.file, shownAs, problem));
  return result.problems.some((p) => p.severity === 'error') ? EXIT_FINDINGS : EXIT_OK;
}

/** Findings on the result name the output and its line; what did not carry over names the input. */
function problemLine(input: string, output: string, problem: ConvertProblem): string {
  const where = problem.line !== undefined ? `${output}:${problem.line}` : input;
  const code = problem.code ? ` ${problem.code}` : '';
  const kind = problem.code || problem.line !== undefined ? '' : ' not converted:';
  return `${where}: ${problem.severity}${code}${kind} ${problem.message}\n`;
}
