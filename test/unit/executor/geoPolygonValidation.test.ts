import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scalar } from './executorHarness';

/**
 * Polygon validation by edge boxes (geo/edgePairs.ts) must reject exactly what trying every pair
 * of edges rejected: these rings have thousands of vertices, so a crossing can sit between edges
 * far apart in the ring, and the valid ones must stay valid.
 */
const poly = (...rings: number[][][]): string =>
  `dynamic(${JSON.stringify({ type: 'Polygon', coordinates: rings })})`;

/** A closed ring of n vertices around (lng, lat) with the given radius in degrees. */
function circle(n: number, lng: number, lat: number, radius: number): number[][] {
  const ring: number[][] = [];
  for (let i = 0; i < n; i++) {
    const t = (2 * Math.PI * i) / n;
    ring.push([lng + radius * Math.cos(t), lat + radius * Math.sin(t)]);
  }
  return [...ring, ring[0]];
}

describe('executor: validating large polygons', () => {
  it('keeps a ring of 3000 vertices valid and finds a crossing between edges far apart', () => {
    const ring = circle(3000, 10, 20, 5);
    assert.equal(scalar(`geo_point_in_polygon(10, 20, ${poly(ring)})`), true);
    // Swapping two vertices a quarter of the ring apart makes their edges cross the ring.
    const crossed = ring.map((p) => [...p]);
    [crossed[100], crossed[850]] = [crossed[850], crossed[100]];
    assert.equal(scalar(`geo_point_in_polygon(10, 20, ${poly(crossed)})`), null);
  });

  it('finds a repeated vertex anywhere in a large ring', () => {
    const ring = circle(2000, 10, 20, 5);
    const repeated = ring.map((p) => [...p]);
    repeated[1500] = [...repeated[10]];
    assert.equal(scalar(`geo_point_in_polygon(10, 20, ${poly(repeated)})`), null);
  });

  it('lets a hole share a vertex with its shell but not cross it', () => {
    const shell = circle(1000, 0, 0, 10);
    const inner = circle(500, 0, 0, 4);
    assert.equal(scalar(`geo_point_in_polygon(0, 0, ${poly(shell, inner)})`), false, 'inside the hole');
    assert.equal(scalar(`geo_point_in_polygon(7, 0, ${poly(shell, inner)})`), true, 'between hole and shell');
    // A hole whose first vertex is the shell's first vertex: the rings share a vertex only.
    const touching = [shell[0], [5, 1], [5, -1], shell[0]];
    assert.equal(
      scalar(`geo_point_in_polygon(7, 0, ${poly(shell, touching)})`),
      false,
      'inside the touching hole',
    );
    // A hole reaching out past the shell crosses it.
    const crossing = [
      [5, 1],
      [15, 1],
      [15, -1],
      [5, -1],
      [5, 1],
    ];
    assert.equal(scalar(`geo_point_in_polygon(7, 0, ${poly(shell, crossing)})`), null);
  });
});
