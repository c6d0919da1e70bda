/**
 * Errors the local executor raises. Every failure is one of these, with a message a hunter can
 * act on: the executor never guesses when it meets something it cannot run faithfully.
 */

/** The query itself is wrong (it does not parse or bind); the messages come from Kusto.Language. */
export class QueryError extends Error {
  constructor(
    message: string,
    readonly diagnostics: readonly string[] = [],
  ) {
    super(message);
    this.name = 'QueryError';
  }
}

/** The query is valid KQL but uses an operator, function or form the local executor does not implement. */
export class UnsupportedError extends Error {
  constructor(
    readonly feature: string,
    detail?: string,
  ) {
    super(`${feature} is not supported by the local executor${detail ? ` (${detail})` : ''}`);
    this.name = 'UnsupportedError';
  }
}

/** Evaluation failed at run time: a bad argument, a row limit, or cancellation. */
export class ExecutionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExecutionError';
  }
}
