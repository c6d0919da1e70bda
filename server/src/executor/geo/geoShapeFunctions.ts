import type { ScalarFunction } from '../scalarFunctions';
import { GEO_MEASURE_FUNCTIONS } from './measureFunctions';

/** The geo functions over points, lines and polygons (not the cell ones), gathered for SCALAR_FUNCTIONS. */
export const GEO_SHAPE_FUNCTIONS: Record<string, ScalarFunction> = {
  ...GEO_MEASURE_FUNCTIONS,
};
