import {
  CancellationTokenSource,
  DidOpenTextDocumentNotification,
  HoverRequest,
} from 'vscode-languageserver-protocol/node';
import { RunQueryRequest } from '../server/src/protocol/messages';
import { LspTestClient } from '../test/helpers/lspClient';
import { LONG_LOCAL_QUERY, localRun } from '../test/helpers/longLocalQuery';
import { TIGHTVNC } from './lspScenarios';

/**
 * How the server behaves while the embedded engine is busy on its worker thread: hover latency
 * during a long local query, and how long a cancel or a timeout takes to come back as a result.
 * test/lsp/localRunCancel.test.ts checks the same behaviour without timing it.
 */
export interface LocalRunFigures {
  hoverWhileRunning: number[];
  cancelToResult: number[];
  timeoutOvershoot: number[];
}

export async function localRunFigures(rounds: number): Promise<LocalRunFigures> {
  const client = new LspTestClient();
  const uri = 'file:///bench/local.kql';
  const figures: LocalRunFigures = { hoverWhileRunning: [], cancelToResult: [], timeoutOvershoot: [] };
  const params = (timeoutSeconds: number) => localRun(uri, LONG_LOCAL_QUERY, timeoutSeconds);
  try {
    await client.initialize();
    const opened = client.nextDiagnostics(uri);
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'kql', version: 1, text: TIGHTVNC },
    });
    await opened;
    const at = TIGHTVNC.indexOf('DeviceNetworkEvents') + 2;
    for (let r = 0; r < rounds; r++) {
      const source = new CancellationTokenSource();
      const running = client.connection.sendRequest(RunQueryRequest, params(600), source.token);
      for (let h = 0; h < 20; h++) {
        const t0 = performance.now();
        await client.connection.sendRequest(HoverRequest.type, {
          textDocument: { uri },
          position: { line: 0, character: at },
        });
        figures.hoverWhileRunning.push(performance.now() - t0);
      }
      const cancelledAt = performance.now();
      source.cancel();
      const cancelled = await running;
      if (cancelled.ok || cancelled.error.kind !== 'cancelled')
        throw new Error(`expected a cancelled result: ${JSON.stringify(cancelled)}`);
      figures.cancelToResult.push(performance.now() - cancelledAt);

      const started = performance.now();
      const timedOut = await client.connection.sendRequest(RunQueryRequest, params(2));
      if (timedOut.ok || timedOut.error.kind !== 'timeout')
        throw new Error(`expected a timeout: ${JSON.stringify(timedOut)}`);
      figures.timeoutOvershoot.push(performance.now() - started - 2000);
    }
    return figures;
  } finally {
    await client.shutdown().catch(() => client.kill());
  }
}
