import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { DocumentAnalysis } from './documentAnalysis';
import { allBlocks, boundCode, regionRange, type BlockContext } from './engineBlocks';
import { kusto } from './kustoEngine';

/** The block's text without its trailing blank lines, which belong to the separator. */
export function blockContentLength(block: Kusto.Language.Editor.CodeBlock): number {
  return (block.Text ?? '').trimEnd().length;
}

function letSymbols(analysis: DocumentAnalysis, ctx: BlockContext): DocumentSymbol[] {
  const S = kusto().Syntax.SyntaxKind;
  const code = boundCode(ctx, analysis.globals);
  const out: DocumentSymbol[] = [];
  code.Syntax?.WalkNodes((node) => {
    if (node.Kind !== S.LetStatement) return;
    const stmt = node as Kusto.Language.Syntax.LetStatement;
    const name = stmt.Name;
    if (!name || name.Width === 0) return;
    // Only top-level lets: those nested in a function body are not part of the outline.
    if (stmt.GetFirstAncestor(kusto().Syntax.FunctionBody as never)) return;
    const isFunction = stmt.Expression?.Kind === S.FunctionDeclaration;
    out.push({
      name: name.SimpleName ?? name.toString()!.trim(),
      kind: isFunction ? SymbolKind.Function : SymbolKind.Variable,
      range: regionRange(analysis, ctx.query, ctx.block.Start + stmt.TextStart, stmt.Width),
      selectionRange: regionRange(analysis, ctx.query, ctx.block.Start + name.TextStart, name.Width),
    });
  });
  return out;
}

/** The first line of the block's query statement, or of the block when it has none. */
function queryTitle(analysis: DocumentAnalysis, ctx: BlockContext): string {
  const S = kusto().Syntax.SyntaxKind;
  const root = boundCode(ctx, analysis.globals).Syntax;
  const statement = root?.GetFirstDescendant(
    kusto().Syntax.ExpressionStatement as never,
  ) as Kusto.Language.Syntax.SyntaxNode | null;
  const text =
    statement && statement.Kind === S.ExpressionStatement ? statement.toString()! : (ctx.block.Text ?? '');
  return (
    text
      .split(/\r?\n/)
      .map((l) => l.trim())
      .find((l) => l && !l.startsWith('//')) ?? ''
  );
}

/**
 * The outline: one symbol per query block (with the first line of its query as detail), with the block's let statements inside it.
 */
export function getDocumentSymbols(analysis: DocumentAnalysis): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  let n = 0;
  for (const ctx of allBlocks(analysis)) {
    const length = blockContentLength(ctx.block);
    if (length === 0) continue;
    n++;
    const title = queryTitle(analysis, ctx);
    const range = regionRange(analysis, ctx.query, ctx.block.Start, length);
    out.push({
      name: `Query ${n}`,
      detail: title.length > 60 ? `${title.slice(0, 59)}…` : title,
      kind: SymbolKind.Namespace,
      range,
      selectionRange: { start: range.start, end: range.start },
      children: letSymbols(analysis, ctx),
    });
  }
  return out;
}
