import { builtinDialectFacts, defenderOnlyKind, type DefenderOnlyKind } from '../dialect/dialectFacts';
import { kusto } from '../kustoEngine';
import { nodesOfKind, type Lint, type LintFinding } from './lintContext';
import { LINT_RULES, lintMessage } from './lintRules';

const REASON: Record<DefenderOnlyKind, string> = {
  schemaOnly:
    'that Microsoft Sentinel shows in its schema but never fills: the query is valid there and returns no rows. Run it in Defender XDR advanced hunting.',
  notInLogAnalytics:
    'that Log Analytics does not hold: Microsoft Sentinel never receives its rows. Run the query in Defender XDR advanced hunting.',
};

/**
 * In Sentinel, a Defender XDR table binds (the schema lists them all, as the unified portal
 * does) even when Sentinel has no data for it; this says so where the table is named, since
 * the engine reports nothing.
 */
export const defenderOnlyTable: Lint = (ctx) => {
  if (ctx.environment !== 'sentinel') return [];
  const K = kusto();
  const rule = LINT_RULES.defenderOnlyTable;
  const facts = builtinDialectFacts();
  const findings: LintFinding[] = [];
  for (const ref of nodesOfKind(ctx.root, K.Syntax.SyntaxKind.NameReference)) {
    const symbol = ref.ReferencedSymbol;
    if (symbol?.Kind !== K.Symbols.SymbolKind.Table || !symbol.Name) continue;
    const kind = defenderOnlyKind(symbol.Name, facts);
    if (!kind) continue;
    findings.push({
      rule,
      start: ref.TextStart,
      length: ref.Width,
      message: lintMessage(rule, { table: symbol.Name, reason: REASON[kind] }),
    });
  }
  return findings;
};
