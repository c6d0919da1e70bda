import type { Line, Polygon, Ring } from './geoShapes';
import { fanArea, toArea } from './sphericalArea';
import {
  add,
  angleBetween,
  arcsCross,
  cross,
  distanceToArc,
  norm,
  normalize,
  scale,
  type Vec,
} from './sphere';

/**
 * The regions that rings, polygons and lines stand for, and their measures. A ring divides the
 * sphere in two and stands for the smaller part (geo-point-in-polygon-function.md: "LinearRingShell
 * encloses at most half of the sphere ... The smaller of the two regions is chosen"), whichever way
 * its vertices turn; a hole is taken the same way and removed from its shell.
 */

const FOUR_PI = 4 * Math.PI;

/** The area, in steradians, of the region to the left of the ring (its vertices turning counterclockwise). */
function leftArea(r: Ring): number {
  return toArea(fanArea(r));
}

/** Whether the ring's region is to its left (it turns counterclockwise around its smaller part). */
export const leftIsInside = (r: Ring): boolean => leftArea(r) <= 2 * Math.PI;

/** The area of the ring's region, in steradians. */
export function ringArea(r: Ring): number {
  const a = leftArea(r);
  return Math.min(a, FOUR_PI - a);
}

/**
 * The integral of the position vector over the ring's region, which points to its centroid: half
 * the boundary integral of x cross dx, which along a great-circle arc is the arc's angle times its
 * unit normal. The other side of the ring integrates to the opposite vector.
 */
function ringMoment(r: Ring): Vec {
  let m: Vec = [0, 0, 0];
  for (let i = 0; i < r.length; i++) {
    const a = r[i];
    const b = r[(i + 1) % r.length];
    m = add(m, scale(normalize(cross(a, b)), angleBetween(a, b) / 2));
  }
  return leftIsInside(r) ? m : scale(m, -1);
}

/** A point just to the left of the ring's first edge, whose side of the ring is therefore known. */
function leftReference(r: Ring): Vec {
  const mid = normalize(add(r[0], r[1]));
  const offset = Math.min(1e-9, angleBetween(r[0], r[1]) * 1e-3);
  return normalize(add(mid, scale(normalize(cross(r[0], r[1])), offset)));
}

/** Whether p is in the ring's region: the parity of the ring's edges crossed on the way from a known point. */
export function ringContains(r: Ring, p: Vec): boolean {
  const ref = leftReference(r);
  // An arc is defined only between points less than a half circle apart; go through a waypoint otherwise.
  const path: Vec[] = angleBetween(ref, p) < 2.5 ? [ref, p] : [ref, waypoint(ref, p), p];
  let crossings = 0;
  for (let k = 0; k + 1 < path.length; k++)
    for (let i = 0; i < r.length; i++)
      if (arcsCross(path[k], path[k + 1], r[i], r[(i + 1) % r.length])) crossings++;
  const onLeft = crossings % 2 === 0;
  return onLeft === leftIsInside(r);
}

/** A point a quarter circle from a, toward b (or anywhere a quarter circle away when b is a's antipode). */
function waypoint(a: Vec, b: Vec): Vec {
  let n = cross(a, b);
  if (norm(n) < 1e-12) n = cross(a, Math.abs(a[0]) < 0.9 ? [1, 0, 0] : [0, 1, 0]);
  return normalize(cross(n, a));
}

export function polygonContains(polygon: Polygon, p: Vec): boolean {
  return ringContains(polygon[0], p) && polygon.slice(1).every((hole) => !ringContains(hole, p));
}

export const anyPolygonContains = (polygons: Polygon[], p: Vec): boolean =>
  polygons.some((polygon) => polygonContains(polygon, p));

/** The angle from p to the nearest point of any ring's boundary. */
export function distanceToBoundary(polygons: Polygon[], p: Vec): number {
  let best = Infinity;
  for (const polygon of polygons)
    for (const r of polygon)
      for (let i = 0; i < r.length; i++) best = Math.min(best, distanceToArc(p, r[i], r[(i + 1) % r.length]));
  return best;
}

export function distanceToLines(lines: Line[], p: Vec): number {
  let best = Infinity;
  for (const line of lines)
    for (let i = 0; i + 1 < line.length; i++) best = Math.min(best, distanceToArc(p, line[i], line[i + 1]));
  return best;
}

/** Whether two polygons share any area: their boundaries cross, or one holds a vertex of the other. */
export function polygonsOverlap(a: Polygon, b: Polygon): boolean {
  for (const ra of a)
    for (const rb of b)
      for (let i = 0; i < ra.length; i++)
        for (let j = 0; j < rb.length; j++)
          if (arcsCross(ra[i], ra[(i + 1) % ra.length], rb[j], rb[(j + 1) % rb.length])) return true;
  return polygonContains(a, b[0][0]) || polygonContains(b, a[0][0]);
}

export function polygonsArea(polygons: Polygon[]): number {
  let sum = 0;
  for (const [shell, ...holes] of polygons)
    sum += ringArea(shell) - holes.reduce((s, h) => s + ringArea(h), 0);
  return sum;
}

export function polygonsMoment(polygons: Polygon[]): Vec {
  let m: Vec = [0, 0, 0];
  for (const [shell, ...holes] of polygons) {
    m = add(m, ringMoment(shell));
    for (const h of holes) m = add(m, scale(ringMoment(h), -1));
  }
  return m;
}

export function polygonsPerimeter(polygons: Polygon[]): number {
  let sum = 0;
  for (const polygon of polygons)
    for (const r of polygon)
      for (let i = 0; i < r.length; i++) sum += angleBetween(r[i], r[(i + 1) % r.length]);
  return sum;
}
