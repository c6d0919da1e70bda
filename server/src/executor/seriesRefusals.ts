import { UnsupportedError } from './errors';
import type { ScalarFunction } from './scalarFunctions';

/**
 * The series functions whose reference pages do not define the computation completely: each is
 * refused by name with what is missing, when it meets a row (so a query over no rows still runs).
 * A wrong anomaly score or period would be worse than a refusal.
 */

const refuse = (name: string, missing: string) => (): never => {
  throw new UnsupportedError(`${name}(): ${missing}`);
};

export const SERIES_REFUSED_FUNCTIONS: Record<string, ScalarFunction> = {
  series_outliers: refuse(
    'series_outliers',
    'its page does not define the score of its Tukey and custom-Tukey tests nor how percentiles are interpolated',
  ),
  series_decompose_forecast: refuse(
    'series_decompose_forecast',
    "its page does not define the seasonal component's autodetection and phase medians",
  ),
  series_fit_2lines_dynamic: refuse(
    'series_fit_2lines_dynamic',
    'not implemented locally yet (the split search and its tie-breaking are not checked against the page)',
  ),
};

/**
 * The same, for the functions that return several columns (wired through TUPLE_FUNCTIONS). The
 * binder types some of the single-value ones as several columns where `print` names none, so
 * every refusal is on this path too.
 */
export const SERIES_REFUSED_TUPLE_FUNCTIONS: Record<string, (args: unknown[]) => unknown[]> = {
  ...SERIES_REFUSED_FUNCTIONS,
  series_periods_detect: refuse(
    'series_periods_detect',
    'its page does not define how periods are found nor how their scores are computed',
  ),
  series_periods_validate: refuse(
    'series_periods_validate',
    'its page does not define how the scores are computed',
  ),
  series_fit_2lines: refuse(
    'series_fit_2lines',
    'not implemented locally yet (the split search and its tie-breaking are not checked against the page)',
  ),
};
