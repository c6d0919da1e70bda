import type { KqlHuntingSettings } from '../protocol/settings';
import type { CheckJob, CheckOutcome } from './fileChecker';
import type { CiSkipLists } from '../rules/ciSkipLists';
import type { BrokenParsers } from '../schema/brokenParsers';
import type { SchemaSource } from '../schema/schemaMerge';

/** What every worker is started with: everything needed to build the same language service. */
export interface CheckSetup {
  settings: KqlHuntingSettings;
  /** The custom schema files' tables and functions, merged over the built-in catalogue. */
  schemas: SchemaSource[];
  /** Rule id by file URI for every rule file in the run (ruleIdTable.ts). */
  ruleIds: Record<string, string>;
  /** The repository CI's skip lists, when it has any. */
  ciSkips?: CiSkipLists;
  /** The repository parsers that give way to the CI's declaration, found once for the run. */
  brokenParsers?: BrokenParsers;
}

/** Main thread to worker: check these files. */
export interface CheckBatchMessage {
  type: 'check';
  jobs: CheckJob[];
}

/** Worker to main thread: the outcomes of a batch, in the batch's order, or why the worker failed. */
export type WorkerReply =
  { type: 'checked'; outcomes: CheckOutcome[] } | { type: 'failed'; message: string; usage: boolean };
