/** The exit codes every kqlhunt command uses, so that CI scripts can rely on them. */
export const EXIT_OK = 0;
/** Findings at or above the `--fail-on` severity were reported. */
export const EXIT_FINDINGS = 1;
/** Bad arguments, an unreadable file or configuration, or an internal error. */
export const EXIT_USAGE = 2;

/**
 * A problem with what the user asked for (arguments, paths, configuration). It is reported as
 * one line on stderr and exits with EXIT_USAGE, never as a stack trace.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
