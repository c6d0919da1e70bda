import { parentPort, workerData } from 'node:worker_threads';
import type { KqlLanguageService } from '../service/languageService';
import { UsageError } from './exitCodes';
import { checkFile, type CheckJob, type CheckOutcome } from './fileChecker';
import { createCliService } from './schemaSources';
import type { CheckBatchMessage, CheckSetup, WorkerReply } from './workerProtocol';

/**
 * A worker thread of `kqlhunt check`: it builds its own language service (each thread loads
 * its own copy of the engine) and checks the batches of files the main thread sends it.
 */
const setup = workerData as CheckSetup;
let service: KqlLanguageService | undefined;

/** An unexpected failure names the file it happened on, so that it can be reported and reproduced. */
function checkNamingFile(s: KqlLanguageService, job: CheckJob): CheckOutcome {
  try {
    return checkFile(s, job, setup.settings);
  } catch (e) {
    throw new Error(`while checking ${job.display}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

parentPort!.on('message', (message: CheckBatchMessage) => {
  let reply: WorkerReply;
  try {
    service ??= createCliService(setup.schemas, setup.ruleIds, setup.ciSkips, setup.brokenParsers);
    const s = service;
    reply = { type: 'checked', outcomes: message.jobs.map((job) => checkNamingFile(s, job)) };
  } catch (e) {
    reply = {
      type: 'failed',
      message: e instanceof Error ? e.message : String(e),
      usage: e instanceof UsageError,
    };
  }
  parentPort!.postMessage(reply);
});
