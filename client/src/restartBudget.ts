/** Restarts allowed within the window before the client gives up, so a server that dies at start cannot loop forever. */
export const MAX_RESTARTS = 4;
export const WINDOW_MS = 3 * 60 * 1000;

/**
 * The count behind the restart policy: at most MAX_RESTARTS restarts in any WINDOW_MS. Kept apart
 * from the policy (which talks to VS Code) so that it can be tested alone.
 */
export class RestartBudget {
  private readonly restarts: number[] = [];

  /** Records a restart at `now` and returns true, or returns false when the budget is spent. */
  take(now: number): boolean {
    while (this.restarts.length && now - this.restarts[0] > WINDOW_MS) this.restarts.shift();
    if (this.restarts.length >= MAX_RESTARTS) return false;
    this.restarts.push(now);
    return true;
  }

  /** Restarts counted in the current window. */
  get used(): number {
    return this.restarts.length;
  }

  /** Forgets earlier restarts, when the user restarts the server by hand. */
  reset(): void {
    this.restarts.length = 0;
  }
}
