import { UnsupportedError } from '../errors';
import type { ScalarFunction } from '../scalarFunctions';

/**
 * The functions that cover a shape with cells. Their pages do not define the covering exactly
 * enough to reproduce it, so each is refused by name, when it meets a row, with what is missing.
 */

const refuse = (name: string, missing: string) => (): never => {
  throw new UnsupportedError(`${name}()`, missing);
};

const BUFFER = 'nor how the buffer of a positive radius is built';

export const CELL_COVERING_FUNCTIONS: Record<string, ScalarFunction> = {
  geo_polygon_to_s2cells: refuse(
    'geo_polygon_to_s2cells',
    `its page does not define the covering: which cells along the boundary are kept, the order of the tokens, ${BUFFER}`,
  ),
  geo_line_to_s2cells: refuse(
    'geo_line_to_s2cells',
    `its page does not define the covering and prints no example output: which cells along the line are kept, the order of the tokens, ${BUFFER}`,
  ),
  geo_polygon_to_h3cells: refuse(
    'geo_polygon_to_h3cells',
    `its page says cells whose centroids are inside the polygon, but not the order of the tokens, how a centroid on an edge counts, ${BUFFER}`,
  ),
};
