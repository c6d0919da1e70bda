import { UnsupportedError } from '../errors';
import type { FunctionCall, ScalarFunction } from '../scalarFunctions';
import { parseLines, parsePolygons, validPoint } from './geoShapes';
import { isZero, linesLength, linesMoment, requireNoOverlap } from './lines';
import {
  anyPolygonContains,
  distanceToBoundary,
  distanceToLines,
  polygonsArea,
  polygonsMoment,
  polygonsPerimeter,
} from './regions';
import { anyOverlap, enclosedArea, piecesLength, piecesMoment, unionBoundary } from './polygonUnion';
import { angleBetween, azimuth, EARTH_RADIUS_M, toLngLat, toVec, type Vec } from './sphere';

/**
 * The geo functions over points, lines and polygons (geo-*-function.md): distances, containment,
 * lengths, areas and centroids on Kusto's spherical datum. Invalid coordinates or shapes give
 * null, as every page says.
 */

const a = (c: FunctionCall, i: number): unknown => c.args[i];

/** A GeoJSON point, as the centroid functions return it. */
function geoPoint(v: Vec): unknown {
  if (isZero(v)) return null;
  const [lng, lat] = toLngLat(v);
  return { type: 'Point', coordinates: [lng, lat] };
}

function distance2Points(c: FunctionCall): number | null {
  const [lng1, lat1, lng2, lat2] = c.args;
  if (!validPoint(lng1, lat1) || !validPoint(lng2, lat2)) return null;
  const useSpheroid = c.args.length > 4 ? c.args[4] : false;
  if (useSpheroid !== false)
    throw new UnsupportedError(
      'geo_distance_2points() with use_spheroid = true',
      'its page does not name the spheroidal geodesic method, whose approximations differ by meters, and prints no example to check one against',
    );
  return angleBetween(toVec(lng1, lat1 as number), toVec(lng2, lat2 as number)) * EARTH_RADIUS_M;
}

function pointInCircle(c: FunctionCall): boolean | null {
  const [lng, lat, cLng, cLat, radius] = c.args;
  if (!validPoint(lng, lat) || !validPoint(cLng, cLat)) return null;
  // "Valid value must be positive" (geo-point-in-circle-function.md).
  if (typeof radius !== 'number' || !(radius > 0)) return null;
  return angleBetween(toVec(lng, lat as number), toVec(cLng, cLat as number)) * EARTH_RADIUS_M <= radius;
}

/** The angle at p2, clockwise from the line toward p1 to the line toward p3 (geo-angle-function.md). */
function angleAt(c: FunctionCall): number | null {
  const [lng1, lat1, lng2, lat2, lng3, lat3] = c.args;
  if (!validPoint(lng1, lat1) || !validPoint(lng2, lat2) || !validPoint(lng3, lat3)) return null;
  const toFirst = azimuth(lng2, lat2 as number, lng1, lat1 as number);
  const toThird = azimuth(lng2, lat2 as number, lng3, lat3 as number);
  if (toFirst === null || toThird === null) return null;
  const t = toThird - toFirst;
  return t < 0 ? t + 2 * Math.PI : t;
}

/** geo_point_in_polygon(); geo_polygon_lookup() matches by it too. */
export function pointInPolygon(lng: unknown, lat: unknown, shape: unknown): boolean | null {
  const polygons = parsePolygons('geo_point_in_polygon', shape);
  if (!validPoint(lng, lat) || polygons === null) return null;
  return anyPolygonContains(polygons, toVec(lng, lat as number));
}

/** geo_distance_point_to_polygon(); geo_polygon_lookup() with a radius matches by it too. */
export function distancePointToPolygon(lng: unknown, lat: unknown, shape: unknown): number | null {
  const polygons = parsePolygons('geo_distance_point_to_polygon', shape);
  if (!validPoint(lng, lat) || polygons === null) return null;
  const p = toVec(lng, lat as number);
  // "If polygon contains point, the distance will be 0."
  return anyPolygonContains(polygons, p) ? 0 : distanceToBoundary(polygons, p) * EARTH_RADIUS_M;
}

/** geo_distance_point_to_line(); geo_line_lookup() matches by it too. */
export function distancePointToLine(lng: unknown, lat: unknown, shape: unknown): number | null {
  const lines = parseLines('geo_distance_point_to_line', shape);
  if (!validPoint(lng, lat) || lines === null) return null;
  return distanceToLines(lines, toVec(lng, lat as number)) * EARTH_RADIUS_M;
}

type Polygons = NonNullable<ReturnType<typeof parsePolygons>>;

/**
 * A measure of a (multi)polygon's union: summed over its polygons when they do not overlap, else
 * taken from the boundary of their union.
 */
const polygonMeasure =
  <T>(
    name: string,
    separate: (polygons: Polygons) => T,
    united: (pieces: ReturnType<typeof unionBoundary>) => T,
  ) =>
  (c: FunctionCall): T | null => {
    const polygons = parsePolygons(name, a(c, 0));
    if (polygons === null) return null;
    return anyOverlap(polygons) ? united(unionBoundary(name, polygons)) : separate(polygons);
  };

const lineMeasure =
  <T>(name: string, measure: (lines: NonNullable<ReturnType<typeof parseLines>>) => T) =>
  (c: FunctionCall): T | null => {
    const lines = parseLines(name, a(c, 0));
    if (lines === null) return null;
    requireNoOverlap(name, lines);
    return measure(lines);
  };

export const GEO_MEASURE_FUNCTIONS: Record<string, ScalarFunction> = {
  geo_distance_2points: distance2Points,
  geo_point_in_circle: pointInCircle,
  geo_angle: angleAt,
  geo_azimuth: (c) => {
    const [lng1, lat1, lng2, lat2] = c.args;
    if (!validPoint(lng1, lat1) || !validPoint(lng2, lat2)) return null;
    return azimuth(lng1, lat1 as number, lng2, lat2 as number);
  },
  geo_point_in_polygon: (c) => pointInPolygon(c.args[0], c.args[1], c.args[2]),
  geo_distance_point_to_polygon: (c) => distancePointToPolygon(c.args[0], c.args[1], c.args[2]),
  geo_distance_point_to_line: (c) => distancePointToLine(c.args[0], c.args[1], c.args[2]),
  geo_polygon_area: polygonMeasure(
    'geo_polygon_area',
    (ps) => polygonsArea(ps) * EARTH_RADIUS_M ** 2,
    (pieces) => enclosedArea(pieces) * EARTH_RADIUS_M ** 2,
  ),
  geo_polygon_perimeter: polygonMeasure(
    'geo_polygon_perimeter',
    (ps) => polygonsPerimeter(ps) * EARTH_RADIUS_M,
    (pieces) => piecesLength(pieces) * EARTH_RADIUS_M,
  ),
  geo_polygon_centroid: polygonMeasure(
    'geo_polygon_centroid',
    (ps) => geoPoint(polygonsMoment(ps)),
    (pieces) => geoPoint(piecesMoment(pieces)),
  ),
  geo_line_length: lineMeasure('geo_line_length', (ls) => linesLength(ls) * EARTH_RADIUS_M),
  geo_line_centroid: lineMeasure('geo_line_centroid', (ls) => geoPoint(linesMoment(ls))),
};
