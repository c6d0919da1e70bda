import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { UsageError } from './exitCodes';
import { checkFile, type CheckJob, type CheckOutcome } from './fileChecker';
import type { FileResult } from './findings';
import { createCliService } from './schemaSources';
import type { CheckBatchMessage, CheckSetup, WorkerReply } from './workerProtocol';

export interface RunOptions {
  /** 1 checks in this thread; more starts that many worker threads. */
  workers: number;
  onProgress?(done: number, total: number): void;
}

/**
 * Files per message to a worker: small enough that the threads finish together however the
 * costly files fall, large enough that messaging costs nothing next to analysis.
 */
const BATCH_SIZE = 4;

/**
 * Checks every file and returns the results in the order of `jobs`, whichever thread checked
 * them. A file that cannot be read stops the run with a UsageError naming it.
 */
export async function runChecks(
  jobs: readonly CheckJob[],
  setup: CheckSetup,
  options: RunOptions,
): Promise<FileResult[]> {
  // Nothing to check (every file came from the cache): the engine is not even loaded.
  if (jobs.length === 0) return [];
  const outcomes =
    options.workers <= 1 || jobs.length <= 1
      ? await checkInThisThread(jobs, setup, options)
      : await checkInWorkers(jobs, setup, options);
  return outcomes.map((o) => {
    if (!o.ok) throw new UsageError(`cannot read ${o.file}: ${o.reason}`);
    return o.result;
  });
}

async function checkInThisThread(
  jobs: readonly CheckJob[],
  setup: CheckSetup,
  options: RunOptions,
): Promise<CheckOutcome[]> {
  const service = createCliService(setup.schemas, setup.ruleIds, setup.ciSkips, setup.brokenParsers);
  const out: CheckOutcome[] = [];
  for (const job of jobs) {
    try {
      out.push(checkFile(service, job, setup.settings));
    } catch (e) {
      throw new Error(`while checking ${job.display}: ${e instanceof Error ? e.message : String(e)}`);
    }
    options.onProgress?.(out.length, jobs.length);
    // Let the event loop run now and then, so that progress reaches the terminal.
    if (out.length % BATCH_SIZE === 0) await new Promise((r) => setImmediate(r));
  }
  return out;
}

function checkInWorkers(
  jobs: readonly CheckJob[],
  setup: CheckSetup,
  options: RunOptions,
): Promise<CheckOutcome[]> {
  const total = jobs.length;
  const count = Math.min(options.workers, Math.ceil(total / BATCH_SIZE));
  const outcomes: CheckOutcome[] = new Array(total);
  let next = 0;
  let done = 0;
  const workers: Worker[] = [];
  return new Promise<CheckOutcome[]>((resolve, reject) => {
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      for (const w of workers) void w.terminate();
      if (error) reject(error);
      else resolve(outcomes);
    };
    const feed = (worker: Worker, state: { start: number; length: number }) => {
      // An idle worker is left waiting: finish() stops them all once the last result is in.
      if (next >= total) return;
      state.start = next;
      state.length = Math.min(BATCH_SIZE, total - next);
      next += state.length;
      const message: CheckBatchMessage = {
        type: 'check',
        jobs: jobs.slice(state.start, state.start + state.length),
      };
      worker.postMessage(message);
    };
    for (let i = 0; i < count; i++) {
      const worker = new Worker(path.join(__dirname, 'checkWorker.js'), { workerData: setup });
      workers.push(worker);
      const state = { start: 0, length: 0 };
      worker.on('message', (reply: WorkerReply) => {
        if (reply.type === 'failed')
          return finish(reply.usage ? new UsageError(reply.message) : new Error(reply.message));
        reply.outcomes.forEach((o, k) => (outcomes[state.start + k] = o));
        done += reply.outcomes.length;
        options.onProgress?.(done, total);
        if (done === total) finish();
        else feed(worker, state);
      });
      worker.on('error', (e) => finish(e));
      worker.on('exit', (code) => {
        if (code !== 0 && !settled) finish(new Error(`a worker thread stopped with exit code ${code}`));
      });
      feed(worker, state);
    }
  });
}
