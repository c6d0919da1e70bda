/**
 * Runs a document's validation after a short quiet period, at most once per version, and drops
 * the work when a newer edit arrives before it starts. Analysis itself is synchronous, so a
 * stale run cannot be interrupted halfway; skipping it before it starts is what keeps typing fast.
 */
export class ValidationScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly validate: (uri: string) => Promise<void>) {}

  schedule(uri: string, delayMs: number): void {
    this.cancel(uri);
    const timer = setTimeout(() => {
      this.timers.delete(uri);
      void this.validate(uri);
    }, delayMs);
    this.timers.set(uri, timer);
  }

  cancel(uri: string): void {
    const t = this.timers.get(uri);
    if (t) clearTimeout(t);
    this.timers.delete(uri);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
