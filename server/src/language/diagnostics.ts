import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { KqlHuntingSettings, LintSeverity } from '../protocol/settings';
import { dialectExplainer, type DialectFixData } from './dialect/dialectExplainer';
import type { DocumentAnalysis } from './documentAnalysis';
import { toArray } from './kustoEngine';

export const DIAGNOSTIC_SOURCE = 'kql';

const ENGINE_SEVERITY: Record<string, DiagnosticSeverity> = {
  Error: DiagnosticSeverity.Error,
  Warning: DiagnosticSeverity.Warning,
  Suggestion: DiagnosticSeverity.Information,
  Information: DiagnosticSeverity.Information,
  Hidden: DiagnosticSeverity.Hint,
};

const SETTING_SEVERITY: Record<Exclude<LintSeverity, 'off'>, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * Engine codes whose default severity is lowered. KS507 marks a deprecated alias (`makeset`,
 * `replace`, `any`, `pack`...): the service still runs it exactly as its replacement, and a
 * quarter of the files of a detection repository use one, so as a warning it buried the
 * warnings that matter. It stays visible as information; `kqlHunting.lints` can raise it again.
 */
const ENGINE_DEFAULT_SEVERITY: Record<string, DiagnosticSeverity> = {
  KS507: DiagnosticSeverity.Information,
};

/**
 * The engine's syntax and semantic diagnostics for every query in the document, placed at
 * document positions. Engine offsets are UTF-16 indexes into the region's text, the same unit
 * LSP positions count in, so mapping needs no re-encoding.
 */
export function engineDiagnostics(
  analysis: DocumentAnalysis,
  settings: Pick<KqlHuntingSettings, 'lints'>,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const doc = analysis.document;
  for (const query of analysis.queries) {
    for (const block of toArray(query.script.Blocks)) {
      const svc = block.Service!;
      const explain = dialectExplainer(analysis, { query, block, service: svc });
      const found = [...toArray(svc.GetDiagnostics()), ...toArray(svc.GetAnalyzerDiagnostics())];
      for (const d of found) {
        const override = settings.lints[d.Code ?? ''];
        if (override === 'off') continue;
        const start = query.region.toDocumentOffset(d.Start);
        const end = query.region.toDocumentOffset(d.Start + d.Length);
        // A name of the other environment is reported as such, not only as unknown.
        const dialect = explain(d);
        out.push({
          range: { start: doc.positionAt(start), end: doc.positionAt(end) },
          severity: override
            ? SETTING_SEVERITY[override]
            : (ENGINE_DEFAULT_SEVERITY[d.Code ?? ''] ??
              ENGINE_SEVERITY[d.Severity ?? 'Error'] ??
              DiagnosticSeverity.Error),
          code: d.Code ?? undefined,
          source: DIAGNOSTIC_SOURCE,
          message: dialect?.message ?? d.Message ?? 'Unknown problem',
          ...(dialect?.replacement
            ? { data: { dialectReplacement: dialect.replacement } satisfies DialectFixData }
            : {}),
        });
      }
    }
  }
  return out;
}
