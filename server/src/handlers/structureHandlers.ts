import { SEMANTIC_TOKENS_LEGEND } from '../language/semanticTokens';
import type { HandlerModule } from './handlerModule';

/** Document symbols, folding ranges, semantic tokens and formatting. */
export const structureHandlers: HandlerModule = {
  name: 'structure',
  capabilities: () => ({
    documentSymbolProvider: true,
    foldingRangeProvider: true,
    semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true },
    documentFormattingProvider: true,
    documentRangeFormattingProvider: true,
  }),
  register(ctx) {
    const { connection, service } = ctx;
    connection.onDocumentSymbol(
      ctx.guard('documentSymbol', [], async ({ textDocument }) => {
        const found = await ctx.analysisFor(textDocument.uri);
        return found ? service.getDocumentSymbols(found.analysis) : [];
      }),
    );
    connection.onFoldingRanges(
      ctx.guard('foldingRange', [], async ({ textDocument }) => {
        const found = await ctx.analysisFor(textDocument.uri);
        return found ? service.getFoldingRanges(found.analysis) : [];
      }),
    );
    connection.languages.semanticTokens.on(
      ctx.guard('semanticTokens', { data: [] }, async ({ textDocument }) => {
        const found = await ctx.analysisFor(textDocument.uri);
        return found ? service.getSemanticTokens(found.analysis) : { data: [] };
      }),
    );
    connection.onDocumentFormatting(
      ctx.guard('formatting', [], async ({ textDocument, options }) => {
        const found = await ctx.analysisFor(textDocument.uri);
        return found ? service.format(found.analysis, found.settings, options) : [];
      }),
    );
    connection.onDocumentRangeFormatting(
      ctx.guard('rangeFormatting', [], async ({ textDocument, options, range }) => {
        const found = await ctx.analysisFor(textDocument.uri);
        return found ? service.format(found.analysis, found.settings, options, range) : [];
      }),
    );
  },
};
