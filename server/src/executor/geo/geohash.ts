import { UnsupportedError } from '../errors';
import type { FunctionCall, ScalarFunction } from '../scalarFunctions';
import { geoJsonPoint, levelArg, pointArgs, tokenArg } from './cellArgs';

/**
 * Geohash cells (geo-point-to-geohash, geo-geohash-to-central-point and geo-geohash-to-polygon
 * pages): the base-32 interleaving of longitude and latitude bisections, longitude first, with
 * accuracies 1 to 18 characters.
 */

const BASE32 = '0123456789bcdefghjkmnpqrstuvwxyz';
const MAX_LENGTH = 18;

interface Box {
  west: number;
  east: number;
  south: number;
  north: number;
}

/** The geohash of a point with `length` characters. */
export function encodeGeohash(lng: number, lat: number, length: number): string {
  const box: Box = { west: -180, east: 180, south: -90, north: 90 };
  let out = '';
  let bit = 0;
  let chunk = 0;
  let evenBit = true;
  while (out.length < length) {
    if (evenBit) {
      const mid = (box.west + box.east) / 2;
      chunk = chunk * 2 + (lng >= mid ? 1 : 0);
      if (lng >= mid) box.west = mid;
      else box.east = mid;
    } else {
      const mid = (box.south + box.north) / 2;
      chunk = chunk * 2 + (lat >= mid ? 1 : 0);
      if (lat >= mid) box.south = mid;
      else box.north = mid;
    }
    evenBit = !evenBit;
    if (++bit === 5) {
      out += BASE32[chunk];
      bit = 0;
      chunk = 0;
    }
  }
  return out;
}

/** The rectangle a valid geohash stands for. */
export function decodeGeohash(hash: string): Box {
  const box: Box = { west: -180, east: 180, south: -90, north: 90 };
  let evenBit = true;
  for (const ch of hash) {
    const value = BASE32.indexOf(ch);
    for (let b = 4; b >= 0; b--) {
      const on = ((value >> b) & 1) === 1;
      if (evenBit) {
        const mid = (box.west + box.east) / 2;
        if (on) box.west = mid;
        else box.east = mid;
      } else {
        const mid = (box.south + box.north) / 2;
        if (on) box.south = mid;
        else box.north = mid;
      }
      evenBit = !evenBit;
    }
  }
  return box;
}

const CANONICAL = /^[0-9b-hjkmnp-z]{1,18}$/;
const isCanonical = (t: string): boolean => CANONICAL.test(t);
const isOtherSpelling = (t: string): boolean => t !== t.toLowerCase() && CANONICAL.test(t.toLowerCase());

function geohashBox(c: FunctionCall, fn: string): Box | null {
  const hash = tokenArg(c, 0, fn, isCanonical, isOtherSpelling);
  return hash === null ? null : decodeGeohash(hash);
}

function pointToGeohash(c: FunctionCall): string {
  const point = pointArgs(c);
  const accuracy = levelArg(c, 2, 1, MAX_LENGTH, 5);
  return point === null || accuracy === null ? '' : encodeGeohash(point[0], point[1], accuracy);
}

function geohashToCentralPoint(c: FunctionCall): unknown {
  const box = geohashBox(c, 'geo_geohash_to_central_point');
  return box === null ? null : geoJsonPoint((box.west + box.east) / 2, (box.south + box.north) / 2);
}

function geohashToPolygon(c: FunctionCall): unknown {
  const box = geohashBox(c, 'geo_geohash_to_polygon');
  if (box === null) return null;
  // A geohash is a rectangle of the plane: a cell at the world's edge has its side at -180 or +180.
  const { west, east, south, north } = box;
  const ring = [
    [west, south],
    [east, south],
    [east, north],
    [west, north],
    [west, south],
  ];
  return { type: 'Polygon', coordinates: [ring] };
}

/**
 * The set of the eight neighbours is well defined, but the page prints them in an order that
 * follows neither position nor token, and one example cannot pin a rule down. An invalid token
 * still gives null, as the page says.
 */
function geohashNeighbors(c: FunctionCall): null {
  if (geohashBox(c, 'geo_geohash_neighbors') === null) return null;
  throw new UnsupportedError(
    'geo_geohash_neighbors()',
    'its page does not say in what order the neighbours come, and its one example follows neither their position around the cell nor their tokens',
  );
}

export const GEOHASH_FUNCTIONS: Record<string, ScalarFunction> = {
  geo_point_to_geohash: pointToGeohash,
  geo_geohash_to_central_point: geohashToCentralPoint,
  geo_geohash_to_polygon: geohashToPolygon,
  geo_geohash_neighbors: geohashNeighbors,
};
