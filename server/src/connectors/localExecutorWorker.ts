import { parentPort } from 'node:worker_threads';
import { localExecutor } from './localExecutor';
import { MissingExternalData } from './localConnector';
import { ConnectorError } from './types';
import type { LocalRunReply, LocalRunRequest } from './localWorkerExecutor';

/**
 * The worker thread that runs local queries (see localWorkerExecutor.ts). The embedded executor is
 * synchronous; here it blocks only this thread, which the server or the command line terminates
 * to cancel. The thread keeps the executor and the loaded sample folders between runs.
 */
const never = new AbortController().signal;

parentPort!.on('message', (request: LocalRunRequest) => {
  void localExecutor(request.query, {
    folder: request.folder,
    signal: never,
    ...(request.now ? { now: request.now } : {}),
    ...(request.externalData ? { externalData: request.externalData } : {}),
  })
    .then(
      (result): LocalRunReply => ({
        ok: true,
        tables: result.tables,
        ...(result.render ? { render: result.render } : {}),
        ...(result.warnings ? { warnings: result.warnings } : {}),
      }),
      (e: unknown): LocalRunReply =>
        e instanceof MissingExternalData
          ? { ok: false, kind: e.kind, message: e.message, missingUrl: e.url }
          : e instanceof ConnectorError
            ? { ok: false, kind: e.kind, message: e.message }
            : {
                ok: false,
                kind: 'server',
                message: `The local engine failed: ${e instanceof Error ? e.message : String(e)}`,
              },
    )
    .then((reply) => parentPort!.postMessage(reply));
});
