import { S2Cell, S2CellId, S2LatLng } from 'nodes2ts';
import { UnsupportedError } from '../errors';
import type { FunctionCall, ScalarFunction } from '../scalarFunctions';
import { geoJsonPoint, cellPolygon, levelArg, pointArgs, tokenArg } from './cellArgs';

/**
 * S2 cells (geo-point-to-s2cell and geo-s2cell-* pages), computed by nodes2ts, a port of Google's
 * S2 library, whose tokens, centres and vertices are the ones the pages print.
 */

const MAX_LEVEL = 30;

/** The cell of a token the way S2 writes one: lower-case hex without trailing zeros. */
function parseToken(t: string): S2CellId | null {
  if (!/^[0-9a-f]{1,16}$/.test(t)) return null;
  const id = S2CellId.fromToken(t);
  return id.isValid() ? id : null;
}

const isCanonical = (t: string): boolean => parseToken(t)?.toToken() === t;
/** The same cell spelled otherwise: upper case, or padded with trailing zeros. */
const isOtherSpelling = (t: string): boolean => parseToken(t.toLowerCase()) !== null;

function cellArg(c: FunctionCall, fn: string): S2CellId | null {
  const token = tokenArg(c, 0, fn, isCanonical, isOtherSpelling);
  return token === null ? null : parseToken(token);
}

function lngLat(p: ReturnType<S2CellId['toPoint']>): [number, number] {
  const ll = S2LatLng.fromPoint(p);
  return [ll.lngDegrees, ll.latDegrees];
}

function pointToCell(c: FunctionCall): string {
  const point = pointArgs(c);
  const level = levelArg(c, 2, 0, MAX_LEVEL, 11);
  if (point === null || level === null) return '';
  const leaf = S2CellId.fromPoint(S2LatLng.fromDegrees(point[1], point[0]).toPoint());
  return leaf.parentL(level).toToken();
}

function centralPoint(c: FunctionCall): unknown {
  const id = cellArg(c, 'geo_s2cell_to_central_point');
  if (id === null) return null;
  const [lng, lat] = lngLat(id.toPoint());
  return geoJsonPoint(lng, lat);
}

function polygon(c: FunctionCall): unknown {
  const id = cellArg(c, 'geo_s2cell_to_polygon');
  if (id === null) return null;
  const cell = new S2Cell(id);
  return cellPolygon(
    'geo_s2cell_to_polygon',
    [0, 1, 2, 3].map((k) => lngLat(cell.getVertex(k))),
  );
}

/**
 * The eight neighbours are well defined, but the page prints them in an order that is neither
 * S2's own (AppendAllNeighbors) nor that of their ids, and one example cannot pin a rule down.
 * An invalid token still gives null, as the page says.
 */
function neighbors(c: FunctionCall): null {
  if (cellArg(c, 'geo_s2cell_neighbors') === null) return null;
  throw new UnsupportedError(
    'geo_s2cell_neighbors()',
    "its page does not say in what order the neighbours come, and its one example follows neither S2's own neighbour order nor the cells' ids",
  );
}

export const S2_CELL_FUNCTIONS: Record<string, ScalarFunction> = {
  geo_point_to_s2cell: pointToCell,
  geo_s2cell_to_central_point: centralPoint,
  geo_s2cell_to_polygon: polygon,
  geo_s2cell_neighbors: neighbors,
};
