import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import type { HandlerModule } from './handlerModule';

/** Hover, go to definition, find references, document highlights and rename. */
export const navigationHandlers: HandlerModule = {
  name: 'navigation',
  capabilities: () => ({
    hoverProvider: true,
    definitionProvider: true,
    referencesProvider: true,
    documentHighlightProvider: true,
    renameProvider: { prepareProvider: true },
  }),
  register(ctx) {
    const { connection, service } = ctx;
    const at = async (uri: string) => (await ctx.analysisFor(uri))?.analysis;
    connection.onHover(
      ctx.guard('hover', null, async ({ textDocument, position }) => {
        const analysis = await at(textDocument.uri);
        return analysis ? service.getHover(analysis, position) : null;
      }),
    );
    connection.onDefinition(
      ctx.guard('definition', [], async ({ textDocument, position }) => {
        const analysis = await at(textDocument.uri);
        return analysis ? service.getDefinition(analysis, position) : [];
      }),
    );
    connection.onReferences(
      ctx.guard('references', [], async ({ textDocument, position, context }) => {
        const analysis = await at(textDocument.uri);
        return analysis ? service.getReferences(analysis, position, context.includeDeclaration) : [];
      }),
    );
    connection.onDocumentHighlight(
      ctx.guard('documentHighlight', [], async ({ textDocument, position }) => {
        const analysis = await at(textDocument.uri);
        return analysis ? service.getDocumentHighlights(analysis, position) : [];
      }),
    );
    connection.onPrepareRename(
      ctx.guard('prepareRename', null, async ({ textDocument, position }) => {
        const analysis = await at(textDocument.uri);
        return (analysis && service.prepareRename(analysis, position)) ?? null;
      }),
    );
    connection.onRenameRequest(
      ctx.guard('rename', null, async ({ textDocument, position, newName }) => {
        const analysis = await at(textDocument.uri);
        if (!analysis) return null;
        const result = service.rename(analysis, position, newName);
        // The editor shows a rename error's message to the user, so say why it cannot be done.
        return 'error' in result ? new ResponseError(ErrorCodes.InvalidRequest, result.error) : result;
      }),
    );
  },
};
