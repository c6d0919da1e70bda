import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { BaselineDisplay } from '../../protocol/settings';
import type { Baseline } from './baselineFile';
import { compareWithBaseline } from './baselineMatch';
import { diagnosticCode, fingerprintsOf } from './fingerprints';

/**
 * The editor's view of a baseline: the document's findings that the baseline holds are dimmed
 * (tagged Unnecessary, which editors draw faded), dropped, or shown as they are, as the
 * `kqlHunting.baseline.display` setting says. Hints are never in a baseline (the command line does
 * not report them), so they are left out of the matching and always shown.
 */
export function applyBaseline(
  document: TextDocument,
  file: string,
  diagnostics: readonly Diagnostic[],
  baseline: Baseline,
  display: BaselineDisplay,
): Diagnostic[] {
  if (display === 'show') return [...diagnostics];
  const reported = diagnostics.filter((d) => d.severity !== DiagnosticSeverity.Hint);
  const fingerprints = fingerprintsOf(
    file,
    reported.map((d) => ({
      code: diagnosticCode(d),
      text: document.getText(d.range),
      message: typeof d.message === 'string' ? d.message : d.message.value,
      start: d.range.start,
      end: d.range.end,
    })),
  );
  const { inBaseline } = compareWithBaseline(baseline, fingerprints, () => false);
  const accepted = new Set(reported.filter((_, i) => inBaseline[i]));
  if (accepted.size === 0) return [...diagnostics];
  if (display === 'hide') return diagnostics.filter((d) => !accepted.has(d));
  return diagnostics.map((d) =>
    accepted.has(d) ? { ...d, tags: [...(d.tags ?? []), DiagnosticTag.Unnecessary] } : d,
  );
}
