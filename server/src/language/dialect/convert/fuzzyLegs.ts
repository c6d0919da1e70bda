import { kusto, toArray } from '../../kustoEngine';
import { nodesOfKind } from '../../lints/lintContext';
import type { BoundBlock } from './boundBlocks';
import type { DialectPair } from './nameDecisions';

/**
 * A leg of `union isfuzzy=true` that the source environment skips because it names tables or
 * functions the source lacks but the target has: in the target the leg is read and bound for the
 * first time, so its errors there are the query's own, not the conversion's.
 */
export interface SkippedLeg {
  readonly start: number;
  readonly end: number;
  /** The target's tables and functions the leg names that the source does not know. */
  readonly names: readonly string[];
  /** The text to take out to drop the leg: the leg with one comma beside it and its layout. */
  readonly removeStart: number;
  readonly removeEnd: number;
  /** Which union the leg belongs to (its offset), and how many legs that union has. */
  readonly union: number;
  readonly legCount: number;
}

/** The fuzzy union legs of one bound block that the source skips, at text offsets. */
export function skippedLegs(pair: DialectPair, block: BoundBlock): SkippedLeg[] {
  const K = kusto();
  const S = K.Syntax.SyntaxKind;
  const root = block.code.Syntax;
  if (!root) return [];
  const out: SkippedLeg[] = [];
  for (const node of nodesOfKind(root, S.UnionOperator)) {
    const union = node as Kusto.Language.Syntax.UnionOperator;
    if (!isFuzzy(union)) continue;
    const elements = toArray<Kusto.Language.Syntax.SeparatedElement$1<Kusto.Language.Syntax.Expression>>(
      union.Expressions as never,
    );
    elements.forEach((element, i) => {
      const leg = element.Element as Kusto.Language.Syntax.SyntaxNode | null;
      if (!leg) return;
      const names = unknownHere(pair, leg);
      if (names.length === 0) return;
      // A leg before another goes with its comma up to where the next begins; the last goes
      // with the comma before it, so the union's remaining legs read as written.
      const next = elements[i + 1];
      const previousComma = elements[i - 1]?.Separator;
      const [removeStart, removeEnd] = next
        ? [element.TextStart, next.TextStart]
        : previousComma
          ? [previousComma.TextStart, element.End]
          : [element.TextStart, element.End];
      out.push({
        start: block.start + leg.TextStart,
        end: block.start + leg.End,
        names,
        removeStart: block.start + removeStart,
        removeEnd: block.start + removeEnd,
        union: block.start + union.TextStart,
        legCount: elements.length,
      });
    });
  }
  return out;
}

function isFuzzy(union: Kusto.Language.Syntax.UnionOperator): boolean {
  return toArray<Kusto.Language.Syntax.NamedParameter>(union.Parameters as never).some(
    (p) =>
      p.Name?.SimpleName?.toLowerCase() === 'isfuzzy' &&
      (p.Expression?.ToString(kusto().Syntax.IncludeTrivia.Minimal) ?? '').trim().toLowerCase() === 'true',
  );
}

/** Names in `leg` that bind to nothing in the source and are a table or function of the target. */
function unknownHere(pair: DialectPair, leg: Kusto.Language.Syntax.SyntaxNode): string[] {
  const K = kusto();
  const names = new Set<string>();
  for (const n of nodesOfKind(leg, K.Syntax.SyntaxKind.NameReference)) {
    const ref = n as Kusto.Language.Syntax.NameReference;
    const symbol = ref.ReferencedSymbol;
    if (symbol && symbol.Kind !== K.Symbols.SymbolKind.Error) continue;
    const name = ref.SimpleName ?? '';
    if (name && (pair.targetDb.GetTable(name) || pair.targetDb.GetMember(name))) names.add(name);
  }
  return [...names];
}
