import { angleBetween, type Vec } from './sphere';

/**
 * The pairs of ring edges that could meet, found by a sweep over boxes instead of trying every
 * pair: validating a polygon of n vertices tried n²/2 pairs, which took seconds for a few
 * thousand vertices and was paid again for every row whose polygon is a new value.
 */

/** An edge (an arc shorter than a half circle) of ring `ring`, starting at vertex `index`. */
export interface BoxedEdge {
  ring: number;
  index: number;
  a: Vec;
  b: Vec;
  lo: [number, number, number];
  hi: [number, number, number];
}

// Beyond the arc's own bulge, a margin far above arcsTouch's 1e-15 and any rounding, so that a
// pair the box test drops can never meet.
const PAD = 1e-9;

/**
 * The edge with a box that holds the whole arc: the box of its ends grown by the arc's sagitta,
 * 1 - cos(θ/2), the farthest any point of the arc gets from the chord between its ends.
 */
export function boxedEdge(ring: number, index: number, a: Vec, b: Vec): BoxedEdge {
  const grow = 1 - Math.cos(angleBetween(a, b) / 2) + PAD;
  const lo: [number, number, number] = [0, 0, 0];
  const hi: [number, number, number] = [0, 0, 0];
  for (let k = 0; k < 3; k++) {
    lo[k] = Math.min(a[k], b[k]) - grow;
    hi[k] = Math.max(a[k], b[k]) + grow;
  }
  return { ring, index, a, b, lo, hi };
}

/** The edges of each ring (closed, so the last vertex joins the first), boxed. */
export function ringEdges(rings: readonly (readonly Vec[])[]): BoxedEdge[] {
  const edges: BoxedEdge[] = [];
  rings.forEach((r, ringIndex) => {
    for (let i = 0; i < r.length; i++) edges.push(boxedEdge(ringIndex, i, r[i], r[(i + 1) % r.length]));
  });
  return edges;
}

/**
 * Whether `meet` holds for any pair of edges whose boxes overlap: the edges sorted by the low
 * end of their box along x, each compared only with those that start before it ends.
 */
export function anyOverlappingPair(
  edges: BoxedEdge[],
  meet: (e: BoxedEdge, f: BoxedEdge) => boolean,
): boolean {
  const sorted = [...edges].sort((e, f) => e.lo[0] - f.lo[0]);
  for (let p = 0; p < sorted.length; p++) {
    const e = sorted[p];
    for (let q = p + 1; q < sorted.length && sorted[q].lo[0] <= e.hi[0]; q++) {
      const f = sorted[q];
      if (f.lo[1] > e.hi[1] || e.lo[1] > f.hi[1] || f.lo[2] > e.hi[2] || e.lo[2] > f.hi[2]) continue;
      if (meet(e, f)) return true;
    }
  }
  return false;
}
