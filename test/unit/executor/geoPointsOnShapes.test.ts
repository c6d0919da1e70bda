import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { refusedWith, rows, scalar } from './executorHarness';

/**
 * Points on lines and polygons, shape intersections, and the geo functions refused by name: cases
 * whose answers follow from the sphere's geometry, plus the pages' null rules.
 */
const line = (...points: number[][]): string =>
  `dynamic(${JSON.stringify({ type: 'LineString', coordinates: points })})`;
const poly = (...rings: number[][][]): string =>
  `dynamic(${JSON.stringify({ type: 'Polygon', coordinates: rings })})`;
const SQUARE = [
  [0, 0],
  [10, 0],
  [10, 10],
  [0, 10],
  [0, 0],
];
const coordinates = (v: unknown): number[] => (v as { coordinates: number[] }).coordinates;
const near = (actual: number[], expected: number[]): void =>
  actual.forEach((x, i) => assert.ok(Math.abs(x - expected[i]) < 1e-9, `${actual} vs ${expected}`));

describe('executor: geo points on lines', () => {
  it('interpolates along the length and locates the fraction of the nearest point', () => {
    near(coordinates(scalar(`geo_line_interpolate_point(${line([0, 0], [90, 0])}, 0.5)`)), [45, 0]);
    near(
      coordinates(scalar(`geo_line_interpolate_point(${line([0, 0], [10, 0], [10, 10])}, 0.75)`)),
      [10, 5],
    );
    near(coordinates(scalar(`geo_line_interpolate_point(${line([0, 0], [90, 0])}, 1)`)), [90, 0]);
    assert.equal(scalar(`geo_line_interpolate_point(${line([0, 0], [90, 0])}, 1.5)`), null);
    assert.equal(scalar(`geo_line_interpolate_point(${line([0, 0], [90, 0])}, real(null))`), null);
    assert.ok(
      Math.abs((scalar(`geo_line_locate_point(${line([0, 0], [90, 0])}, 45, 10)`) as number) - 0.5) < 1e-12,
    );
    assert.equal(scalar(`geo_line_locate_point(${line([0, 0], [90, 0])}, -10, 0)`), 0);
    assert.equal(scalar(`geo_line_locate_point(${line([0, 0], [90, 0])}, 0, 100)`), null);
  });

  it('refuses a MultiLineString and the spheroid, which the pages leave open', () => {
    assert.throws(
      () =>
        scalar(
          'geo_line_locate_point(dynamic({"type":"MultiLineString","coordinates":[[[0,0],[1,1]]]}), 0, 0)',
        ),
      refusedWith(/geo_line_locate_point\(\) of a MultiLineString/),
    );
    assert.throws(
      () => scalar(`geo_line_locate_point(${line([0, 0], [1, 1])}, 0, 0, true)`),
      refusedWith(/use_spheroid = true/),
    );
    assert.throws(() => scalar('geo_distance_2points(0, 0, 1, 1, true)'), refusedWith(/use_spheroid = true/));
    assert.ok((scalar('geo_distance_2points(0, 0, 1, 1, false)') as number) > 157000);
  });

  it('finds the closest point on a line, across the antimeridian too', () => {
    near(coordinates(scalar(`geo_closest_point_on_line(45, 10, ${line([0, 0], [90, 0])})`)), [45, 0]);
    const across = coordinates(scalar(`geo_closest_point_on_line(180, 5, ${line([170, 0], [-170, 0])})`));
    assert.ok(Math.abs(Math.abs(across[0]) - 180) < 1e-9 && Math.abs(across[1]) < 1e-9, `${across}`);
  });
});

describe('executor: geo points on polygons and intersections', () => {
  it('gives the point itself inside a polygon and the nearest boundary point outside', () => {
    assert.deepEqual(coordinates(scalar(`geo_closest_point_on_polygon(5, 5, ${poly(SQUARE)})`)), [5, 5]);
    near(coordinates(scalar(`geo_closest_point_on_polygon(0, -5, ${poly(SQUARE)})`)), [0, 0]);
    assert.equal(scalar(`geo_closest_point_on_polygon(0, 91, ${poly(SQUARE)})`), null);
  });

  it('tests lines and polygons for crossings, touches and containment', () => {
    assert.equal(scalar(`geo_intersects_2lines(${line([0, -1], [0, 1])}, ${line([-1, 0], [1, 0])})`), true);
    assert.equal(scalar(`geo_intersects_2lines(${line([0, 1], [0, 2])}, ${line([-1, 0], [1, 0])})`), false);
    assert.equal(
      scalar(`geo_intersects_2lines(${line([0, 0], [0, 2])}, ${line([0, 0], [1, 0])})`),
      true,
      'a shared end',
    );
    assert.equal(
      scalar(`geo_intersects_line_with_polygon(${line([2, 2], [3, 3])}, ${poly(SQUARE)})`),
      true,
      'inside',
    );
    assert.equal(
      scalar(`geo_intersects_line_with_polygon(${line([-5, 5], [15, 5])}, ${poly(SQUARE)})`),
      true,
    );
    assert.equal(
      scalar(`geo_intersects_line_with_polygon(${line([20, 5], [30, 5])}, ${poly(SQUARE)})`),
      false,
    );
    const inner = SQUARE.map(([x, y]) => [x / 5 + 4, y / 5 + 4]);
    const far = SQUARE.map(([x, y]) => [x + 50, y]);
    assert.equal(
      scalar(`geo_intersects_2polygons(${poly(SQUARE)}, ${poly(inner)})`),
      true,
      'one inside the other',
    );
    assert.equal(scalar(`geo_intersects_2polygons(${poly(inner)}, ${poly(SQUARE)})`), true);
    assert.equal(scalar(`geo_intersects_2polygons(${poly(SQUARE)}, ${poly(far)})`), false);
    assert.equal(scalar(`geo_intersects_2polygons(${poly(SQUARE)}, dynamic({"type":"Polygon"}))`), null);
  });

  it('refuses by name the functions whose pages do not define their output, but only on a row', () => {
    assert.throws(
      () => scalar(`geo_line_densify(${line([0, 0], [1, 1])})`),
      refusedWith(/geo_line_densify\(\).*non-uniformly/),
    );
    assert.throws(
      () => scalar(`geo_polygon_simplify(${poly(SQUARE)})`),
      refusedWith(/geo_polygon_simplify\(\)/),
    );
    assert.throws(() => scalar('geo_point_buffer(0, 0, 10)'), refusedWith(/geo_point_buffer\(\)/));
    assert.throws(
      () => scalar(`geo_intersection_2polygons(${poly(SQUARE)}, ${poly(SQUARE)})`),
      refusedWith(/geo_intersection_2polygons\(\)/),
    );
    assert.deepEqual(
      rows(`print x = 1 | where false | extend y = geo_line_densify(${line([0, 0], [1, 1])})`),
      [],
    );
  });
});
