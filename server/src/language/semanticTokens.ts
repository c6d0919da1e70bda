import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver-types';
import type { DocumentAnalysis } from './documentAnalysis';
import { allBlocks } from './engineBlocks';
import { kusto, toArray } from './kustoEngine';

/**
 * Semantic colouring from the engine's classifications, so a name is coloured for what it
 * refers to (a table, a column, a function, a let variable) rather than for its spelling.
 * Kinds the TextMate grammar already colours well (keywords, punctuation, comments) are left
 * to it, which keeps the token stream small.
 */
const TOKEN_TYPES = [
  'class',
  'property',
  'function',
  'variable',
  'parameter',
  'string',
  'number',
  'type',
  'operator',
  'keyword',
  'namespace',
  'enumMember',
  'macro',
] as const;
type TokenType = (typeof TOKEN_TYPES)[number];

export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = {
  tokenTypes: [...TOKEN_TYPES],
  tokenModifiers: [],
};

function tokenType(kind: Kusto.Language.Editor.ClassificationKind): TokenType | undefined {
  const C = kusto().Editor.ClassificationKind;
  switch (kind) {
    case C.Table:
    case C.MaterializedView:
      return 'class';
    case C.Column:
    case C.SchemaMember:
      return 'property';
    case C.Function:
      return 'function';
    case C.Variable:
      return 'variable';
    case C.Parameter:
    case C.SignatureParameter:
    case C.QueryParameter:
    case C.ClientParameter:
      return 'parameter';
    case C.StringLiteral:
      return 'string';
    case C.Literal:
      return 'number';
    case C.Type:
      return 'type';
    case C.ScalarOperator:
    case C.MathOperator:
      return 'operator';
    case C.QueryOperator:
    case C.Keyword:
      return 'keyword';
    case C.Database:
      return 'namespace';
    case C.Option:
      return 'enumMember';
    case C.Directive:
      return 'macro';
    default:
      return undefined;
  }
}

/** Semantic tokens for the whole document, encoded as LSP's relative five-integer groups. */
export function getSemanticTokens(analysis: DocumentAnalysis): SemanticTokens {
  const doc = analysis.document;
  const data: number[] = [];
  let prevLine = 0;
  let prevChar = 0;
  for (const ctx of allBlocks(analysis)) {
    const info = ctx.service.GetClassifications(ctx.block.Start, ctx.block.Length, true, true);
    for (const c of toArray(info?.Classifications)) {
      const type = tokenType(c.Kind);
      if (!type || c.Length === 0) continue;
      const start = doc.positionAt(ctx.query.region.toDocumentOffset(c.Start));
      const end = doc.positionAt(ctx.query.region.toDocumentOffset(c.Start + c.Length));
      // LSP tokens may not span lines; a multi-line literal is coloured on its first line.
      const length =
        end.line === start.line
          ? end.character - start.character
          : doc.getText({ start, end: { line: start.line + 1, character: 0 } }).replace(/\r?\n$/, '').length;
      if (length <= 0) continue;
      data.push(
        start.line - prevLine,
        start.line === prevLine ? start.character - prevChar : start.character,
        length,
        TOKEN_TYPES.indexOf(type),
        0,
      );
      prevLine = start.line;
      prevChar = start.character;
    }
  }
  return { data };
}
