import { parseDocument } from 'yaml';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { EnvironmentId } from '../../server/src/schema/types';
import { doc, settings, testService } from './languageService';

/**
 * Checks shared by the snippet and detection tests: a KQL text must give no error or warning
 * in its environment, and a rule YAML must parse, its query must be clean in the Sentinel
 * environment, and the language service must report nothing on the YAML document itself
 * (which includes the rule checks once rule YAML is one of its document kinds).
 */

function describe(d: Diagnostic): string {
  return `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code ?? ''} ${d.message}`;
}

/** Errors and warnings the language service reports on a KQL text, formatted for assertion messages. */
export function kqlProblems(text: string, environment: EnvironmentId, options: { errorsOnly?: boolean } = {}): string[] {
  const service = testService();
  const s = settings({ environment });
  const diagnostics = service.getDiagnostics(service.analyze(doc(text, 'file:///check.kql'), s), s);
  return diagnostics
    .filter((d) => d.severity === DiagnosticSeverity.Error || (!options.errorsOnly && d.severity === DiagnosticSeverity.Warning))
    .map(describe);
}

/** Whether the language service treats YAML documents as YAML, rather than as one KQL region. */
function serviceUnderstandsYaml(text: string): boolean {
  const regions = testService().regionsOf(doc(text, 'file:///probe.yaml', 'yaml'));
  return !regions.some((r) => r.text === text);
}

/** Problems with a rule YAML text: parse errors, query problems and any diagnostic on the file. */
export function ruleProblems(text: string, uri = 'file:///rule.yaml'): string[] {
  const parsed = parseDocument(text, { prettyErrors: false });
  const problems = parsed.errors.map((e) => `YAML: ${e.message}`);
  if (problems.length > 0) return problems;
  const rule = parsed.toJS() as Record<string, unknown>;
  if (typeof rule.query !== 'string') return ['the rule has no query string'];
  // Alone, a rule's query looks unbounded in time; its queryPeriod bounds it, and the pass over
  // the YAML document below judges warnings with that knowledge.
  problems.push(...kqlProblems(rule.query, 'sentinel', { errorsOnly: true }).map((p) => `query ${p}`));
  if (serviceUnderstandsYaml(text)) {
    const service = testService();
    const s = settings({ environment: 'sentinel' });
    const d = doc(text, uri, 'yaml');
    problems.push(...service.getDiagnostics(service.analyze(d, s), s).map((x) => `file ${describe(x)}`));
  }
  return problems;
}
