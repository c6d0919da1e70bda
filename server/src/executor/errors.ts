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

/**
 * The query reads tables the workspace does not hold (a union isfuzzy=true none of whose legs
 * exists): Kusto fails on them too, in a database without them.
 */
export class MissingTableError extends ExecutionError {
  constructor(
    readonly tables: readonly string[],
    message: string,
  ) {
    super(message);
    this.name = 'MissingTableError';
  }
}

/**
 * The query names a column that its data did not produce: after an operator whose columns depend
 * on the data (bag_unpack, pivot), the binder accepts any name, and Kusto, like the executor, fails
 * at run time when the rows hold no such property.
 */
export class MissingColumnError extends ExecutionError {
  constructor(readonly column: string) {
    super(
      `column '${column}' is not in the input of this operator: an operator before it takes its columns from the data, and the data has no such column`,
    );
    this.name = 'MissingColumnError';
  }
}

/**
 * A name in the query (usually inside a function's body, which is bound where it is expanded)
 * that the binder resolved to nothing, typically a column the table does not have. Kusto finds
 * this while resolving the query, before it runs, so `union isfuzzy=true` leaves such a leg out
 * with a warning (union-operator.md) where any other operator fails.
 */
export class UnresolvedNameError extends ExecutionError {
  constructor(readonly column: string) {
    super(`column '${column}' is not in the input of this operator`);
    this.name = 'UnresolvedNameError';
  }
}

/**
 * The query reads data from outside that the local workspace does not hold (externaldata of a
 * URL it maps to no file). Kusto would fetch it; here the user is told how to supply it.
 */
/** A URL as messages show it: without its query string and fragment, where a storage SAS token lives. */
export function urlForMessages(url: string): string {
  return url.replace(/[?#].*$/s, '?…');
}

export class MissingExternalDataError extends ExecutionError {
  constructor(readonly url: string) {
    super(
      `externaldata: the workspace has no copy of ${urlForMessages(url)}. Save the file in the workspace folder and map it in workspace.json ("externaldata": { "<url>": "<file>" }), or turn on kqlHunting.run.fetchExternalData (run.fetchExternalData in .kqlhunt.json) to fetch it over HTTPS.`,
    );
    this.name = 'MissingExternalDataError';
  }
}
