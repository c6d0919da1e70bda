import { angleBetween, cross, dot, norm, triple, type Vec } from './sphere';

/**
 * Areas of spherical triangles and loops, computed the way the S2 geometry library (which Kusto's
 * geo functions are built on) computes them: a fan of signed triangles from the loop's first
 * vertex, each triangle's area by l'Huilier's theorem, or by Girard's for long skinny triangles.
 * The pages print areas that carry this method's rounding (geo_polygon_area's Central Park,
 * 3475207.28346606 m2, differs from the exact value in its tenth digit), so the method is followed
 * rather than a more exact one.
 */

const add = (a: Vec, b: Vec): Vec => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
const sub = (a: Vec, b: Vec): Vec => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];

/** a x b as (b + a) x (b - a) / 2, which keeps its precision when a and b are close. */
const robustCross = (a: Vec, b: Vec): Vec => cross(add(b, a), sub(b, a));

const vectorAngle = (u: Vec, v: Vec): number => Math.atan2(norm(cross(u, v)), dot(u, v));

function girardArea(a: Vec, b: Vec, c: Vec): number {
  const ab = robustCross(a, b);
  const bc = robustCross(b, c);
  const ac = robustCross(a, c);
  return Math.max(0, vectorAngle(ab, ac) - vectorAngle(ab, bc) + vectorAngle(bc, ac));
}

/** The (unsigned) area of triangle abc in steradians. */
function triangleArea(a: Vec, b: Vec, c: Vec): number {
  const sa = angleBetween(b, c);
  const sb = angleBetween(c, a);
  const sc = angleBetween(a, b);
  const s = 0.5 * (sa + sb + sc);
  if (s >= 3e-4) {
    // A skinny triangle loses precision in l'Huilier's differences; Girard's formula may do better.
    const s2 = s * s;
    const dmin = s - Math.max(sa, sb, sc);
    if (dmin < 1e-2 * s * s2 * s2) {
      const area = girardArea(a, b, c);
      if (dmin < s * (0.1 * (area + 5e-15))) return area;
    }
  }
  const t =
    Math.tan(0.5 * s) * Math.tan(0.5 * (s - sa)) * Math.tan(0.5 * (s - sb)) * Math.tan(0.5 * (s - sc));
  return 4 * Math.atan(Math.sqrt(Math.max(0, t)));
}

const signedTriangleArea = (a: Vec, b: Vec, c: Vec): number =>
  Math.sign(triple(a, b, c)) * triangleArea(a, b, c);

/**
 * The signed sum of the fan of triangles from the loop's first vertex: the area to the loop's
 * left, less 4 pi when that area is more than half the sphere. The pages' loops have edges well
 * short of a half circle, so the fan's own edges are not moved as S2 does for nearly antipodal ones.
 */
export function fanArea(loop: readonly Vec[]): number {
  let sum = 0;
  for (let i = 1; i + 1 < loop.length; i++) sum += signedTriangleArea(loop[0], loop[i], loop[i + 1]);
  return sum;
}

/**
 * A signed fan sum as an area in [0, 4 pi]. A negative sum is the area less 4 pi; it is not
 * reduced with a modulo, which would round a small area to the precision of 4 pi.
 */
export function toArea(sum: number): number {
  const area = sum < 0 ? sum + 4 * Math.PI : sum;
  return Math.min(Math.max(area, 0), 4 * Math.PI);
}
