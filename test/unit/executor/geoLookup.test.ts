import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rows } from './executorHarness';

// Two overlapping squares of about 1.1 km around the equator, and points of our own.
const square = (w: number, s: number, e: number, n: number) =>
  JSON.stringify({
    type: 'Polygon',
    coordinates: [
      [
        [w, s],
        [e, s],
        [e, n],
        [w, n],
        [w, s],
      ],
    ],
  });
const AREAS = `let areas = datatable(area:string, shape:dynamic)[
  "west", dynamic(${square(0, 0, 0.01, 0.01)}),
  "east", dynamic(${square(0.005, 0, 0.015, 0.01)})];`;
const POINTS = `let points = datatable(name:string, lng:real, lat:real)[
  "only west", 0.002, 0.005,
  "both", 0.007, 0.005,
  "outside", 0.03, 0.005,
  "no longitude", real(null), 0.005];`;
const ROAD = `let roads = datatable(road:string, line:dynamic)[
  "meridian", dynamic({"type":"LineString","coordinates":[[0,0],[0,1]]})];`;

describe('evaluate geo_polygon_lookup', () => {
  it('joins each point with every polygon holding it, and drops the rest by default', () => {
    assert.deepEqual(
      rows(
        `${AREAS} ${POINTS} points | evaluate geo_polygon_lookup(areas, shape, lng, lat) | order by name asc, area asc`,
      ),
      [
        ['both', 0.007, 0.005, 'east'],
        ['both', 0.007, 0.005, 'west'],
        ['only west', 0.002, 0.005, 'west'],
      ],
    );
  });

  it('keeps unmatched points with nulls, invalid coordinates included', () => {
    const got = rows(
      `${AREAS} ${POINTS} points | evaluate geo_polygon_lookup(areas, shape, lng, lat, return_unmatched = true) | where isempty(area) | order by name asc`,
    );
    assert.deepEqual(got, [
      ['no longitude', null, 0.005, ''],
      ['outside', 0.03, 0.005, ''],
    ]);
  });

  it('matches within a radius of the border, measured as geo_distance_point_to_polygon() measures', () => {
    const near = `let p = datatable(name:string, lng:real, lat:real)["near", -0.0001, 0.005];`;
    const distance = rows(
      `${AREAS} ${near} areas | where area == 'west' | extend d = geo_distance_point_to_polygon(-0.0001, 0.005, shape) | project d`,
    )[0][0] as number;
    assert.ok(distance > 10 && distance < 12, `distance ${distance}`);
    const within = (r: number) =>
      rows(`${AREAS} ${near} p | evaluate geo_polygon_lookup(areas, shape, lng, lat, ${r}) | project area`);
    assert.deepEqual(within(Math.ceil(distance)), [['west']]);
    assert.deepEqual(within(Math.floor(distance)), []);
  });

  it('returns the lookup key only when asked', () => {
    const query = (flag: string) =>
      `${AREAS} ${POINTS} points | where name == 'only west' | evaluate geo_polygon_lookup(areas, shape, lng, lat${flag})`;
    assert.equal(rows(query(''))[0].length, 4);
    const withKey = rows(query(', return_lookup_key = true'))[0];
    assert.equal(withKey.length, 5);
    assert.deepEqual(JSON.parse(JSON.stringify(withKey[4])).type, 'Polygon');
  });

  it('gives a shape that is not a valid polygon no match', () => {
    assert.deepEqual(
      rows(
        `let bad = datatable(area:string, shape:dynamic)["line", dynamic({"type":"LineString","coordinates":[[0,0],[1,1]]})]; ${POINTS} points | evaluate geo_polygon_lookup(bad, shape, lng, lat)`,
      ),
      [],
    );
  });

  it('names an argument it does not know', () => {
    assert.throws(
      () =>
        rows(
          `${AREAS} ${POINTS} points | evaluate geo_polygon_lookup(areas, shape, lng, lat, lookup_radius = 5)`,
        ),
      (e: unknown) => e instanceof Error && /lookup_radius/.test(e.message),
    );
  });
});

describe('evaluate geo_line_lookup', () => {
  it('matches points within the radius of a line, as geo_distance_point_to_line() measures', () => {
    const pts = `let p = datatable(name:string, lng:real, lat:real)["100 m east", 0.000898, 0.5, "1 km east", 0.00898, 0.5, "beyond the end", 0, 1.01];`;
    assert.deepEqual(
      rows(
        `${ROAD} ${pts} p | evaluate geo_line_lookup(roads, line, lng, lat, 200, return_unmatched = true) | order by name asc`,
      ),
      [
        ['1 km east', 0.00898, 0.5, ''],
        ['100 m east', 0.000898, 0.5, 'meridian'],
        ['beyond the end', 0, 1.01, ''],
      ],
    );
  });

  it('matches any line of a MultiLineString, and never a null shape', () => {
    const lines = `let roads = datatable(road:string, line:dynamic)[
      "two", dynamic({"type":"MultiLineString","coordinates":[[[0,0],[0,1]],[[1,0],[1,1]]]}),
      "none", dynamic(null)];`;
    const pts = `let p = datatable(name:string, lng:real, lat:real)["by the second", 1.0001, 0.5, "between", 0.5, 0.5];`;
    assert.deepEqual(
      rows(`${lines} ${pts} p | evaluate geo_line_lookup(roads, line, lng, lat, 50) | project name, road`),
      [['by the second', 'two']],
    );
  });
});
