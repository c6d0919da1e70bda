import type { CliStream } from './cliIo';

/** How long a run must take before progress appears, so that quick runs print nothing extra. */
const SHOW_AFTER_MS = 400;
const REDRAW_EVERY_MS = 100;

export interface Progress {
  update(done: number, total: number): void;
  /** Removes the progress line, leaving the terminal as it was. */
  clear(): void;
}

/**
 * A one-line counter on stderr, redrawn in place. It is only ever shown on a terminal: in a
 * CI log, a redirected file or with --quiet, progress would be noise.
 */
export function createProgress(stream: CliStream, enabled: boolean, now: () => number = Date.now): Progress {
  if (!enabled || !stream.isTTY) return { update: () => undefined, clear: () => undefined };
  const started = now();
  let lastDraw = 0;
  let shown = false;
  return {
    update(done, total) {
      const t = now();
      if (t - started < SHOW_AFTER_MS || (t - lastDraw < REDRAW_EVERY_MS && done < total)) return;
      lastDraw = t;
      shown = true;
      stream.write(`\r\x1b[Kkqlhunt: checked ${done}/${total} files`);
    },
    clear() {
      if (shown) stream.write('\r\x1b[K');
      shown = false;
    },
  };
}
