/**
 * Polls `condition` until it holds, failing with `what` after `timeoutMs` instead of hanging the
 * suite when a regression means it never will.
 */
export async function waitUntil(
  what: string,
  condition: () => boolean,
  { timeoutMs = 10_000, pollMs = 10 } = {},
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
