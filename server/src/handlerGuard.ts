import type { CancellationToken, Connection } from 'vscode-languageserver/node';

/**
 * Wraps every request handler in one place: a cancelled request answers with the fallback, and
 * an exception is logged and answered with the fallback instead of escaping into the connection.
 */
export function guard<P, R>(
  connection: Connection,
  name: string,
  fallback: R,
  handler: (params: P, token: CancellationToken) => R | Promise<R>,
): (params: P, token: CancellationToken) => Promise<R> {
  return async (params, token) => {
    if (token.isCancellationRequested) return fallback;
    try {
      return await handler(params, token);
    } catch (e) {
      connection.console.error(`${name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return fallback;
    }
  };
}
