import type { Diagnostic } from 'vscode-languageserver-types';
import { LINT_RULES } from '../lintRules';

/** The engine's "avoid contains" analyzer, which flags every `contains` on a column. */
const ENGINE_AVOID_CONTAINS = 'KS500';

const key = (d: Diagnostic) =>
  `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`;

/**
 * Where `contains-vs-has` flags an operator, the engine's KS500 flags the same token with a
 * general message; the lint's names the term and the difference, so the engine's is dropped
 * there rather than shown twice. Turning the lint off brings KS500 back.
 */
export function withoutSupersededEngineFindings(diagnostics: Diagnostic[]): Diagnostic[] {
  const flagged = new Set(diagnostics.filter((d) => d.code === LINT_RULES.containsVsHas.id).map(key));
  if (flagged.size === 0) return diagnostics;
  return diagnostics.filter((d) => d.code !== ENGINE_AVOID_CONTAINS || !flagged.has(key(d)));
}
