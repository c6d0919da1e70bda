import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver-types';
import type { KqlHuntingSettings, LintSeverity } from '../../protocol/settings';
import type { DocumentAnalysis } from '../documentAnalysis';
import { allBlocks, boundCode, regionRange } from '../engineBlocks';
import { caseSensitiveName } from './caseSensitiveName';
import { constantCondition } from './constantCondition';
import { COST_LINTS } from './cost';
import { defenderOnlyTable } from './defenderOnlyTable';
import type { Lint, LintContext, LintFinding } from './lintContext';
import { missingTimeFilter } from './missingTimeFilter';
import { unusedLet } from './unusedLet';

/** Every hunting lint; each reports under its own rule in lintRules.ts. */
export const LINTS: readonly Lint[] = [
  constantCondition,
  missingTimeFilter,
  caseSensitiveName,
  unusedLet,
  defenderOnlyTable,
  ...COST_LINTS,
];

export const LINT_SOURCE = 'kql-hunting';

export const SEVERITY: Record<Exclude<LintSeverity, 'off'>, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * Findings are cached per bound block: the engine keeps an unchanged block's KustoCode across
 * edits, so only the edited query is linted again. The key includes what else a finding
 * depends on (environment, time column, whether the host file sets the time range).
 */
const cache = new WeakMap<Kusto.Language.KustoCode, Map<string, LintFinding[]>>();

function findingsFor(code: Kusto.Language.KustoCode, ctx: LintContext): LintFinding[] {
  const key = `${ctx.environment}|${ctx.timeColumn}|${ctx.timeRangeFromHost}|${ctx.detection}`;
  let byKey = cache.get(code);
  if (!byKey) cache.set(code, (byKey = new Map()));
  let found = byKey.get(key);
  if (!found) {
    found = LINTS.flatMap((lint) => lint(ctx));
    byKey.set(key, found);
  }
  return found;
}

/** The hunting lints' diagnostics for a whole document, with severities from settings. */
export function lintDiagnostics(
  analysis: DocumentAnalysis,
  settings: Pick<KqlHuntingSettings, 'lints'>,
  timeColumn: string,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const block of allBlocks(analysis)) {
    const code = boundCode(block, analysis.globals);
    if (!code.Syntax) continue;
    const ctx: LintContext = {
      root: code.Syntax,
      globals: analysis.globals,
      environment: analysis.environment,
      timeColumn,
      timeRangeFromHost:
        block.query.region.kind === 'scheduledRule' || block.query.region.kind === 'huntingQuery',
      detection: block.query.region.kind === 'scheduledRule',
    };
    for (const f of findingsFor(code, ctx)) {
      const override = settings.lints[f.rule.id];
      if (override === 'off') continue;
      out.push({
        range: regionRange(analysis, block.query, block.block.Start + f.start, f.length),
        severity: SEVERITY[override ?? f.rule.defaultSeverity],
        code: f.rule.id,
        source: LINT_SOURCE,
        message: f.message,
        ...(f.data !== undefined ? { data: f.data } : {}),
        ...(f.rule.unnecessary ? { tags: [DiagnosticTag.Unnecessary] } : {}),
      });
    }
  }
  return out;
}
