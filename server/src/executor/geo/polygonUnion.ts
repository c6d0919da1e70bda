import { UnsupportedError } from '../errors';
import type { Polygon, Ring } from './geoShapes';
import { fanArea, toArea } from './sphericalArea';
import { leftIsInside, polygonContains, polygonsOverlap } from './regions';
import {
  add,
  angleBetween,
  arcsCross,
  cross,
  distanceToArc,
  dot,
  norm,
  normalize,
  scale,
  type Vec,
} from './sphere';

/**
 * The boundary of the union of a multipolygon's polygons, which the area, perimeter and centroid
 * pages measure ("the result will be the area of polygons union"). Every ring is oriented with its
 * polygon's inside on the left; each edge is cut where other polygons' edges cross it, and a piece
 * stays on the union's boundary when no other polygon holds its midpoint. Boundaries that run along
 * each other are refused: which side such a shared piece belongs to needs exact predicates.
 */

/** One piece of the union's boundary, with the union on its left. */
export type Piece = readonly [Vec, Vec];

/** The ring's vertices in the order that puts its polygon's inside on the left. */
function oriented(r: Ring, isShell: boolean): Ring {
  return leftIsInside(r) === isShell ? r : [...r].reverse();
}

function edgesOf(polygon: Polygon): Piece[] {
  const edges: Piece[] = [];
  polygon.forEach((r, k) => {
    const o = oriented(r, k === 0);
    for (let i = 0; i < o.length; i++) edges.push([o[i], o[(i + 1) % o.length]]);
  });
  return edges;
}

const ALONG = 1e-12;

function runAlong(e: Piece, f: Piece): boolean {
  if (norm(cross(normalize(cross(e[0], e[1])), normalize(cross(f[0], f[1])))) > ALONG) return false;
  return (
    [e[0], e[1]].some((p) => distanceToArc(p, f[0], f[1]) < ALONG) ||
    [f[0], f[1]].some((p) => distanceToArc(p, e[0], e[1]) < ALONG)
  );
}

const sub = (u: Vec, v: Vec): Vec => [u[0] - v[0], u[1] - v[1], u[2] - v[2]];

/**
 * The point where arcs ab and cd cross (they are known to): where the chord from a to b meets the
 * plane of cd, written with differences of nearby points so that short edges keep their precision.
 */
function crossingPoint(a: Vec, b: Vec, c: Vec, d: Vec): Vec {
  const n = cross(c, sub(d, c));
  const ab = sub(b, a);
  const t = -dot(sub(a, c), n) / dot(ab, n);
  return normalize(add(a, scale(ab, t)));
}

/** Whether the polygons overlap, so that their union differs from the sum of their parts. */
export function anyOverlap(polygons: Polygon[]): boolean {
  for (let i = 0; i < polygons.length; i++)
    for (let j = i + 1; j < polygons.length; j++) if (polygonsOverlap(polygons[i], polygons[j])) return true;
  return false;
}

export function unionBoundary(fn: string, polygons: Polygon[]): Piece[] {
  const edges = polygons.map(edgesOf);
  const pieces: Piece[] = [];
  edges.forEach((own, i) => {
    for (const [a, b] of own) {
      const cuts: Vec[] = [];
      edges.forEach((other, j) => {
        if (j === i) return;
        for (const f of other) {
          if (runAlong([a, b], f))
            throw new UnsupportedError(
              `${fn}() of a multipolygon whose polygons share part of an edge`,
              'the page measures their union, and the local union does not decide where a shared edge belongs',
            );
          if (arcsCross(a, b, f[0], f[1])) cuts.push(crossingPoint(a, b, f[0], f[1]));
        }
      });
      const points = [a, ...cuts.sort((x, y) => angleBetween(a, x) - angleBetween(a, y)), b];
      for (let k = 0; k + 1 < points.length; k++) {
        const mid = normalize(add(points[k], points[k + 1]));
        if (!polygons.some((p, j) => j !== i && polygonContains(p, mid)))
          pieces.push([points[k], points[k + 1]]);
      }
    }
  });
  return pieces;
}

/**
 * The area enclosed by closed boundary pieces: the pieces chained into loops, each loop's signed
 * fan summed (a hole's loop turns the other way and subtracts), modulo the sphere.
 */
export function enclosedArea(pieces: Piece[]): number {
  const unused = new Set(pieces.keys());
  let sum = 0;
  for (const start of pieces.keys()) {
    if (!unused.has(start)) continue;
    const loop: Vec[] = [];
    let at = start;
    while (unused.has(at)) {
      unused.delete(at);
      loop.push(pieces[at][0]);
      const end = pieces[at][1];
      at = [...unused].find((k) => angleBetween(pieces[k][0], end) < 1e-15) ?? -1;
    }
    sum += fanArea(loop);
  }
  return toArea(sum);
}

export const piecesLength = (pieces: Piece[]): number =>
  pieces.reduce((s, [a, b]) => s + angleBetween(a, b), 0);

/** Half the boundary integral of x cross dx: the integral of the position over the enclosed area. */
export function piecesMoment(pieces: Piece[]): Vec {
  let m: Vec = [0, 0, 0];
  for (const [a, b] of pieces) m = add(m, scale(normalize(cross(a, b)), angleBetween(a, b) / 2));
  return m;
}
