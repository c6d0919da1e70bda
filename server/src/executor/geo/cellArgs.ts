import { UnsupportedError } from '../errors';
import type { FunctionCall } from '../scalarFunctions';
import { validPoint } from './geoShapes';

/**
 * How the cell functions (geohash, H3, S2) read their arguments: a point within the pages'
 * ranges, an optional level within a family's range, and a cell token written the way the
 * point-to-cell function writes it. Anything the pages call invalid reads as null.
 */

/** The [longitude, latitude] of arguments 0 and 1, or null when they are not a valid point. */
export function pointArgs(c: FunctionCall): [number, number] | null {
  const [lng, lat] = c.args;
  return validPoint(lng, lat) ? [lng, lat as number] : null;
}

/**
 * Optional whole-number argument `i` within [min, max]: `absent` when it is not given, null
 * when it is null, fractional or out of range.
 */
export function levelArg(
  c: FunctionCall,
  i: number,
  min: number,
  max: number,
  absent: number,
): number | null {
  if (i >= c.args.length) return absent;
  const v = c.args[i];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) return null;
  return v;
}

/**
 * Argument `i` as a token: null unless it is a string. A string that `canonical` would accept
 * once lower-cased or otherwise normalised is refused by name, since the pages only show tokens
 * as the point-to-cell functions write them and do not say whether other spellings are read.
 */
export function tokenArg(
  c: FunctionCall,
  i: number,
  fn: string,
  isCanonical: (t: string) => boolean,
  isOtherSpelling: (t: string) => boolean,
): string | null {
  const v = c.args[i];
  if (typeof v !== 'string') return null;
  if (isCanonical(v)) return v;
  if (isOtherSpelling(v))
    throw new UnsupportedError(
      `${fn}() of the token '${v}'`,
      'its page reads tokens as the point-to-cell function writes them and does not say whether another spelling (upper case, padding) of the same cell is accepted',
    );
  return null;
}

/** A GeoJSON point as the pages print one: longitude first. */
export const geoJsonPoint = (lng: number, lat: number): unknown => ({
  type: 'Point',
  coordinates: [lng, lat],
});

/**
 * A GeoJSON polygon of one cell's outline, its first vertex repeated at the end. An outline that
 * crosses or touches the antimeridian, or goes round a pole, is refused by name: the pages print
 * none, and do not say whether such a vertex is written at +180 or -180, or how the ring is cut.
 */
export function cellPolygon(fn: string, ring: [number, number][]): unknown {
  const closed = [...ring.map(([x, y]): [number, number] => [x, y]), [ring[0][0], ring[0][1]]];
  const spans = closed.some(
    ([x], k) => Math.abs(x) === 180 || (k > 0 && Math.abs(x - closed[k - 1][0]) > 180),
  );
  if (spans)
    throw new UnsupportedError(
      `${fn}() of a cell on the antimeridian or around a pole`,
      'its page prints no such outline and does not say how its longitudes are written',
    );
  return { type: 'Polygon', coordinates: [closed] };
}
