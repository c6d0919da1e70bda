import type { ScalarFunction } from '../scalarFunctions';
import { GEO_REFUSED_FUNCTIONS } from './geoRefusals';
import { GEO_MEASURE_FUNCTIONS } from './measureFunctions';
import { GEO_POINT_ON_SHAPE_FUNCTIONS } from './pointOnShapeFunctions';
import { WKT_FUNCTIONS } from './wkt';

/** The geo functions over points, lines and polygons (not the cell ones), gathered for SCALAR_FUNCTIONS. */
export const GEO_SHAPE_FUNCTIONS: Record<string, ScalarFunction> = {
  ...GEO_MEASURE_FUNCTIONS,
  ...GEO_POINT_ON_SHAPE_FUNCTIONS,
  ...GEO_REFUSED_FUNCTIONS,
  ...WKT_FUNCTIONS,
};
