import * as path from 'node:path';
import { DEFAULT_RUN_SETTINGS, type LocalWorkspace } from '../../server/src/protocol/workspaces';
import type { RunQueryParams } from '../../server/src/protocol/queryRun';
import { REPO_ROOT } from './paths';

/** The sample hunting workspace as a local workspace of the run request. */
const SAMPLE_WORKSPACE: LocalWorkspace = {
  name: 'Sample',
  kind: 'local',
  folder: path.join(REPO_ROOT, 'samples', 'hunting-workspace'),
};

/**
 * Tens of seconds of work for the executor when nothing stops it: under range's 10,000,000-row
 * cap, with string work on every row (about half a minute on the 2-core machine).
 */
export const LONG_LOCAL_QUERY =
  'range x from 1 to 9000000 step 1\n| extend y = strcat(tostring(x), "-", tostring(x * 7))\n| where y has "77777"\n| summarize count()';

/** A run request for `query` on the sample workspace, with its own timeout. */
export function localRun(
  uri: string,
  query: string,
  timeoutSeconds = DEFAULT_RUN_SETTINGS.timeoutSeconds,
): RunQueryParams {
  return { uri, query, workspace: SAMPLE_WORKSPACE, settings: { ...DEFAULT_RUN_SETTINGS, timeoutSeconds } };
}
