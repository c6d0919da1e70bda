import type { CancellationToken, Connection } from 'vscode-languageserver/node';

let running = 0;
let lastRequest = Number.NEGATIVE_INFINITY;

/**
 * No request is being answered and none was started or finished in the last `quietMs`. Idle-time
 * work that blocks the thread (building the completion grammar) waits for this, so that it never
 * lands between a hover and its answer.
 */
export function requestsQuietFor(quietMs: number, now = performance.now()): boolean {
  return running === 0 && now - lastRequest >= quietMs;
}

/**
 * Wraps every request handler in one place: a cancelled request answers with the fallback, and
 * an exception is logged and answered with the fallback instead of escaping into the connection.
 * It also keeps the count of requests being answered, for `requestsQuietFor`.
 */
export function guard<P, R>(
  connection: Connection,
  name: string,
  fallback: R,
  handler: (params: P, token: CancellationToken) => R | Promise<R>,
): (params: P, token: CancellationToken) => Promise<R> {
  return async (params, token) => {
    if (token.isCancellationRequested) return fallback;
    running++;
    lastRequest = performance.now();
    try {
      return await handler(params, token);
    } catch (e) {
      connection.console.error(`${name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return fallback;
    } finally {
      running--;
      lastRequest = performance.now();
    }
  };
}
