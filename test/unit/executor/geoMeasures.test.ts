import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { refusedWith, scalar } from './executorHarness';

/**
 * The geo functions over points, lines and polygons: shapes whose answers follow from the sphere's
 * geometry (an octant, the equator, the poles, the antimeridian), the pages' null rules, and the
 * forms that are refused. The pages' own examples are in the conformance measure.
 */
const R = 6371010;
const close = (actual: unknown, expected: number, what = ''): void => {
  assert.equal(typeof actual, 'number', what);
  assert.ok(
    Math.abs((actual as number) - expected) <= 1e-9 * Math.max(1, Math.abs(expected)),
    `${what}: ${actual} vs ${expected}`,
  );
};
const poly = (...rings: number[][][]): string =>
  `dynamic(${JSON.stringify({ type: 'Polygon', coordinates: rings })})`;
const multi = (...polygons: number[][][][]): string =>
  `dynamic(${JSON.stringify({ type: 'MultiPolygon', coordinates: polygons })})`;
const line = (...points: number[][]): string =>
  `dynamic(${JSON.stringify({ type: 'LineString', coordinates: points })})`;
const OCTANT = [
  [0, 0],
  [90, 0],
  [0, 90],
  [0, 0],
];
const SQUARE = [
  [0, 0],
  [10, 0],
  [10, 10],
  [0, 10],
  [0, 0],
];

describe('executor: geo distances and directions between points', () => {
  it('measures great-circle distances across the poles and the antimeridian', () => {
    close(scalar('geo_distance_2points(0, 90, 0, -90)'), Math.PI * R, 'pole to pole');
    close(
      scalar('geo_distance_2points(179, 0, -179, 0)'),
      (2 * Math.PI * R) / 180,
      'across the antimeridian',
    );
    assert.ok((scalar('geo_distance_2points(-180, 0, 180, 0)') as number) < 1e-6, 'the same meridian');
    close(scalar('geo_distance_2points(10, 20, 10, 20)'), 0);
  });

  it('gives null for coordinates out of range, not numbers, or null', () => {
    assert.equal(scalar('geo_distance_2points(0, 91, 0, 0)'), null);
    assert.equal(scalar('geo_distance_2points(-180.5, 0, 0, 0)'), null);
    assert.equal(scalar('geo_distance_2points(real(null), 0, 0, 0)'), null);
    assert.equal(scalar('geo_distance_2points(real(nan), 0, 0, 0)'), null);
  });

  it('tests circles as caps measured along the surface, with a positive radius', () => {
    const quarter = (Math.PI / 2) * R;
    assert.equal(scalar(`geo_point_in_circle(0, 90, 0, 0, ${quarter + 1})`), true);
    assert.equal(scalar(`geo_point_in_circle(0, 90, 0, 0, ${quarter - 1})`), false);
    assert.equal(scalar('geo_point_in_circle(-179.9, 0, 179.9, 0, 30000)'), true, 'across the antimeridian');
    assert.equal(scalar('geo_point_in_circle(0, 0, 0, 0, 0)'), null, 'the page asks for a positive radius');
    assert.equal(scalar('geo_point_in_circle(0, 0, 0, 95, 10)'), null);
  });

  it('measures azimuths clockwise from north and angles clockwise between lines', () => {
    close(scalar('geo_azimuth(0, 0, 0, 10)'), 0);
    close(scalar('geo_azimuth(0, 0, 10, 0)'), Math.PI / 2);
    close(scalar('geo_azimuth(0, 0, 0, -10)'), Math.PI);
    close(scalar('geo_azimuth(0, 0, -10, 0)'), (3 * Math.PI) / 2);
    assert.equal(scalar('geo_azimuth(0, 0, 180, 0)'), null, 'antipodes have no direction');
    close(scalar('geo_angle(0, 10, 0, 0, 10, 0)'), Math.PI / 2);
    close(scalar('geo_angle(10, 0, 0, 0, 0, 10)'), (3 * Math.PI) / 2);
    assert.equal(scalar('geo_angle(0, 10, 0, 0, 0, 10)'), 0);
    assert.equal(scalar('geo_angle(0, 0, 0, 0, 10, 0)'), null, 'p1 equals p2');
    assert.equal(scalar('geo_angle(0, 10, 0, 0, 180, 0)'), null, 'p2 and p3 antipodal');
  });
});

describe('executor: geo polygons', () => {
  it('takes the smaller region of a ring, whichever way it turns', () => {
    const reversed = [...SQUARE].reverse();
    assert.equal(scalar(`geo_point_in_polygon(5, 5, ${poly(SQUARE)})`), true);
    assert.equal(scalar(`geo_point_in_polygon(5, 5, ${poly(reversed)})`), true);
    assert.equal(scalar(`geo_point_in_polygon(15, 5, ${poly(reversed)})`), false);
    assert.equal(scalar(`geo_point_in_polygon(-170, -5, ${poly(reversed)})`), false);
  });

  it('contains points across the antimeridian and around a pole', () => {
    const dateLine = [
      [170, -10],
      [-170, -10],
      [-170, 10],
      [170, 10],
      [170, -10],
    ];
    assert.equal(scalar(`geo_point_in_polygon(180, 0, ${poly(dateLine)})`), true);
    assert.equal(scalar(`geo_point_in_polygon(-175, 5, ${poly(dateLine)})`), true);
    assert.equal(scalar(`geo_point_in_polygon(0, 0, ${poly(dateLine)})`), false);
    const polar = [
      [0, 80],
      [90, 80],
      [180, 80],
      [-90, 80],
      [0, 80],
    ];
    assert.equal(scalar(`geo_point_in_polygon(0, 90, ${poly(polar)})`), true);
    assert.equal(scalar(`geo_point_in_polygon(45, 85, ${poly(polar)})`), true);
    assert.equal(scalar(`geo_point_in_polygon(0, -90, ${poly(polar)})`), false);
  });

  it('removes holes, and measures distance to the nearest edge from outside only', () => {
    const hole = [
      [4, 4],
      [4, 6],
      [6, 6],
      [6, 4],
      [4, 4],
    ];
    assert.equal(scalar(`geo_point_in_polygon(5, 5, ${poly(SQUARE, hole)})`), false);
    assert.equal(scalar(`geo_point_in_polygon(2, 5, ${poly(SQUARE, hole)})`), true);
    assert.equal(scalar(`geo_distance_point_to_polygon(2, 5, ${poly(SQUARE, hole)})`), 0);
    close(
      scalar(`geo_distance_point_to_polygon(5, 5, ${poly(SQUARE, hole)})`),
      Math.asin(Math.cos((5 * Math.PI) / 180) * Math.sin(Math.PI / 180)) * R,
      'to the hole',
    );
    close(scalar(`geo_distance_point_to_polygon(0, -1, ${poly(SQUARE)})`), (Math.PI / 180) * R);
  });

  it('gives null for the invalid rings the page describes', () => {
    const cases = [
      poly([
        [0, 0],
        [10, 0],
        [10, 10],
      ]),
      poly([
        [0, 0],
        [10, 0],
        [10, 10],
        [0, 10],
      ]),
      poly([
        [0, 0],
        [10, 10],
        [10, 0],
        [0, 10],
        [0, 0],
      ]),
      poly([
        [0, 0],
        [200, 0],
        [10, 10],
        [0, 0],
      ]),
      'dynamic({"type":"Polygon"})',
      'dynamic({"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}})',
      'parse_json("[1, 2]")',
      'dynamic(null)',
    ];
    for (const c of cases) assert.equal(scalar(`geo_polygon_area(${c})`), null, c);
  });

  it('refuses a position with an altitude, which the page does not settle', () => {
    assert.throws(
      () =>
        scalar(
          'geo_point_in_polygon(1, 1, dynamic({"type":"Polygon","coordinates":[[[0,0,5],[9,0,5],[0,9,5],[0,0,5]]]}))',
        ),
      refusedWith(/geo_point_in_polygon\(\).*altitude/),
    );
  });

  it('measures an octant of the sphere exactly', () => {
    close(scalar(`geo_polygon_area(${poly(OCTANT)})`), (Math.PI / 2) * R * R);
    close(scalar(`geo_polygon_area(${poly([...OCTANT].reverse())})`), (Math.PI / 2) * R * R, 'reversed');
    close(scalar(`geo_polygon_perimeter(${poly(OCTANT)})`), ((3 * Math.PI) / 2) * R);
    const c = scalar(`geo_polygon_centroid(${poly(OCTANT)})`) as { type: string; coordinates: number[] };
    assert.equal(c.type, 'Point');
    close(c.coordinates[0], 45);
    close(c.coordinates[1], (Math.asin(1 / Math.sqrt(3)) * 180) / Math.PI);
  });

  it('measures a multipolygon as the union of its polygons', () => {
    const far = SQUARE.map(([x, y]) => [x + 100, y]);
    const inner = [
      [2, 2],
      [8, 2],
      [8, 8],
      [2, 8],
      [2, 2],
    ];
    const one = scalar(`geo_polygon_area(${poly(SQUARE)})`) as number;
    close(scalar(`geo_polygon_area(${multi([SQUARE], [far])})`), 2 * one, 'disjoint');
    close(scalar(`geo_polygon_area(${multi([SQUARE], [inner])})`), one, 'one inside the other');
    close(
      scalar(`geo_polygon_perimeter(${multi([SQUARE], [inner])})`),
      scalar(`geo_polygon_perimeter(${poly(SQUARE)})`) as number,
    );
    assert.throws(
      () => scalar(`geo_polygon_area(${multi([SQUARE], [SQUARE])})`),
      refusedWith(/geo_polygon_area\(\) of a multipolygon whose polygons share part of an edge/),
    );
  });
});

describe('executor: geo lines', () => {
  it('measures lengths, centroids and distances along the equator and over a pole', () => {
    close(scalar(`geo_line_length(${line([0, 0], [90, 0])})`), (Math.PI / 2) * R);
    close(
      scalar(`geo_line_length(${line([0, 80], [180, 80])})`),
      ((20 * Math.PI) / 180) * R,
      'over the pole',
    );
    const c = scalar(`geo_line_centroid(${line([0, 0], [90, 0])})`) as { coordinates: number[] };
    close(c.coordinates[0], 45);
    close(c.coordinates[1], 0);
    close(scalar(`geo_distance_point_to_line(45, 10, ${line([0, 0], [90, 0])})`), ((10 * Math.PI) / 180) * R);
    close(
      scalar(`geo_distance_point_to_line(100, 0, ${line([0, 0], [90, 0])})`),
      ((10 * Math.PI) / 180) * R,
      'past the end',
    );
    assert.equal(scalar(`geo_distance_point_to_line(45, 0, ${line([0, 0], [90, 0])})`), 0);
  });

  it('gives null for lines the page calls invalid and refuses overlapping multilines', () => {
    assert.equal(scalar(`geo_line_length(${line([1, 1])})`), null);
    assert.equal(scalar(`geo_line_length(${line([0, 0], [180, 0])})`), null, 'an edge of a half circle');
    assert.equal(scalar(`geo_line_length(${line([0, 0], [0, 95])})`), null);
    assert.equal(scalar('geo_line_length(dynamic({"type":"MultiLineString","coordinates":[]}))'), null);
    assert.throws(
      () =>
        scalar(
          'geo_line_length(dynamic({"type":"MultiLineString","coordinates":[[[0,0],[10,0]],[[5,0],[15,0]]]}))',
        ),
      refusedWith(/geo_line_length\(\) of lines whose edges run over each other/),
    );
  });
});
