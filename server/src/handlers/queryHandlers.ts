import type { Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { queryBlocksOf, ruleTimespan } from '../connectors/queryBlocks';
import { runQuery } from '../connectors/runQuery';
import { locateError } from '../connectors/serviceErrors';
import type { DocumentAnalysis } from '../language/documentAnalysis';
import { QueryBlocksRequest, RunQueryRequest } from '../protocol/messages';
import type { RunQueryParams, RunQueryResult } from '../protocol/queryRun';
import { workspacePin } from '../protocol/workspaces';
import type { HandlerModule } from './handlerModule';
import { credentialFrom } from './sealedCredentials';

/**
 * Running queries happens here, in the language server process, rather than in the extension
 * host: the client may import only vscode, the language client and the protocol module, and the
 * connectors (and their Azure SDKs) then load in one Node process shared with `kqlhunt run`.
 * The client signs in and passes a sealed token with each request; LSP cancellation cancels the
 * run. Nothing here logs a token or a query's results.
 */

/** The document range of a service error inside the query that was sent, when it can be placed. */
function errorRange(
  document: TextDocument,
  analysis: DocumentAnalysis,
  params: RunQueryParams,
  message: string,
): Range | undefined {
  if (!params.range) return undefined;
  const sent = params.query.trim();
  const located = locateError(sent, message);
  if (!located) return undefined;
  const docStart = document.offsetAt(params.range.start);
  for (const query of analysis.queries) {
    const regionStart = query.region.toRegionOffset(docStart);
    if (regionStart === undefined) continue;
    const at = query.region.text.indexOf(sent, regionStart);
    if (at < 0) continue;
    return {
      start: document.positionAt(query.region.toDocumentOffset(at + located.start)),
      end: document.positionAt(query.region.toDocumentOffset(at + located.end)),
    };
  }
  return undefined;
}

export const queryHandlers: HandlerModule = {
  name: 'query',
  capabilities: () => ({}),
  register(ctx) {
    ctx.connection.onRequest(
      QueryBlocksRequest,
      ctx.guard('queryBlocks', { blocks: [] }, async ({ uri }) => {
        const found = await ctx.analysisFor(uri);
        if (!found) return { blocks: [] };
        const timespan = ruleTimespan(found.document);
        const pinnedWorkspace = workspacePin(found.document.getText());
        return {
          blocks: queryBlocksOf(found.analysis),
          ...(timespan ? { timespan } : {}),
          ...(pinnedWorkspace ? { pinnedWorkspace } : {}),
        };
      }),
    );

    const cancelledResult = (params: RunQueryParams): RunQueryResult => ({
      ok: false,
      error: { kind: 'cancelled', message: 'The query was cancelled.' },
      durationMs: 0,
      workspaceName: params.workspace?.name ?? '',
    });
    ctx.connection.onRequest(RunQueryRequest, async (params, token) => {
      if (token.isCancellationRequested) return cancelledResult(params);
      const controller = new AbortController();
      const subscription = token.onCancellationRequested(() => controller.abort());
      try {
        const credential = credentialFrom(params.token);
        const result = await runQuery(params.workspace, params.query, {
          settings: params.settings,
          ...(params.timespan ? { timespan: params.timespan } : {}),
          signal: controller.signal,
          ...(credential ? { credential } : {}),
        });
        if (
          !result.ok &&
          (result.error.kind === 'semantic' || result.error.kind === 'syntax') &&
          params.uri
        ) {
          const found = await ctx.analysisFor(params.uri);
          const range = found && errorRange(found.document, found.analysis, params, result.error.message);
          if (range) return { ...result, errorRange: range };
        }
        return result;
      } catch (e) {
        // runQuery never throws; this covers a malformed request.
        ctx.connection.console.error(`runQuery failed: ${e instanceof Error ? e.message : String(e)}`);
        return {
          ok: false,
          error: { kind: 'badRequest', message: 'The run request was malformed.' },
          durationMs: 0,
          workspaceName: '',
        };
      } finally {
        subscription.dispose();
      }
    });
  },
};
