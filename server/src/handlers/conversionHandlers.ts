import { ConvertQueryRequest } from '../protocol/messages';
import type { ConvertQueryResult } from '../protocol/queryConversion';
import { builtinSchema } from '../schema/builtinSchemas';
import { isEnvironmentId } from '../schema/environment';
import type { HandlerModule } from './handlerModule';

/** Converts an open document's queries between Defender XDR and Sentinel, for the editor's commands. */
export const conversionHandlers: HandlerModule = {
  name: 'conversion',
  capabilities: () => ({}),
  register(ctx) {
    ctx.connection.onRequest(
      ConvertQueryRequest,
      ctx.guard<Parameters<typeof convert>[0], ConvertQueryResult>(
        'convertQuery',
        { error: 'The query could not be converted.' },
        (params) => convert(params),
      ),
    );

    async function convert({ uri, to }: { uri: string; to: unknown }): Promise<ConvertQueryResult> {
      if (!isEnvironmentId(to)) return { error: `Unknown environment '${String(to)}'.` };
      const document = ctx.documents.get(uri);
      if (!document) return { error: 'The document is not open.' };
      if (ctx.service.regionsOf(document).length === 0)
        return { error: 'This file holds no query to convert.' };
      const result = ctx.service.convert(document, await ctx.settings.get(uri), to);
      return {
        // Versioned, so that an edit computed on text the user has since changed is refused.
        edit: {
          documentChanges: [{ textDocument: { uri, version: document.version }, edits: result.edits }],
        },
        converted: result.converted,
        unconverted: result.unconverted.map((u) => ({ name: u.name, reason: u.reason, range: u.range })),
        notes: result.notes.map((n) => ({ name: n.name, note: n.note, range: n.range })),
        fromDisplayName: builtinSchema(result.from).displayName,
        toDisplayName: builtinSchema(to).displayName,
      };
    }
  },
};
