import { UnsupportedError } from '../errors';
import type { FunctionCall, ScalarFunction } from '../scalarFunctions';
import { parseLines, parsePolygons, validPoint, type Line, type Polygon } from './geoShapes';
import { anyPolygonContains } from './regions';
import {
  add,
  angleBetween,
  arcsTouch,
  closestOnArc,
  cross,
  normalize,
  scale,
  toLngLat,
  toVec,
  type Vec,
} from './sphere';

/**
 * Points on lines and polygons, and whether shapes meet (geo-line-interpolate-point,
 * geo-line-locate-point, geo-closest-point-on-line, geo-closest-point-on-polygon and
 * geo-intersects-* pages). Distances along lines are great-circle angles on the sphere.
 */

const geoPoint = (v: Vec): unknown => {
  const [lng, lat] = toLngLat(v);
  return { type: 'Point', coordinates: [lng, lat] };
};

/**
 * The one line of a LineString, as the interpolate and locate pages take ("The input should not
 * contain more than a single line string"). Whether a MultiLineString of one line is accepted is
 * not said, so a MultiLineString is refused.
 */
function singleLine(fn: string, v: unknown): Line | null {
  if (typeof v === 'object' && v !== null && (v as { type?: unknown }).type === 'MultiLineString')
    throw new UnsupportedError(
      `${fn}() of a MultiLineString`,
      'its page takes a single line string and does not say what a MultiLineString gives',
    );
  const lines = parseLines(fn, v);
  return lines === null ? null : lines[0];
}

/** The point a given angle along arc ab from a. */
function alongArc(a: Vec, b: Vec, t: number): Vec {
  const dir = normalize(cross(cross(a, b), a));
  return normalize(add(scale(a, Math.cos(t)), scale(dir, Math.sin(t))));
}

function interpolatePoint(c: FunctionCall): unknown {
  const line = singleLine('geo_line_interpolate_point', c.args[0]);
  const fraction = c.args[1];
  if (line === null || typeof fraction !== 'number' || !(fraction >= 0 && fraction <= 1)) return null;
  const lengths = line.slice(1).map((b, i) => angleBetween(line[i], b));
  const total = lengths.reduce((s, x) => s + x, 0);
  if (total === 0) return geoPoint(line[0]);
  let remaining = fraction * total;
  for (let i = 0; i < lengths.length; i++) {
    if (remaining <= lengths[i]) return geoPoint(alongArc(line[i], line[i + 1], remaining));
    remaining -= lengths[i];
  }
  return geoPoint(line[line.length - 1]);
}

function locatePoint(c: FunctionCall): number | null {
  const [lineValue, lng, lat] = c.args;
  if (c.args.length > 3 && c.args[3] !== false)
    throw new UnsupportedError(
      'geo_line_locate_point() with use_spheroid = true',
      'its page does not name the spheroidal geodesic method and prints no example to check one against',
    );
  const line = singleLine('geo_line_locate_point', lineValue);
  if (line === null || !validPoint(lng, lat)) return null;
  const p = toVec(lng, lat as number);
  let best = Infinity;
  let at = 0;
  let walked = 0;
  for (let i = 0; i + 1 < line.length; i++) {
    const q = closestOnArc(p, line[i], line[i + 1]);
    const d = angleBetween(p, q);
    if (d < best) {
      best = d;
      at = walked + angleBetween(line[i], q);
    }
    walked += angleBetween(line[i], line[i + 1]);
  }
  return walked === 0 ? 0 : at / walked;
}

function closestOnLines(lines: Line[], p: Vec): Vec {
  let best = Infinity;
  let point = lines[0][0];
  for (const line of lines)
    for (let i = 0; i + 1 < line.length; i++) {
      const q = closestOnArc(p, line[i], line[i + 1]);
      const d = angleBetween(p, q);
      if (d < best) [best, point] = [d, q];
    }
  return point;
}

const ringsAsLines = (polygons: Polygon[]): Line[] =>
  polygons.flatMap((polygon) => polygon.map((r) => [...r, r[0]]));

function edgesMeet(x: Line[], y: Line[]): boolean {
  for (const l of x)
    for (let i = 0; i + 1 < l.length; i++)
      for (const m of y)
        for (let j = 0; j + 1 < m.length; j++) if (arcsTouch(l[i], l[i + 1], m[j], m[j + 1])) return true;
  return false;
}

export const GEO_POINT_ON_SHAPE_FUNCTIONS: Record<string, ScalarFunction> = {
  geo_line_interpolate_point: interpolatePoint,
  geo_line_locate_point: locatePoint,
  geo_closest_point_on_line: (c) => {
    const [lng, lat, v] = c.args;
    const lines = parseLines('geo_closest_point_on_line', v);
    if (!validPoint(lng, lat) || lines === null) return null;
    return geoPoint(closestOnLines(lines, toVec(lng, lat as number)));
  },
  geo_closest_point_on_polygon: (c) => {
    const [lng, lat, v] = c.args;
    const polygons = parsePolygons('geo_closest_point_on_polygon', v);
    if (!validPoint(lng, lat) || polygons === null) return null;
    const p = toVec(lng, lat as number);
    // "If polygon contains input point, the result will be the same point."
    if (anyPolygonContains(polygons, p)) return { type: 'Point', coordinates: [lng, lat] };
    return geoPoint(closestOnLines(ringsAsLines(polygons), p));
  },
  geo_intersects_2lines: (c) => {
    const x = parseLines('geo_intersects_2lines', c.args[0]);
    const y = parseLines('geo_intersects_2lines', c.args[1]);
    return x === null || y === null ? null : edgesMeet(x, y);
  },
  geo_intersects_line_with_polygon: (c) => {
    const lines = parseLines('geo_intersects_line_with_polygon', c.args[0]);
    const polygons = parsePolygons('geo_intersects_line_with_polygon', c.args[1]);
    if (lines === null || polygons === null) return null;
    return edgesMeet(lines, ringsAsLines(polygons)) || lines.some((l) => anyPolygonContains(polygons, l[0]));
  },
  geo_intersects_2polygons: (c) => {
    const x = parsePolygons('geo_intersects_2polygons', c.args[0]);
    const y = parsePolygons('geo_intersects_2polygons', c.args[1]);
    if (x === null || y === null) return null;
    return (
      edgesMeet(ringsAsLines(x), ringsAsLines(y)) ||
      x.some((p) => anyPolygonContains(y, p[0][0])) ||
      y.some((p) => anyPolygonContains(x, p[0][0]))
    );
  },
};
