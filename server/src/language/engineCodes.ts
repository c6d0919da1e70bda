import { kusto } from './kustoEngine';

/** The engine's codes for a name that refers to no known column, table, variable or function. */
export const UNKNOWN_NAME_CODES: ReadonlySet<string> = new Set(['KS142', 'KS204', 'KS211']);

let codes: ReadonlySet<string> | undefined;

/**
 * Every diagnostic code Kusto.Language can report (KS001, KS142, KS500, ...), so that a settings
 * file naming one that does not exist can be told so. The engine publishes no table of its error
 * codes: each comes from a factory on DiagnosticFacts with the code as a literal in its body, so
 * the codes are read from those functions' text. Analyzer codes are fields of KustoAnalyzerCodes.
 */
export function engineDiagnosticCodes(): ReadonlySet<string> {
  if (codes) return codes;
  const engine = kusto();
  const found = new Set<string>();
  const literals = /["'](KS\d+)["']/g;
  const facts = engine.DiagnosticFacts as unknown as Record<string, unknown>;
  for (const name of Object.getOwnPropertyNames(facts)) {
    const factory = facts[name];
    if (typeof factory !== 'function') continue;
    for (const m of Function.prototype.toString.call(factory).matchAll(literals)) found.add(m[1]);
  }
  const analyzerCodes = engine.Editor.KustoAnalyzerCodes as unknown as Record<string, unknown>;
  for (const name of Object.getOwnPropertyNames(analyzerCodes)) {
    const value = analyzerCodes[name];
    if (typeof value === 'string' && /^KS\d+$/.test(value)) found.add(value);
  }
  codes = found;
  return codes;
}
