import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { RenderHint, ResultTable, RunErrorKind } from '../protocol/queryRun';
import { MissingExternalData, type LocalExecutor } from './localConnector';
import { ConnectorError } from './types';

/**
 * Runs local queries on a worker thread. The embedded executor is synchronous: run on the main
 * thread, a long query would stop the language server from answering anything (hovers,
 * diagnostics, even the cancel request) and the command line's timeout from firing. On a worker
 * the main thread stays free, and cancelling or timing out terminates the worker, which stops
 * the executor wherever it is. One idle worker is kept so that the next run finds the executor
 * loaded and the sample folder read.
 */
export interface LocalRunRequest {
  query: string;
  folder: string;
  now?: string;
  externalData?: Record<string, string>;
}

export type LocalRunReply =
  | { ok: true; tables: ResultTable[]; render?: RenderHint; warnings?: string[] }
  | { ok: false; kind: RunErrorKind; message: string; missingUrl?: string };

/** Bundled beside the server and the command line (scripts/build.mjs), and compiled beside this file by tsc. */
const WORKER_FILE = path.join(__dirname, 'localExecutorWorker.js');

/** A query that builds a huge table fails on its own thread instead of taking the server's memory with it. */
const HEAP_LIMIT_MB = 1536;

let idle: Worker | undefined;

function takeWorker(): Worker {
  // A worker that died while idle (threadId -1) is replaced.
  const reusable = idle && idle.threadId !== -1 ? idle : undefined;
  const worker =
    reusable ?? new Worker(WORKER_FILE, { resourceLimits: { maxOldGenerationSizeMb: HEAP_LIMIT_MB } });
  idle = undefined;
  worker.ref();
  return worker;
}

function release(worker: Worker): void {
  if (idle) {
    void worker.terminate();
    return;
  }
  // An idle worker must not keep the command line's process alive.
  worker.unref();
  idle = worker;
}

function failureOf(e: Error & { code?: string }): ConnectorError {
  if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return new ConnectorError(
      'badRequest',
      `The query needed more than ${HEAP_LIMIT_MB} MB in the local engine; narrow it (a where, a take, or a smaller join).`,
    );
  }
  return new ConnectorError('server', `The local engine stopped: ${e.message}`);
}

export const workerLocalExecutor: LocalExecutor = (query, { folder, signal, now, externalData }) =>
  new Promise((resolve, reject) => {
    if (signal.aborted)
      return reject(signal.reason ?? new ConnectorError('cancelled', 'The query was cancelled.'));
    const worker = takeWorker();
    const settle = () => {
      signal.removeEventListener('abort', onAbort);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const onMessage = (reply: LocalRunReply) => {
      settle();
      release(worker);
      if (reply.ok)
        resolve({
          tables: reply.tables,
          ...(reply.render ? { render: reply.render } : {}),
          ...(reply.warnings ? { warnings: reply.warnings } : {}),
        });
      else
        reject(
          reply.missingUrl !== undefined
            ? new MissingExternalData(reply.message, reply.missingUrl)
            : new ConnectorError(reply.kind, reply.message),
        );
    };
    const onAbort = () => {
      settle();
      void worker.terminate();
      reject(signal.reason ?? new ConnectorError('cancelled', 'The query was cancelled.'));
    };
    const onError = (e: Error) => {
      settle();
      void worker.terminate();
      reject(failureOf(e));
    };
    const onExit = (code: number) => {
      settle();
      reject(new ConnectorError('server', `The local engine stopped unexpectedly (exit code ${code}).`));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    const request: LocalRunRequest = {
      query,
      folder,
      ...(now ? { now } : {}),
      ...(externalData ? { externalData } : {}),
    };
    worker.postMessage(request);
  });
