import type { KqlHuntingSettings } from '../protocol/settings';
import type { CheckJob } from './fileChecker';
import type { FileResult } from './findings';

/**
 * Checks that need the whole set of files at once, such as a Sentinel rule `id` that must be
 * unique across the repository, run here on the main thread after every file was checked on
 * its own. Each takes the per-file results (and the jobs, to read files again if it needs their
 * text) and returns them with its own findings added in place.
 *
 * TODO(issue 5): add the rule-id uniqueness check once the rule checks expose it; it must report
 * the same diagnostics the language server publishes for the workspace folder.
 */
const PROJECT_CHECKS: readonly ((results: FileResult[], jobs: readonly CheckJob[], settings: KqlHuntingSettings) => FileResult[])[] = [];

export function runProjectChecks(results: FileResult[], jobs: readonly CheckJob[], settings: KqlHuntingSettings): FileResult[] {
  return PROJECT_CHECKS.reduce((acc, check) => check(acc, jobs, settings), results);
}
