import { randomUUID } from 'node:crypto';
import { DETECTION_KINDS, kindsOf, rmmToolById, rmmTools } from '../rmm/rmmLibrary';
import { rmmDetectionQuery } from '../rmm/rmmQueries';
import { rmmRuleYaml } from '../rmm/rmmRule';
import { RmmDetectionRequest, RmmToolsRequest, type RmmDetectionResult } from '../protocol/messages';
import type { HandlerModule } from './handlerModule';

/** Serves the RMM detection library to the New RMM Detection command (and to any LSP client). */
export const rmmHandlers: HandlerModule = {
  name: 'rmm',
  capabilities: () => ({}),
  register(ctx) {
    ctx.connection.onRequest(
      RmmToolsRequest,
      ctx.guard('rmmTools', [], () =>
        rmmTools().map((tool) => ({
          id: tool.id,
          name: tool.name,
          kinds: kindsOf(tool),
          detail: [tool.companies[0], tool.signers[0], tool.domains[0]].filter(Boolean).join(' | '),
        })),
      ),
    );

    ctx.connection.onRequest(
      RmmDetectionRequest,
      ctx.guard(
        'rmmDetection',
        { error: 'The detection could not be generated; see the output log.' },
        (params): RmmDetectionResult => {
          const unknown = params.toolIds.filter((id) => !rmmToolById(id));
          if (unknown.length > 0) return { error: `Unknown RMM tool: ${unknown.join(', ')}.` };
          const kinds = params.kinds.filter((k) => DETECTION_KINDS.includes(k));
          if (kinds.length === 0)
            return { error: 'Choose a detection kind: network, process or fileSignature.' };
          const tools = params.toolIds.map((id) => rmmToolById(id)!);
          try {
            return params.output === 'rule'
              ? { text: rmmRuleYaml(tools, kinds, { id: randomUUID() }), languageId: 'yaml' }
              : { text: rmmDetectionQuery(tools, kinds, { target: 'hunting' }).text, languageId: 'kql' };
          } catch (e) {
            // The generators throw only for requests that cannot be met, with a message for the user.
            return { error: e instanceof Error ? e.message : String(e) };
          }
        },
      ),
    );
  },
};
