import type { CancellationToken, Connection } from 'vscode-languageserver/node';

/**
 * Counts the requests being answered. One is made per server (serverParts.ts) and every request
 * handler is wrapped by its `guard`.
 */
export class RequestTracker {
  private running = 0;
  private lastRequest = Number.NEGATIVE_INFINITY;

  /**
   * No request is being answered and none was started or finished in the last `quietMs`. Idle-time
   * work that blocks the thread (building the completion grammar) waits for this, so that it never
   * lands between a hover and its answer.
   */
  quietFor(quietMs: number, now = performance.now()): boolean {
    return this.running === 0 && now - this.lastRequest >= quietMs;
  }

  /**
   * Wraps every request handler in one place: a cancelled request answers with the fallback, and
   * an exception is logged and answered with the fallback instead of escaping into the connection.
   * It also keeps the count of requests being answered, for `quietFor`.
   */
  guard<P, R>(
    connection: Connection,
    name: string,
    fallback: R,
    handler: (params: P, token: CancellationToken) => R | Promise<R>,
  ): (params: P, token: CancellationToken) => Promise<R> {
    return async (params, token) => {
      if (token.isCancellationRequested) return fallback;
      this.running++;
      this.lastRequest = performance.now();
      try {
        return await handler(params, token);
      } catch (e) {
        connection.console.error(
          `${name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
        );
        return fallback;
      } finally {
        this.running--;
        this.lastRequest = performance.now();
      }
    };
  }
}
