/**
 * Runs a document's validation after a short quiet period, at most once per version, and drops
 * the work when a newer edit arrives before it starts. Analysis itself is synchronous, so a
 * stale run cannot be interrupted halfway; skipping it before it starts is what keeps typing fast.
 */
type Pending = { kind: 'timeout'; handle: NodeJS.Timeout } | { kind: 'immediate'; handle: NodeJS.Immediate };

export class ValidationScheduler {
  private readonly timers = new Map<string, Pending>();
  private running = 0;
  private lastScheduled = 0;

  constructor(private readonly validate: (uri: string) => Promise<void>) {}

  schedule(uri: string, delayMs: number): void {
    this.lastScheduled = performance.now();
    this.cancel(uri);
    const run = () => {
      this.timers.delete(uri);
      this.running++;
      void this.validate(uri).finally(() => this.running--);
    };
    // With no delay, a timer would still wait at least a millisecond; an immediate runs as soon as
    // the messages already received are handled, so edits that arrived together still coalesce.
    this.timers.set(
      uri,
      delayMs <= 0
        ? { kind: 'immediate', handle: setImmediate(run) }
        : { kind: 'timeout', handle: setTimeout(run, delayMs) },
    );
  }

  /**
   * No validation is waiting to start or still running (validations may await the client's
   * settings), and none was asked for in the last `quietMs`: the user is not typing.
   */
  idleFor(quietMs: number): boolean {
    return this.timers.size === 0 && this.running === 0 && performance.now() - this.lastScheduled >= quietMs;
  }

  cancel(uri: string): void {
    const pending = this.timers.get(uri);
    if (pending) clearPending(pending);
    this.timers.delete(uri);
  }

  dispose(): void {
    for (const pending of this.timers.values()) clearPending(pending);
    this.timers.clear();
  }
}

function clearPending(pending: Pending): void {
  if (pending.kind === 'immediate') clearImmediate(pending.handle);
  else clearTimeout(pending.handle);
}
