import type { RunError } from '../../../server/src/protocol/queryRun';

/** Where a run failed on the client's side, before the service could answer. */
export type RunStage = 'signIn' | 'request';

/**
 * The error shown for a run that failed in the client rather than at the service. Only the
 * service says a request is unauthorized (a 401 or 403 it answered, which the server maps and
 * returns as a result, never as an exception); here a sign-in that failed is a sign-in problem,
 * and a language server that died, closed its connection or answered with an error is a server
 * problem, not a permission one.
 */
export function runFailure(stage: RunStage, error: unknown, cancelled: boolean): RunError {
  if (cancelled) return { kind: 'cancelled', message: 'The query was cancelled.' };
  const detail = error instanceof Error ? error.message : String(error);
  if (stage === 'signIn')
    return { kind: 'unauthorized', message: `Could not sign in to run the query: ${detail}` };
  return { kind: 'server', message: `The KQL language server could not run the query: ${detail}` };
}
