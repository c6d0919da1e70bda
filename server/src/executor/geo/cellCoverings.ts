import { UnsupportedError } from '../errors';
import type { FunctionCall, ScalarFunction } from '../scalarFunctions';
import { levelArg } from './cellArgs';
import { parseLines, parsePolygons } from './geoShapes';

/**
 * The functions that cover a shape with cells. Their pages do not define the covering exactly
 * enough to reproduce it, so each is refused by name, when it meets a row, with what is missing.
 */

const refuse = (name: string, missing: string) => (): never => {
  throw new UnsupportedError(`${name}()`, missing);
};

/**
 * The pages' null rules (an invalid shape or level) are kept, since their shapes are geodesic
 * like those geoShapes reads and their levels have stated ranges; a valid shape and level meet
 * the refusal. The radius is not checked: the pages do not say which radius is invalid.
 */
const nullForInvalid =
  (fn: string, parse: (fn: string, v: unknown) => unknown[] | null, maxLevel: number, defaultLevel: number) =>
  (refusal: () => never) =>
  (c: FunctionCall): null => {
    if (levelArg(c, 1, 0, maxLevel, defaultLevel) === null) return null;
    if (parse(fn, c.args[0]) === null) return null;
    return refusal();
  };

const BUFFER = 'nor how the buffer of a positive radius is built';

export const CELL_COVERING_FUNCTIONS: Record<string, ScalarFunction> = {
  geo_polygon_to_s2cells: nullForInvalid(
    'geo_polygon_to_s2cells',
    parsePolygons,
    30,
    11,
  )(
    refuse(
      'geo_polygon_to_s2cells',
      `its page does not define the covering: which cells along the boundary are kept and in what order the tokens come (its examples print only counts and joins, never a token list), ${BUFFER}`,
    ),
  ),
  geo_line_to_s2cells: nullForInvalid(
    'geo_line_to_s2cells',
    parseLines,
    30,
    11,
  )(
    refuse(
      'geo_line_to_s2cells',
      `its page does not define the covering and prints no example output: which cells along the line are kept, the order of the tokens, ${BUFFER}`,
    ),
  ),
  geo_polygon_to_h3cells: nullForInvalid(
    'geo_polygon_to_h3cells',
    parsePolygons,
    15,
    6,
  )(
    refuse(
      'geo_polygon_to_h3cells',
      `its page says which cells are kept (those whose centroids are inside) but not their order, and its example lists them in an order that H3's own polygon-to-cells does not give, ${BUFFER}`,
    ),
  ),
};
