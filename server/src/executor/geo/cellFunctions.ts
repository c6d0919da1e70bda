import type { ScalarFunction } from '../scalarFunctions';
import { CELL_COVERING_FUNCTIONS } from './cellCoverings';
import { GEOHASH_FUNCTIONS } from './geohash';
import { H3_CELL_FUNCTIONS } from './h3Cells';
import { S2_CELL_FUNCTIONS } from './s2Cells';

/** The geo functions over grid cells (geohash, H3, S2), gathered for SCALAR_FUNCTIONS. */
export const GEO_CELL_FUNCTIONS: Record<string, ScalarFunction> = {
  ...GEOHASH_FUNCTIONS,
  ...H3_CELL_FUNCTIONS,
  ...S2_CELL_FUNCTIONS,
  ...CELL_COVERING_FUNCTIONS,
};
