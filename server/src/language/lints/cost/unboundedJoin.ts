import { toArray } from '../../engineLists';
import { kusto } from '../../kustoEngine';
import { nodesOfKind, type Lint, type LintFinding } from '../lintContext';
import { LINT_RULES, lintMessage } from '../lintRules';
import { operatorsAfter } from './costSyntax';

type Node = Kusto.Language.Syntax.SyntaxNode;

/** Columns whose filter bounds an event table in either environment. */
const TIME_COLUMNS = ['TimeGenerated', 'Timestamp'];

/** The nodes of a subtree, and of the `let` expressions it names, each once. */
function reachable(root: Node, from: Node): Node[] {
  const S = kusto().Syntax.SyntaxKind;
  const lets = new Map<string, Node>();
  for (const l of nodesOfKind(root, S.LetStatement)) {
    const let_ = l as Kusto.Language.Syntax.LetStatement;
    const name = let_.Name?.SimpleName;
    if (name && let_.Expression) lets.set(name, let_.Expression);
  }
  const out: Node[] = [];
  const seen = new Set<Node>();
  const visit = (n: Node) => {
    if (seen.has(n)) return;
    seen.add(n);
    n.WalkNodes((m) => {
      out.push(m);
      const symbol = m.ReferencedSymbol;
      if (m.Kind !== S.NameReference || symbol?.Kind !== kusto().Symbols.SymbolKind.Variable) return;
      const target = lets.get(symbol.Name ?? '');
      if (target) visit(target);
    });
  };
  visit(from);
  return out;
}

/** A `where` that mentions a time column or `ago()`. */
function isTimeFilter(node: Node): boolean {
  const S = kusto().Syntax.SyntaxKind;
  if (node.Kind !== S.FilterOperator) return false;
  let found = false;
  node.WalkNodes((n) => {
    if (found) return;
    const symbol = n.ReferencedSymbol;
    if (n.Kind === S.NameReference && symbol?.Kind === kusto().Symbols.SymbolKind.Column)
      found = TIME_COLUMNS.includes(symbol.Name ?? '');
    else if (n.Kind === S.FunctionCallExpression)
      found = (n as Kusto.Language.Syntax.FunctionCallExpression).Name?.SimpleName === 'ago';
  });
  return found;
}

/**
 * Whether one side of a join reads an event table in full: it names a database table that has a
 * time column, calls no database function (a parser or saved function may filter by time
 * itself, which is not visible here) and holds no time filter.
 */
function readsWholeRetention(ctx: { root: Node; globals: Kusto.Language.GlobalState }, side: Node): boolean {
  const K = kusto();
  const nodes = reachable(ctx.root, side);
  let readsEventTable = false;
  for (const n of nodes) {
    if (isTimeFilter(n)) return false;
    const symbol = n.ReferencedSymbol;
    if (symbol?.Kind === K.Symbols.SymbolKind.Function) {
      if (ctx.globals.IsDatabaseFunction(symbol as Kusto.Language.Symbols.FunctionSymbol)) return false;
    }
    if (n.Kind !== K.Syntax.SyntaxKind.NameReference || symbol?.Kind !== K.Symbols.SymbolKind.Table) continue;
    const table = symbol as Kusto.Language.Symbols.TableSymbol;
    if (!ctx.globals.IsDatabaseTable(table)) continue;
    if (toArray(table.Columns).some((c) => TIME_COLUMNS.includes(c.Name ?? ''))) readsEventTable = true;
  }
  return readsEventTable;
}

/**
 * A join of two event tables read in full matches their whole retention against each other.
 * A filter after the join counts, as the engine moves it to the left side; inside a `let`, any
 * time filter in the query counts, since it is usually applied where the let is used. The
 * queries of rule and hunting-query files are exempt: their time range bounds every table.
 */
export const unboundedJoin: Lint = (ctx) => {
  if (ctx.timeRangeFromHost) return [];
  const S = kusto().Syntax.SyntaxKind;
  const rule = LINT_RULES.unboundedJoin;
  const findings: LintFinding[] = [];
  const anyTimeFilter = nodesOfKind(ctx.root, S.FilterOperator).some(isTimeFilter);
  for (const node of nodesOfKind(ctx.root, S.JoinOperator)) {
    const join = node as Kusto.Language.Syntax.JoinOperator;
    const pipe = node.Parent;
    if (pipe?.Kind !== S.PipeExpression || !join.Expression || !join.JoinKeyword) continue;
    const left = (pipe as Kusto.Language.Syntax.PipeExpression).Expression;
    if (!left) continue;
    if (operatorsAfter(node).some(isTimeFilter)) continue;
    let inLet = false;
    for (let p = node.Parent; p; p = p.Parent) if (p.Kind === S.LetStatement) inLet = true;
    if (inLet && anyTimeFilter) continue;
    if (!readsWholeRetention(ctx, left) || !readsWholeRetention(ctx, join.Expression)) continue;
    findings.push({
      rule,
      start: join.JoinKeyword.TextStart,
      length: join.JoinKeyword.Width,
      message: lintMessage(rule, { timeColumn: ctx.timeColumn }),
    });
  }
  return findings;
};
