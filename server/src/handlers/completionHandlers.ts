import type { ClientCapabilities } from 'vscode-languageserver/node';
import { detectionSnippetsAt } from '../rmm/snippetCompletions';
import type { HandlerModule } from './handlerModule';

/** What the client told us at initialize that changes how completion items are built. */
let snippetSupport = false;

/** Completion (with documentation on resolve) and signature help. */
export const completionHandlers: HandlerModule = {
  name: 'completion',
  capabilities(client: ClientCapabilities) {
    snippetSupport = !!client.textDocument?.completion?.completionItem?.snippetSupport;
    return {
      completionProvider: { resolveProvider: true, triggerCharacters: ['|', '.', '(', ',', ' ', '='] },
      signatureHelpProvider: { triggerCharacters: ['(', ','], retriggerCharacters: [','] },
    };
  },
  register(ctx) {
    ctx.connection.onCompletion(
      ctx.guard('completion', null, async ({ textDocument, position }) => {
        const found = await ctx.analysisFor(textDocument.uri);
        if (!found) return null;
        const list = ctx.service.getCompletions(found.analysis, position, { snippetSupport });
        // Detection snippets where package.json snippets cannot reach: rule queries and new rule files.
        if (snippetSupport)
          list.items.push(
            ...detectionSnippetsAt(
              found.document,
              found.document.offsetAt(position),
              ctx.service.regionsOf(found.document),
            ),
          );
        return list;
      }),
    );
    ctx.connection.onCompletionResolve(
      ctx.guard('completionResolve', null as never, (item) => ctx.service.resolveCompletion(item)),
    );
    ctx.connection.onSignatureHelp(
      ctx.guard('signatureHelp', null, async ({ textDocument, position }) => {
        const found = await ctx.analysisFor(textDocument.uri);
        return found ? ctx.service.getSignatureHelp(found.analysis, position) : null;
      }),
    );
  },
};
