import { UnsupportedError } from '../errors';
import type { ScalarFunction } from '../scalarFunctions';

/**
 * The geo functions over shapes whose pages do not define their result exactly enough to
 * reproduce: each is refused by name with what is missing, when it meets a row. A shape that is
 * almost the documented one would be a wrong answer, which is worse than a refusal.
 */

const refuse = (name: string, missing: string) => (): never => {
  throw new UnsupportedError(`${name}()`, missing);
};

const DENSIFY =
  'its page does not say where the added points go: it says only that they are added non-uniformly, within the tolerance of the planar edge';
const SIMPLIFY =
  'its page does not name the simplification algorithm, so which vertices are kept is not defined';
const BUFFER =
  'its page does not say how the buffer polygon is built: how many vertices, where, and in what order, within the tolerance';
const OVERLAY =
  'its page does not define the output exactly: the order and starting vertex of the resulting rings and lines, and how the shapes are normalised and collected';

export const GEO_REFUSED_FUNCTIONS: Record<string, ScalarFunction> = {
  geo_line_densify: refuse('geo_line_densify', DENSIFY),
  geo_polygon_densify: refuse('geo_polygon_densify', DENSIFY),
  geo_line_simplify: refuse('geo_line_simplify', SIMPLIFY),
  geo_polygon_simplify: refuse('geo_polygon_simplify', SIMPLIFY),
  geo_simplify_polygons_array: refuse('geo_simplify_polygons_array', SIMPLIFY),
  geo_point_buffer: refuse('geo_point_buffer', BUFFER),
  geo_line_buffer: refuse('geo_line_buffer', BUFFER),
  geo_polygon_buffer: refuse('geo_polygon_buffer', BUFFER),
  geo_intersection_2lines: refuse('geo_intersection_2lines', OVERLAY),
  geo_intersection_2polygons: refuse('geo_intersection_2polygons', OVERLAY),
  geo_intersection_line_with_polygon: refuse('geo_intersection_line_with_polygon', OVERLAY),
  geo_union_lines_array: refuse('geo_union_lines_array', OVERLAY),
  geo_union_polygons_array: refuse('geo_union_polygons_array', OVERLAY),
};
