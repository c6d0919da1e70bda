import { hostFormatOf, impliedEnvironment } from '../documents/documentRegions';
import { DocumentEnvironmentRequest, ServerInfoRequest } from '../protocol/messages';
import { builtinSchema } from '../schema/builtinSchemas';
import { environmentPin } from '../schema/environment';
import type { HandlerModule } from './handlerModule';

/** Answers the client's question of which schema environment a document is checked in. */
export const environmentHandlers: HandlerModule = {
  name: 'environment',
  capabilities: () => ({}),
  register(ctx) {
    ctx.connection.onRequest(ServerInfoRequest, () => ({
      processId: process.pid,
      uptimeMs: Math.round(process.uptime() * 1000),
    }));
    ctx.connection.onRequest(
      DocumentEnvironmentRequest,
      ctx.guard('documentEnvironment', null, async ({ uri }) => {
        const document = ctx.documents.get(uri);
        if (!document) return null;
        if (hostFormatOf(document) !== 'kql' && ctx.service.regionsOf(document).length === 0) return null;
        const environment = ctx.service.environmentOf(document, await ctx.settings.get(uri));
        const pinned = !!environmentPin(document.getText());
        return {
          environment,
          displayName: builtinSchema(environment).displayName,
          pinned,
          implied: !pinned && impliedEnvironment(document) !== undefined,
        };
      }),
    );
  },
};
