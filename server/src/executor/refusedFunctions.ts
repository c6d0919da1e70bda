import { UnsupportedError } from './errors';
import type { ScalarFunction } from './scalarFunctions';

/**
 * Scalar functions of the reference that the local executor refuses with a reason, so that the
 * message says what is missing rather than only that the name is unknown.
 */
export const REFUSED_FUNCTIONS: Record<string, ScalarFunction> = {
  // bin-auto-function.md: the bin size and origin come from the query_bin_auto_size and
  // query_bin_auto_at set statements, which the local executor does not run.
  bin_auto: () => {
    throw new UnsupportedError(
      'the function bin_auto()',
      "its bin size comes from the query_bin_auto_size 'set' statement, which the local executor does not run",
    );
  },
};
