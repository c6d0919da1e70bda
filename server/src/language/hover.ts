import type { Hover, Position } from 'vscode-languageserver-types';
import type { DocumentAnalysis } from './documentAnalysis';
import { blockAtDocumentOffset, boundCode, regionRange, type BlockContext } from './engineBlocks';
import { kusto, toArray } from './kustoEngine';
import { functionDescription, tableMarkdown } from './symbolDocs';

/**
 * The symbol a name at a block-relative position refers to, read from the bound tree. Table
 * references carry the table as their result type rather than as a referenced symbol.
 */
export function symbolAt(
  ctx: BlockContext,
  globals: Kusto.Language.GlobalState,
  regionOffset: number,
): Kusto.Language.Symbols.Symbol | undefined {
  const code = boundCode(ctx, globals);
  const token = code.Syntax?.GetTokenAt(regionOffset - ctx.block.Start);
  if (!token || token.Kind !== kusto().Syntax.SyntaxKind.IdentifierToken) return undefined;
  const node =
    token.Parent?.Kind === kusto().Syntax.SyntaxKind.TokenName ? token.Parent.Parent : token.Parent;
  if (!node) return undefined;
  const S = kusto().Symbols.SymbolKind;
  const referenced = node.ReferencedSymbol;
  if (referenced) return referenced;
  const type = (node as unknown as { ResultType?: Kusto.Language.Symbols.TypeSymbol | null }).ResultType;
  return type && type.Kind === S.Table ? type : undefined;
}

function extraFor(
  symbol: Kusto.Language.Symbols.Symbol | undefined,
  globals: Kusto.Language.GlobalState,
  timeColumn: string,
): string | undefined {
  if (!symbol) return undefined;
  const S = kusto().Symbols;
  switch (symbol.Kind) {
    case S.SymbolKind.Column: {
      const column = symbol as Kusto.Language.Symbols.ColumnSymbol;
      const table = globals.GetTable(column);
      return (
        [column.Description, table ? `Column of **${table.Name}**` : undefined]
          .filter(Boolean)
          .join('\n\n') || undefined
      );
    }
    case S.SymbolKind.Table:
      return globals.IsDatabaseTable(symbol as Kusto.Language.Symbols.TableSymbol)
        ? tableMarkdown(symbol as Kusto.Language.Symbols.TableSymbol, timeColumn)
        : undefined;
    case S.SymbolKind.Function:
      return functionDescription(symbol as Kusto.Language.Symbols.FunctionSymbol);
    default:
      return undefined;
  }
}

/**
 * Hover: the engine's quick info (the name with its type, or a function's signature), plus
 * what the schema knows: a column's table and description, a table's size and time column,
 * a function's description.
 */
export function getHover(analysis: DocumentAnalysis, position: Position, timeColumn: string): Hover | null {
  const at = blockAtDocumentOffset(analysis, analysis.document.offsetAt(position));
  if (!at) return null;
  const options = kusto().Editor.QuickInfoOptions.Default!.WithShowDiagnostics(false);
  const info = at.service.GetQuickInfo(at.regionOffset, options);
  const K = kusto().Editor.QuickInfoKind;
  const items = toArray(info?.Items).filter(
    (i) => i.Kind !== K.Error && i.Kind !== K.Warning && i.Kind !== K.Suggestion && i.Text,
  );
  if (items.length === 0) return null;
  // The engine's first line is `name: type`; descriptions it adds after a blank line are kept.
  const [first, ...rest] = items[0].Text!.split('\n\n');
  const parts = [`\`\`\`kql\n${first}\n\`\`\``];
  const symbol = symbolAt(at, analysis.globals, at.regionOffset);
  const extra = extraFor(symbol, analysis.globals, timeColumn);
  if (extra) parts.push(extra);
  else if (rest.length > 0) parts.push(rest.join('\n\n'));
  for (const more of items.slice(1)) parts.push(more.Text!);
  const element = at.service.GetElement(at.regionOffset);
  const range =
    element && element.Length > 0
      ? regionRange(analysis, at.query, element.Start, element.Length)
      : undefined;
  return { contents: { kind: 'markdown', value: parts.join('\n\n') }, range };
}
