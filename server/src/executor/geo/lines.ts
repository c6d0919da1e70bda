import { UnsupportedError } from '../errors';
import type { Line } from './geoShapes';
import { add, angleBetween, cross, distanceToArc, dot, norm, normalize, scale, type Vec } from './sphere';

/**
 * Measures of lines and multilines. The pages measure a multiline as the union of its lines
 * (geo-line-length-function.md), so edges that run over each other would be counted once there;
 * such an input is refused here rather than measured twice.
 */

interface Edge {
  a: Vec;
  b: Vec;
  /** The unit normal of the edge's great circle, signed so that its first nonzero coordinate is positive. */
  n: Vec;
}

function edgesOf(lines: Line[]): Edge[] {
  const edges: Edge[] = [];
  for (const line of lines)
    for (let i = 0; i + 1 < line.length; i++) {
      const n = normalize(cross(line[i], line[i + 1]));
      const flip = n[0] < 0 || (n[0] === 0 && (n[1] < 0 || (n[1] === 0 && n[2] < 0)));
      edges.push({ a: line[i], b: line[i + 1], n: flip ? scale(n, -1) : n });
    }
  return edges;
}

const SAME_CIRCLE = 1e-12;

/** Whether two edges of one great circle share more than a point. */
function overlapAlong(e: Edge, f: Edge): boolean {
  if (norm(cross(e.n, f.n)) > SAME_CIRCLE) return false;
  const within = (p: Vec, g: Edge): boolean =>
    distanceToArc(p, g.a, g.b) < SAME_CIRCLE &&
    angleBetween(p, g.a) > SAME_CIRCLE &&
    angleBetween(p, g.b) > SAME_CIRCLE;
  const sameEnds =
    (angleBetween(e.a, f.a) < SAME_CIRCLE && angleBetween(e.b, f.b) < SAME_CIRCLE) ||
    (angleBetween(e.a, f.b) < SAME_CIRCLE && angleBetween(e.b, f.a) < SAME_CIRCLE);
  return sameEnds || within(e.a, f) || within(e.b, f) || within(f.a, e) || within(f.b, e);
}

/** Refuses lines with edges that run over each other, whose union the pages measure. */
export function requireNoOverlap(fn: string, lines: Line[]): void {
  // Edges on one great circle have nearly equal normals: sorting by a coordinate of the normal
  // leaves only neighbours in a narrow window to compare.
  const edges = edgesOf(lines).sort((x, y) => x.n[0] - y.n[0]);
  for (let i = 0; i < edges.length; i++)
    for (let j = i + 1; j < edges.length && edges[j].n[0] - edges[i].n[0] <= SAME_CIRCLE; j++)
      if (overlapAlong(edges[i], edges[j]))
        throw new UnsupportedError(
          `${fn}() of lines whose edges run over each other`,
          'the page measures the union of the lines, and a line union is not implemented locally',
        );
}

/** The total angle of the lines' edges. */
export function linesLength(lines: Line[]): number {
  let sum = 0;
  for (const line of lines)
    for (let i = 0; i + 1 < line.length; i++) sum += angleBetween(line[i], line[i + 1]);
  return sum;
}

/**
 * The integral of the position vector along the lines, which points to their centroid. Along an
 * arc of angle t it is 2 sin(t/2) times the arc's midpoint.
 */
export function linesMoment(lines: Line[]): Vec {
  let m: Vec = [0, 0, 0];
  for (const line of lines)
    for (let i = 0; i + 1 < line.length; i++) {
      const a = line[i];
      const b = line[i + 1];
      const t = angleBetween(a, b);
      m = add(m, scale(normalize(add(a, b)), 2 * Math.sin(t / 2)));
    }
  return m;
}

export const isZero = (v: Vec): boolean => dot(v, v) === 0;
