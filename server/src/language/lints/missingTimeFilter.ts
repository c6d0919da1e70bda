import { kusto, toArray } from '../kustoEngine';
import { nodesOfKind, type Lint, type LintFinding } from './lintContext';
import { LINT_RULES, lintMessage } from './lintRules';

type Node = Kusto.Language.Syntax.SyntaxNode;

/** Data kept on the diagnostic for the "add a time filter" quick fix. */
export interface MissingTimeFilterData {
  timeColumn: string;
}

/** True when a `where` condition mentions a column with one of the given names. */
function filtersOn(where: Node, columns: readonly string[]): boolean {
  const S = kusto().Syntax.SyntaxKind;
  return nodesOfKind(where, S.NameReference).some((n) => {
    const symbol = n.ReferencedSymbol;
    return (
      !!symbol && symbol.Kind === kusto().Symbols.SymbolKind.Column && columns.includes(symbol.Name ?? '')
    );
  });
}

/**
 * The columns whose filter bounds a table's rows in an environment. In Sentinel, the Defender XDR
 * tables (DeviceProcessEvents and the like) keep the event's own `Timestamp` next to
 * `TimeGenerated`, and hunting queries written for Defender filter on `Timestamp`; the two are
 * minutes apart, so either filter limits the query to the period meant.
 */
function timeColumnsOf(environmentTimeColumn: string): readonly string[] {
  return environmentTimeColumn === 'TimeGenerated' ? ['TimeGenerated', 'Timestamp'] : [environmentTimeColumn];
}

/**
 * The `where` operators that apply to the rows of a table reference: those piped after it,
 * through parentheses and `union`, but not past a `join` or `lookup` (filtering after a join
 * does not bound the table read on its right) nor out of a `let`.
 */
function filtersApplying(tableRef: Node): { wheres: Node[]; inLet: boolean } {
  const S = kusto().Syntax.SyntaxKind;
  const wheres: Node[] = [];
  let node: Node = tableRef;
  for (let parent = node.Parent; parent; node = parent, parent = parent.Parent) {
    if (parent.Kind === S.JoinOperator || parent.Kind === S.LookupOperator) return { wheres, inLet: false };
    if (parent.Kind === S.LetStatement) return { wheres, inLet: true };
    if (parent.Kind === S.PipeExpression) {
      const pipe = parent as Kusto.Language.Syntax.PipeExpression;
      if (pipe.Expression === node && pipe.Operator?.Kind === S.FilterOperator) wheres.push(pipe.Operator);
    }
  }
  return { wheres, inLet: false };
}

/**
 * An event table read without a filter on its time column scans its whole retention, which is
 * slow in advanced hunting and costly in Log Analytics. The queries of rule and hunting-query
 * files are exempt: a rule's query period, or the hunting page's time range, bounds them. A
 * table bound to a `let` counts as filtered when the query filters on the time column anywhere,
 * since the filter is usually applied where the let is used.
 */
export const missingTimeFilter: Lint = (ctx) => {
  if (ctx.timeRangeFromHost) return [];
  const accepted = timeColumnsOf(ctx.timeColumn);
  const S = kusto().Syntax.SyntaxKind;
  const rule = LINT_RULES.missingTimeFilter;
  const findings: LintFinding[] = [];
  const allWheres = nodesOfKind(ctx.root, S.FilterOperator);
  for (const ref of nodesOfKind(ctx.root, S.NameReference)) {
    const type = (ref as Kusto.Language.Syntax.NameReference).ResultType;
    if (!type || type.Kind !== kusto().Symbols.SymbolKind.Table) continue;
    // A let variable that holds a table is checked where the table itself is named.
    if (ref.ReferencedSymbol && ref.ReferencedSymbol.Kind !== kusto().Symbols.SymbolKind.Table) continue;
    const table = type as Kusto.Language.Symbols.TableSymbol;
    if (!ctx.globals.IsDatabaseTable(table)) continue;
    const columns = accepted.filter((name) => toArray(table.Columns).some((c) => c.Name === name));
    // The column to suggest: the environment's own when the table has it.
    const timeColumn = columns[0];
    if (!timeColumn) continue;
    const { wheres, inLet } = filtersApplying(ref);
    const candidates = inLet ? allWheres : wheres;
    if (candidates.some((w) => filtersOn(w, columns))) continue;
    findings.push({
      rule,
      start: ref.TextStart,
      length: ref.Width,
      message: lintMessage(rule, { table: table.Name ?? '', timeColumn }),
      data: { timeColumn } satisfies MissingTimeFilterData,
    });
  }
  return findings;
};
