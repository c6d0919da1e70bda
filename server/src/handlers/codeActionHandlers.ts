import { CodeActionKind } from 'vscode-languageserver/node';
import type { HandlerModule } from './handlerModule';

/** Quick fixes (engine fixes, did you mean, =~, add a time filter) and engine refactorings. */
export const codeActionHandlers: HandlerModule = {
  name: 'codeActions',
  capabilities: () => ({
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite] },
  }),
  register(ctx) {
    ctx.connection.onCodeAction(
      ctx.guard('codeAction', [], async ({ textDocument, range, context }) => {
        const found = await ctx.analysisFor(textDocument.uri);
        if (!found) return [];
        const actions = ctx.service.getCodeActions(found.analysis, range, context.diagnostics);
        return context.only
          ? actions.filter((a) => context.only!.some((k) => a.kind === k || a.kind?.startsWith(`${k}.`)))
          : actions;
      }),
    );
  },
};
