import { UnsupportedError } from '../errors';
import { anyOverlappingPair, ringEdges } from './edgePairs';
import { arcsCross, arcsTouch, sameOrAntipodal, toVec, type Vec } from './sphere';

/**
 * GeoJSON dynamic values read into shapes, with the validation rules of the geo pages. Anything
 * the pages call invalid becomes null (the functions then return null); a form the pages do not
 * settle (a third, altitude coordinate) is refused by name rather than read one way or the other.
 */

/** A line: its vertices as unit vectors, in order (LineString definition and constraints). */
export type Line = Vec[];

/** A ring: its distinct vertices, without the closing repeat of the first. */
export type Ring = Vec[];

/** A polygon: its shell, then its holes. */
export type Polygon = Ring[];

/** A longitude and latitude within the pages' ranges, [-180, +180] and [-90, +90]. */
export function validPoint(lng: unknown, lat: unknown): lng is number {
  return (
    typeof lng === 'number' &&
    typeof lat === 'number' &&
    Number.isFinite(lng) &&
    Number.isFinite(lat) &&
    lng >= -180 &&
    lng <= 180 &&
    lat >= -90 &&
    lat <= 90
  );
}

function isBag(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** One [longitude, latitude] position, or null when it is not a valid one. */
function position(fn: string, v: unknown): [number, number] | null {
  if (!Array.isArray(v) || v.length < 2) return null;
  if (v.length > 2)
    throw new UnsupportedError(
      `${fn}()`,
      'a position with more than two numbers: its page defines a position as [longitude, latitude] and does not say whether an altitude is accepted',
    );
  return validPoint(v[0], v[1]) ? [v[0], v[1]] : null;
}

/** The positions of an array, or null when any is invalid. */
function positions(fn: string, v: unknown): [number, number][] | null {
  if (!Array.isArray(v)) return null;
  const out: [number, number][] = [];
  for (const p of v) {
    const q = position(fn, p);
    if (q === null) return null;
    out.push(q);
  }
  return out;
}

/** Whether every edge of a path is shorter than a half circle (its ends are neither equal nor antipodal). */
function edgesDefined(vs: Vec[], closed: boolean): boolean {
  const n = vs.length;
  for (let i = 0; i < (closed ? n : n - 1); i++) if (sameOrAntipodal(vs[i], vs[(i + 1) % n])) return false;
  return true;
}

/**
 * A LineString or MultiLineString as its lines, or null when invalid: at least two positions per
 * line, and no edge between antipodes ("Edge length must be less than 180 degrees"). Repeated
 * consecutive positions are dropped, since a zero-length edge adds nothing to a line.
 */
export function parseLines(fn: string, v: unknown): Line[] | null {
  if (!isBag(v)) return null;
  let raw: unknown[];
  if (v.type === 'LineString') raw = [v.coordinates];
  else if (v.type === 'MultiLineString' && Array.isArray(v.coordinates)) raw = v.coordinates;
  else return null;
  if (raw.length === 0) return null;
  const lines: Line[] = [];
  for (const r of raw) {
    const ps = positions(fn, r);
    if (ps === null || ps.length < 2) return null;
    const vs = ps.map(([lng, lat]) => toVec(lng, lat));
    for (let i = 0; i + 1 < vs.length; i++)
      if (sameOrAntipodal(vs[i], vs[i + 1]) && !samePosition(vs[i], vs[i + 1])) return null;
    lines.push(vs.filter((x, i) => i === 0 || !samePosition(x, vs[i - 1])));
  }
  return lines;
}

const samePosition = (a: Vec, b: Vec): boolean => a[0] === b[0] && a[1] === b[1] && a[2] === b[2];

/**
 * A ring from its positions, or null when invalid: at least four positions, the first equal to
 * the last, at least three vertices, all distinct, no edge of a half circle, and no edges that
 * cross or touch other than neighbours at their shared vertex (the LinearRing rules).
 */
function ring(fn: string, v: unknown): Ring | null {
  const ps = positions(fn, v);
  if (ps === null || ps.length < 4) return null;
  const first = ps[0];
  const last = ps[ps.length - 1];
  if (first[0] !== last[0] || first[1] !== last[1]) return null;
  const vs = ps.slice(0, -1).map(([lng, lat]) => toVec(lng, lat));
  // Exact coordinates as text, so that a repeated vertex is found without comparing every pair.
  if (new Set(vs.map((x) => x.join())).size !== vs.length) return null;
  if (vs.length < 3 || !edgesDefined(vs, true)) return null;
  return vs;
}

/**
 * Whether the rings of a polygon have edges that meet where they must not: two edges of one ring
 * anywhere but the vertex that neighbours share, or edges of two rings in a proper crossing
 * (distinct rings may share vertices, as the LinearRing rules allow).
 */
function ringsMeet(rings: Ring[]): boolean {
  return anyOverlappingPair(ringEdges(rings), (e, f) => {
    if (e.ring !== f.ring) return arcsCross(e.a, e.b, f.a, f.b);
    const n = rings[e.ring].length;
    const i = Math.min(e.index, f.index);
    const j = Math.max(e.index, f.index);
    if (j === i + 1 || (i === 0 && j === n - 1)) return false;
    return arcsTouch(e.a, e.b, f.a, f.b);
  });
}

/**
 * A Polygon or MultiPolygon as its polygons, or null when invalid. Rings must not cross or touch
 * each other along edges; ring sharing vertices is allowed by the page but not checked apart.
 */
/** Parsed polygons by the dynamic value they came from: a literal polygon is checked once, not on every row. */
const parsedPolygons = new WeakMap<object, Polygon[] | null>();

export function parsePolygons(fn: string, v: unknown): Polygon[] | null {
  if (!isBag(v)) return null;
  if (parsedPolygons.has(v)) return parsedPolygons.get(v)!;
  const polygons = readPolygons(fn, v);
  parsedPolygons.set(v, polygons);
  return polygons;
}

function readPolygons(fn: string, v: Record<string, unknown>): Polygon[] | null {
  let raw: unknown[];
  if (v.type === 'Polygon') raw = [v.coordinates];
  else if (v.type === 'MultiPolygon' && Array.isArray(v.coordinates)) raw = v.coordinates;
  else return null;
  if (raw.length === 0) return null;
  const polygons: Polygon[] = [];
  for (const p of raw) {
    if (!Array.isArray(p) || p.length === 0) return null;
    const rings: Ring[] = [];
    for (const r of p) {
      const rr = ring(fn, r);
      if (rr === null) return null;
      rings.push(rr);
    }
    if (ringsMeet(rings)) return null;
    polygons.push(rings);
  }
  return polygons;
}
