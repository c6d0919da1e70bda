import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { guard } from '../handlerGuard';
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
    connection.onHover(guard(connection, 'hover', null, async ({ textDocument, position }) => {
      const analysis = await at(textDocument.uri);
      return analysis ? service.getHover(analysis, position) : null;
    }));
    connection.onDefinition(guard(connection, 'definition', [], async ({ textDocument, position }) => {
      const analysis = await at(textDocument.uri);
      return analysis ? service.getDefinition(analysis, position) : [];
    }));
    connection.onReferences(guard(connection, 'references', [], async ({ textDocument, position, context }) => {
      const analysis = await at(textDocument.uri);
      return analysis ? service.getReferences(analysis, position, context.includeDeclaration) : [];
    }));
    connection.onDocumentHighlight(guard(connection, 'documentHighlight', [], async ({ textDocument, position }) => {
      const analysis = await at(textDocument.uri);
      return analysis ? service.getDocumentHighlights(analysis, position) : [];
    }));
    connection.onPrepareRename(guard(connection, 'prepareRename', null, async ({ textDocument, position }) => {
      const analysis = await at(textDocument.uri);
      return (analysis && service.prepareRename(analysis, position)) ?? null;
    }));
    connection.onRenameRequest(guard(connection, 'rename', null, async ({ textDocument, position, newName }) => {
      const analysis = await at(textDocument.uri);
      if (!analysis) return null;
      const result = service.rename(analysis, position, newName);
      // The editor shows a rename error's message to the user, so say why it cannot be done.
      return 'error' in result ? new ResponseError(ErrorCodes.InvalidRequest, result.error) : result;
    }));
  },
};
