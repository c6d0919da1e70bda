import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { parseDetectionJson } from '../documents/detectionRuleJson';
import { parseRuleYaml } from '../documents/ruleYaml';
import { DEFAULT_SETTINGS } from '../protocol/settings';
import { defenderToSentinel } from '../rules/convert/defenderToSentinel';
import { keepQuery, type ConvertQuery, type RulePlatform } from '../rules/convert/queryConversion';
import { sentinelToDefender } from '../rules/convert/sentinelToDefender';
import { queryFacts } from '../rules/queryFacts';
import { RULE_DIAGNOSTIC_SOURCE } from '../rules/ruleCheckTable';
import { BuiltinSchemaProvider } from '../schema/schemaProvider';
import { getLanguageService, type KqlLanguageService } from '../service/languageService';

/**
 * Converting one rule file between the platforms for `kqlhunt convert`: a Sentinel analytic rule
 * (YAML) becomes a Defender XDR custom detection (Graph `detectionRule` JSON) and back. The result
 * is then checked as the product checks a file of its kind on the target platform (the engine in
 * that environment and the platform's rule requirements), so the problems list both what the
 * conversion could not carry and what the target platform would refuse.
 */
export interface ConvertProblem {
  readonly severity: 'error' | 'warning' | 'information';
  /** The check id for a finding on the result; absent for what the conversion could not carry. */
  readonly code?: string;
  /** 1-based line in the output text, for a finding on the result. */
  readonly line?: number;
  readonly message: string;
}

export type RuleFileConversion =
  | {
      readonly ok: true;
      /** The converted file's text. */
      readonly text: string;
      /** A file name for it beside the input: `x.yaml` becomes `x.detection.json` and back. */
      readonly outputPath: string;
      readonly problems: readonly ConvertProblem[];
    }
  | { readonly ok: false; readonly problems: readonly ConvertProblem[] };

export interface ConvertRuleOptions {
  /** The query dialect converter; the query is kept as it is when absent. */
  readonly convertQuery?: ConvertQuery;
  /** The service that checks the result; one over the built-in schemas when absent. */
  readonly service?: KqlLanguageService;
}

export function convertRuleFile(
  filePath: string,
  text: string,
  to: RulePlatform,
  options: ConvertRuleOptions = {},
): RuleFileConversion {
  const convertQuery = options.convertQuery ?? keepQuery;
  let service: KqlLanguageService | undefined = options.service;
  const getService = () => (service ??= getLanguageService({ schemas: new BuiltinSchemaProvider() }));
  const isJson = /\.jsonc?$/i.test(filePath);
  const isYaml = /\.ya?ml$/i.test(filePath);

  if (to === 'defender') {
    if (isJson && parseDetectionJson(text))
      return refused(`${filePath} is already a Defender custom detection.`);
    const rule = isYaml ? parseRuleYaml(text) : undefined;
    if (!rule) return refused(`${filePath} is not a Sentinel rule (YAML with a query and rule fields).`);
    const converted = sentinelToDefender(rule, convertQuery);
    if (!converted.ok) return refused(converted.reason);
    const output = JSON.stringify(converted.rule, null, 2) + '\n';
    const outputPath = filePath.replace(/\.ya?ml$/i, '.detection.json');
    return finish(output, outputPath, converted, getService());
  }

  if (isYaml && parseRuleYaml(text)) return refused(`${filePath} is already a Sentinel rule.`);
  const detection = isJson ? parseDetectionJson(text) : undefined;
  if (!detection)
    return refused(`${filePath} is not a Defender custom detection (JSON with queryCondition.queryText).`);
  if (detection.errors.length > 0)
    return refused(`${filePath} is not well-formed JSON (at offset ${detection.errors[0].offset}).`);
  const first = defenderToSentinel(detection.value, { convertQuery });
  if (!first.ok) return refused(first.reason);
  const outputPath = filePath.replace(/(\.detection)?\.jsonc?$/i, '.yaml');
  // The data connectors follow from the tables the converted query reads in Sentinel, which only
  // the engine knows: bind the first draft, then convert again with those tables.
  const tables = tablesOf(first.rule, outputPath, getService());
  const second = defenderToSentinel(detection.value, { convertQuery, tablesRead: tables });
  if (!second.ok) return refused(second.reason);
  return finish(second.rule, outputPath, second, getService());
}

function refused(message: string): RuleFileConversion {
  return { ok: false, problems: [{ severity: 'error', message }] };
}

function documentFor(text: string, outputPath: string): TextDocument {
  const languageId = /\.jsonc?$/i.test(outputPath) ? 'json' : 'yaml';
  return TextDocument.create(pathToFileURL(path.resolve(outputPath)).href, languageId, 1, text);
}

function tablesOf(yamlText: string, outputPath: string, service: KqlLanguageService): string[] | undefined {
  const analysis = service.analyze(documentFor(yamlText, outputPath), DEFAULT_SETTINGS);
  const query = analysis.queries[0];
  return query ? [...queryFacts(query).tablesRead] : undefined;
}

const SEVERITY: Partial<Record<DiagnosticSeverity, ConvertProblem['severity']>> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'information',
};

function finish(
  output: string,
  outputPath: string,
  conversion: { readonly notConverted: readonly string[]; readonly notes: readonly string[] },
  service: KqlLanguageService,
): RuleFileConversion {
  const analysis = service.analyze(documentFor(output, outputPath), DEFAULT_SETTINGS);
  const diagnostics = service.getDiagnostics(analysis, DEFAULT_SETTINGS);
  const problems: ConvertProblem[] = conversion.notConverted.map((message) => ({
    severity: 'warning',
    message,
  }));
  // What the query converter rewrote beyond names is said, and does not fail the run.
  for (const message of conversion.notes)
    problems.push({ severity: 'information', code: 'query-rewritten', message });
  for (const d of diagnostics.filter(onResult)) {
    problems.push({
      severity: SEVERITY[d.severity ?? DiagnosticSeverity.Error] ?? 'information',
      code: typeof d.code === 'string' ? d.code : undefined,
      line: d.range.start.line + 1,
      message: typeof d.message === 'string' ? d.message : d.message.value,
    });
  }
  return { ok: true, text: output, outputPath, problems };
}

/** The platform's rule requirements, and the engine's errors on the converted query. */
function onResult(d: Diagnostic): boolean {
  return d.source === RULE_DIAGNOSTIC_SOURCE || d.severity === DiagnosticSeverity.Error;
}
