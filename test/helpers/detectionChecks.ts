import { parseDocument } from 'yaml';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { EnvironmentId } from '../../server/src/schema/types';
import { doc, settings, testService } from './languageService';

/**
 * Checks shared by the snippet and detection tests: a KQL text must give no error or warning
 * in its environment, and a rule YAML must parse and the language service must report nothing
 * on the YAML document, which covers its query and the rule checks.
 */

function describe(d: Diagnostic): string {
  return `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code ?? ''} ${d.message}`;
}

/** Errors and warnings the language service reports on a KQL text, formatted for assertion messages. */
export function kqlProblems(
  text: string,
  environment: EnvironmentId,
  options: { errorsOnly?: boolean } = {},
): string[] {
  const service = testService();
  const s = settings({ environment });
  const diagnostics = service.getDiagnostics(service.analyze(doc(text, 'file:///check.kql'), s), s);
  return diagnostics
    .filter(
      (d) =>
        d.severity === DiagnosticSeverity.Error ||
        (!options.errorsOnly && d.severity === DiagnosticSeverity.Warning),
    )
    .map(describe);
}

/**
 * Problems with a rule YAML text: parse errors, a query the service does not find, and every
 * diagnostic the service reports on the file, which covers its query and the rule checks.
 */
export function ruleProblems(text: string, uri = 'file:///rule.yaml'): string[] {
  const parsed = parseDocument(text, { prettyErrors: false });
  const problems = parsed.errors.map((e) => `YAML: ${e.message}`);
  if (problems.length > 0) return problems;
  const rule = parsed.toJS() as Record<string, unknown>;
  if (typeof rule.query !== 'string') return ['the rule has no query string'];
  const service = testService();
  const s = settings({ environment: 'sentinel' });
  const d = doc(text, uri, 'yaml');
  // Without the query region the service would check nothing, and an empty list would prove nothing.
  const query = rule.query.trim();
  if (!service.regionsOf(d).some((r) => r.text.trim() === query))
    return ['the language service finds no query region in the rule'];
  return service.getDiagnostics(service.analyze(d, s), s).map((x) => `file ${describe(x)}`);
}
