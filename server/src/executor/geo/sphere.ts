/**
 * Great-circle math on the unit sphere, on which Kusto measures its geospatial functions
 * (geo-distance-2points-function.md: "the geodetic datum ... is a sphere"; edges are geodesics).
 * Points are unit vectors; angles are radians; lengths on Earth are angles times EARTH_RADIUS_M.
 */

/**
 * The sphere's radius in meters. The pages do not state it; 6371010 m reproduces their examples
 * (geo_distance_2points' Seattle to Los Angeles, 1546754.35197381 m, to every printed digit).
 */
export const EARTH_RADIUS_M = 6371010;

export type Vec = readonly [number, number, number];

const DEG = Math.PI / 180;

/** The unit vector of a longitude and latitude in degrees. */
export function toVec(lng: number, lat: number): Vec {
  const phi = lat * DEG;
  const lambda = lng * DEG;
  const c = Math.cos(phi);
  return [c * Math.cos(lambda), c * Math.sin(lambda), Math.sin(phi)];
}

/** The longitude and latitude in degrees of a (not necessarily unit) vector. */
export function toLngLat(v: Vec): [number, number] {
  return [Math.atan2(v[1], v[0]) / DEG, Math.atan2(v[2], Math.hypot(v[0], v[1])) / DEG];
}

export const dot = (a: Vec, b: Vec): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];

export const cross = (a: Vec, b: Vec): Vec => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
];

export const add = (a: Vec, b: Vec): Vec => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];

export const scale = (a: Vec, k: number): Vec => [a[0] * k, a[1] * k, a[2] * k];

export const norm = (a: Vec): number => Math.hypot(a[0], a[1], a[2]);

export function normalize(a: Vec): Vec {
  const n = norm(a);
  return n === 0 ? a : scale(a, 1 / n);
}

/** The sign of det(a, b, c): which side of the great circle through a and b the point c is on. */
export const triple = (a: Vec, b: Vec, c: Vec): number => dot(cross(a, b), c);

/** The angle between two unit vectors, accurate for small and near-antipodal angles alike. */
export const angleBetween = (a: Vec, b: Vec): number => Math.atan2(norm(cross(a, b)), dot(a, b));

/**
 * Whether two points are the same point or antipodes, where a great-circle edge is undefined. A
 * few units of rounding are allowed: longitude 180's vector has a y of sin(pi) = 1.2e-16, not 0.
 */
export function sameOrAntipodal(a: Vec, b: Vec): boolean {
  return norm(cross(a, b)) < 1e-15;
}

/**
 * The azimuth in [0, 2pi) from a to b: clockwise from true north (geo-azimuth-function.md).
 * Null when a and b are equal or antipodal, where the pages define no direction.
 */
export function azimuth(aLng: number, aLat: number, bLng: number, bLat: number): number | null {
  const a = toVec(aLng, aLat);
  const b = toVec(bLng, bLat);
  if (sameOrAntipodal(a, b)) return null;
  const phi1 = aLat * DEG;
  const phi2 = bLat * DEG;
  const dl = (bLng - aLng) * DEG;
  const y = Math.sin(dl) * Math.cos(phi2);
  const x = Math.cos(phi1) * Math.sin(phi2) - Math.sin(phi1) * Math.cos(phi2) * Math.cos(dl);
  const t = Math.atan2(y, x);
  return t < 0 ? t + 2 * Math.PI : t;
}

/**
 * Whether arcs ab and cd (each shorter than a half circle) cross at a point interior to both:
 * c and d lie on opposite sides of ab's great circle, a and b on opposite sides of cd's, with
 * orientations that agree (which rules out the crossing at the antipodes).
 */
export function arcsCross(a: Vec, b: Vec, c: Vec, d: Vec): boolean {
  const ab = cross(a, b);
  const acb = -dot(ab, c);
  const bda = dot(ab, d);
  if (acb * bda <= 0) return false;
  const cd = cross(c, d);
  const cbd = -dot(cd, b);
  const dac = dot(cd, a);
  return acb * cbd > 0 && acb * dac > 0;
}

/** Whether arcs ab and cd share any point: a proper crossing, or one touching the other. */
export function arcsTouch(a: Vec, b: Vec, c: Vec, d: Vec): boolean {
  if (arcsCross(a, b, c, d)) return true;
  const eps = 1e-15;
  return (
    distanceToArc(a, c, d) < eps ||
    distanceToArc(b, c, d) < eps ||
    distanceToArc(c, a, b) < eps ||
    distanceToArc(d, a, b) < eps
  );
}

/** The point of arc ab (a unit vector) closest to p. */
export function closestOnArc(p: Vec, a: Vec, b: Vec): Vec {
  const n = cross(a, b);
  if (norm(n) === 0) return a;
  // p's projection on the arc's great circle lies between a and b when it is on the inner side of both ends.
  const q = scale(n, dot(p, n) / dot(n, n));
  const onCircle: Vec = [p[0] - q[0], p[1] - q[1], p[2] - q[2]];
  if (norm(onCircle) > 0 && triple(a, onCircle, n) >= 0 && triple(onCircle, b, n) >= 0)
    return normalize(onCircle);
  return angleBetween(p, a) <= angleBetween(p, b) ? a : b;
}

/** The angle from p to the nearest point of arc ab. */
export const distanceToArc = (p: Vec, a: Vec, b: Vec): number => angleBetween(p, closestOnArc(p, a, b));
