import * as path from 'node:path';
import { parseRuleYaml } from '../documents/ruleYaml';
import { armRuleFromYaml, type ArmAlertRule } from '../deploy/plan/sentinelRuleFields';
import { detectionRuleProblem } from '../deploy/plan/detectionRuleFields';
import { currentDetectionShape } from '../rules/convert/currentDetectionShape';
import { loadConfig } from './config';
import { UsageError } from './exitCodes';
import { checkFile, checkText, type CheckJob } from './fileChecker';
import type { KqlLanguageService } from '../service/languageService';
import type { KqlHuntingSettings } from '../protocol/settings';
import { collectFiles } from './fileCollection';
import type { Finding } from './findings';
import { languageIdOf } from './languageIds';
import { readRegularText } from './regularFile';
import { ruleIdsOf } from './ruleIdTable';
import { createCliService, loadSchemaFiles } from './schemaSources';
import { discoverRepository } from '../schemaFiles/repositoryDiscovery';

/**
 * The rule files `kqlhunt deploy PATH` finds: Sentinel analytic rules (YAML with kind Scheduled
 * or NRT) and Defender XDR custom detections (`*.detection.json`, a Graph detectionRule object).
 * Each rule file is checked exactly as `kqlhunt check` checks it (same settings, schema files,
 * repository discovery and rule checks), so that deploy refuses what check fails.
 */
export const DETECTION_SUFFIX = '.detection.json';

export interface SentinelRuleFile {
  file: string;
  display: string;
  id: string;
  rule: ArmAlertRule;
  /** The findings of severity error; the rule is refused while there are any (unless --force). */
  errors: Finding[];
}

export interface DetectionRuleFile {
  file: string;
  display: string;
  rule: Record<string, unknown>;
  /** Errors in `queryCondition.queryText`, checked as a Defender XDR query; positions are in that text. */
  errors: Finding[];
}

export interface DeployFiles {
  sentinel: SentinelRuleFile[];
  defender: DetectionRuleFile[];
  /** Files that looked like rules but cannot be deployed, with the reason. */
  skipped: { display: string; reason: string }[];
}

export async function readDeployFiles(
  paths: readonly string[],
  cwd: string,
  configFile: string | undefined,
  platform: 'sentinel' | 'defender',
  { check = true }: { check?: boolean } = {},
): Promise<DeployFiles> {
  const display = (file: string) => path.relative(cwd, file).split(path.sep).join('/') || file;
  const skipped: DeployFiles['skipped'] = [];
  const files = await collectFiles(paths.length ? paths : ['.'], cwd, (file, reason) =>
    skipped.push({ display: file, reason }),
  );
  if (platform === 'defender') {
    const defender = readDetections(files, display, skipped);
    if (check && defender.length) {
      const { service, settings } = await checkSetup(cwd, configFile, []);
      for (const d of defender) d.errors = checkDetectionQuery(service, settings, d);
    }
    return { sentinel: [], defender, skipped };
  }

  const jobs: CheckJob[] = [];
  const mapped: { job: CheckJob; id: string; rule: ArmAlertRule }[] = [];
  for (const file of files) {
    if (languageIdOf(file) !== 'yaml') continue;
    const job: CheckJob = { path: file, display: display(file), languageId: 'yaml' };
    const text = readText(file, job.display);
    const parsed = parseRuleYaml(text);
    if (!parsed) continue;
    jobs.push(job);
    const result = armRuleFromYaml(toPlainObject(parsed.document.toJS()));
    if (!result.ok) skipped.push({ display: job.display, reason: result.reason });
    else mapped.push({ job, id: result.id, rule: result.rule });
  }
  if (mapped.length === 0 || !check)
    return {
      sentinel: mapped.map(({ job, id, rule }) => ({
        file: job.path,
        display: job.display,
        id,
        rule,
        errors: [],
      })),
      defender: [],
      skipped,
    };

  const { service, settings } = await checkSetup(cwd, configFile, jobs);
  const sentinel = mapped.map(({ job, id, rule }): SentinelRuleFile => {
    const outcome = checkFile(service, job, settings);
    if (!outcome.ok) throw new UsageError(`cannot read ${outcome.file}: ${outcome.reason}`);
    const errors = outcome.result.findings.filter((f) => f.severity === 'error');
    return { file: job.path, display: job.display, id, rule, errors };
  });
  return { sentinel, defender: [], skipped };
}

/** The language service and settings `kqlhunt check` would use in `cwd`. */
async function checkSetup(
  cwd: string,
  configFile: string | undefined,
  jobs: readonly CheckJob[],
): Promise<{ service: KqlLanguageService; settings: KqlHuntingSettings }> {
  const config = loadConfig(cwd, configFile);
  const repository = config.settings.repositoryDiscovery
    ? await discoverRepository(cwd)
    : { files: [], report: [] };
  const schemaFiles = [
    ...repository.files,
    ...(await loadSchemaFiles(config.settings.schemaFiles, config.baseDir)),
  ];
  const service = createCliService(
    schemaFiles.map((f) => f.source),
    ruleIdsOf(jobs),
  );
  return { service, settings: config.settings };
}

/**
 * A detection's query checked as a `.kql` file in the Defender XDR environment would be. The
 * platform requirements of custom detections (required columns, frequencies) are the rule
 * conversion's checks (issue 23, item 3) and are not repeated here.
 */
function checkDetectionQuery(
  service: KqlLanguageService,
  settings: KqlHuntingSettings,
  d: DetectionRuleFile,
): Finding[] {
  const query = String((d.rule.queryCondition as { queryText: string }).queryText);
  const job: CheckJob = {
    path: `${d.file}.query.kql`,
    display: `${d.display} (queryText)`,
    languageId: 'kql',
  };
  const result = checkText(service, job, query, { ...settings, environment: 'defender' });
  return result.findings.filter((f) => f.severity === 'error');
}

function readDetections(
  files: readonly string[],
  display: (file: string) => string,
  skipped: DeployFiles['skipped'],
): DetectionRuleFile[] {
  const out: DetectionRuleFile[] = [];
  for (const file of files) {
    if (!file.toLowerCase().endsWith(DETECTION_SUFFIX)) continue;
    let rule: unknown;
    try {
      rule = JSON.parse(readText(file, display(file)));
    } catch (e) {
      skipped.push({ display: display(file), reason: `not JSON: ${(e as Error).message}` });
      continue;
    }
    const problem = detectionRuleProblem(rule);
    if (problem) skipped.push({ display: display(file), reason: problem });
    // A file in the shape Graph removed on 2026-10-01 is deployed in the current one.
    else
      out.push({
        file,
        display: display(file),
        rule: currentDetectionShape(rule as Record<string, unknown>),
        errors: [],
      });
  }
  return out;
}

function readText(file: string, shown: string): string {
  try {
    const text = readRegularText(file);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch (e) {
    throw new UsageError(`cannot read ${shown}: ${(e as Error).message}`);
  }
}

function toPlainObject(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
