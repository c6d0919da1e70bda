import { UnsupportedError } from '../errors';

/** Distances on the WGS-84 spheroid (geo_distance_2points with use_spheroid = true). */
export function spheroidDistance(_lng1: number, _lat1: number, _lng2: number, _lat2: number): number {
  throw new UnsupportedError('geo_distance_2points() with use_spheroid = true');
}
