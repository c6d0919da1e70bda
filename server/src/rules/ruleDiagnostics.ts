import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { hostFormatOf } from '../documents/documentRegions';
import { parseDetectionJson } from '../documents/detectionRuleJson';
import { parseRuleYaml } from '../documents/ruleYaml';
import type { DocumentAnalysis } from '../language/documentAnalysis';
import type { KqlHuntingSettings } from '../protocol/settings';
import { applyCiSkips, staleKqlSkip, type CiSkipLists } from './ciSkipLists';
import { contentFolderOf } from './ciFolders';
import { detectionChecks } from './detectionChecks';
import { checkRule, ruleIdOf, type RuleIdIndex } from './ruleChecks';
import { RULE_CHECKS, RULE_DIAGNOSTIC_SOURCE, ruleMessage, type RuleCheckSeverity } from './ruleCheckTable';
import { queryFacts } from './queryFacts';
import { pairOf, spanOf, type RuleFinding, type RuleFix } from './ruleFindings';

const SEVERITY: Record<RuleCheckSeverity | 'hint', DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Carried in a diagnostic's `data` so that the quick fix can be built when the client asks. */
export interface RuleDiagnosticData {
  ruleFix: RuleFix;
}

/**
 * Rule checks and YAML errors for a rule file, as LSP diagnostics with the check id as `code`
 * and severities overridable by the `lints` setting: Sentinel rule YAML, and Defender custom
 * detection JSON (documents/detectionRuleJson.ts). Any other document gets none, so unrelated
 * YAML and JSON files never receive a diagnostic from this extension.
 */
export function ruleDiagnostics(
  analysis: DocumentAnalysis,
  settings: Pick<KqlHuntingSettings, 'lints'>,
  ids?: RuleIdIndex,
): Diagnostic[] {
  const document = analysis.document;
  const format = hostFormatOf(document);
  const query = analysis.queries[0];
  // The engine's facts belong to this query only when the analysed region is the rule's own.
  const factsFor = (text: string | undefined) =>
    query && text !== undefined && query.region.text === text ? queryFacts(query) : undefined;
  if (format === 'json') {
    const detection = parseDetectionJson(document.getText());
    if (!detection) return [];
    return toDiagnostics(analysis, settings, detectionChecks(detection, factsFor(detection.region.text)));
  }
  if (format !== 'yaml') return [];
  const rule = parseRuleYaml(document.getText());
  if (!rule) return [];
  const facts = rule.region ? factsFor(rule.region.text) : undefined;
  return toDiagnostics(analysis, settings, checkRule({ rule, uri: document.uri, facts, ids }));
}

function toDiagnostics(
  analysis: DocumentAnalysis,
  settings: Pick<KqlHuntingSettings, 'lints'>,
  findings: readonly RuleFinding[],
): Diagnostic[] {
  const document = analysis.document;
  const out: Diagnostic[] = [];
  for (const finding of findings) {
    const override = settings.lints[finding.check];
    if (override === 'off') continue;
    const diagnostic: Diagnostic = {
      range: { start: document.positionAt(finding.start), end: document.positionAt(finding.end) },
      severity: SEVERITY[override ?? RULE_CHECKS[finding.check].severity],
      code: finding.check,
      source: RULE_DIAGNOSTIC_SOURCE,
      message: finding.message,
    };
    if (finding.fix) diagnostic.data = { ruleFix: finding.fix } satisfies RuleDiagnosticData;
    out.push(diagnostic);
  }
  return out;
}

/**
 * A rule file's diagnostics with what its repository's CI skip lists leave out lowered and
 * explained (ciSkipLists.ts); other documents' as they are.
 */
export function withCiSkips(
  document: DocumentAnalysis['document'],
  diagnostics: Diagnostic[],
  lists: CiSkipLists | undefined,
  settings: Pick<KqlHuntingSettings, 'lints'>,
): Diagnostic[] {
  if (!lists || hostFormatOf(document) !== 'yaml') return diagnostics;
  const text = document.getText();
  const rule = parseRuleYaml(text);
  if (!rule) return diagnostics;
  const id = ruleIdOf(rule);
  const lowered = applyCiSkips(diagnostics, { id, text }, lists);
  const reason = staleKqlSkip(
    diagnostics,
    { id, hasQuery: rule.region !== undefined, analytic: contentFolderOf(document.uri) === 'analytic' },
    lists,
  );
  const override = settings.lints['rule-ci-skip-valid'];
  if (reason === undefined || override === 'off') return lowered;
  const firstKey = rule.root.items[0]?.key;
  const [start, end] = spanOf(pairOf(rule.root, 'id')?.value) ?? spanOf(firstKey) ?? [0, 0];
  lowered.push({
    range: { start: document.positionAt(start), end: document.positionAt(end) },
    severity: SEVERITY[override ?? RULE_CHECKS['rule-ci-skip-valid'].severity],
    code: 'rule-ci-skip-valid',
    source: RULE_DIAGNOSTIC_SOURCE,
    message: ruleMessage('rule-ci-skip-valid', { reason }),
  });
  return lowered;
}
