import { parentPort, workerData } from 'node:worker_threads';
import type { KqlLanguageService } from '../language/languageService';
import { UsageError } from './exitCodes';
import { checkFile } from './fileChecker';
import { createCliService } from './schemaSources';
import type { CheckBatchMessage, CheckSetup, WorkerReply } from './workerProtocol';

/**
 * A worker thread of `kqlhunt check`: it builds its own language service (each thread loads
 * its own copy of the engine) and checks the batches of files the main thread sends it.
 */
const setup = workerData as CheckSetup;
let service: KqlLanguageService | undefined;

parentPort!.on('message', (message: CheckBatchMessage) => {
  let reply: WorkerReply;
  try {
    service ??= createCliService(setup.schemas, setup.ruleIds);
    const s = service;
    reply = { type: 'checked', outcomes: message.jobs.map((job) => checkFile(s, job, setup.settings)) };
  } catch (e) {
    reply = { type: 'failed', message: e instanceof Error ? e.message : String(e), usage: e instanceof UsageError };
  }
  parentPort!.postMessage(reply);
});
