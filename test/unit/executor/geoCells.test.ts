import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { refusedWith, rows, scalar } from './executorHarness';

/**
 * The geo functions over grid cells: geohash, H3 and S2 tokens, their centres, outlines,
 * parents, children and rings, the pages' rules for invalid input (empty string or null), and
 * the functions that stay refused. The pages' own examples are in the conformance measure.
 */
const close = (actual: unknown, expected: number, what = ''): void => {
  assert.equal(typeof actual, 'number', what);
  assert.ok(
    Math.abs((actual as number) - expected) <= 1e-9 * Math.max(1, Math.abs(expected)),
    `${what}: ${actual} vs ${expected}`,
  );
};
const coords = (v: unknown): unknown => (v as { coordinates: unknown }).coordinates;

describe('executor: geohash cells', () => {
  it('encodes a point with the default accuracy of 5 and with a given accuracy', () => {
    assert.equal(scalar('geo_point_to_geohash(-80.195829, 25.802215, 8)'), 'dhwfz15h');
    assert.equal(scalar('geo_point_to_geohash(-80.195829, 25.802215)'), 'dhwfz');
    assert.equal(scalar('geo_point_to_geohash(-80.195829, 25.802215, 1)'), 'd');
    assert.equal((scalar('geo_point_to_geohash(-80.195829, 25.802215, 18)') as string).length, 18);
  });

  it('puts the corners of the world in the first and last cells', () => {
    assert.equal(scalar('geo_point_to_geohash(-180, -90, 3)'), '000');
    assert.equal(scalar('geo_point_to_geohash(180, 90, 3)'), 'zzz');
  });

  it('gives an empty string for invalid coordinates or accuracy', () => {
    for (const args of [
      '181, 1',
      '1, -91',
      '1, 1, 0',
      '1, 1, 19',
      '1, 1, int(null)',
      'real(null), 1',
      '1, real(nan)',
    ])
      assert.equal(scalar(`geo_point_to_geohash(${args})`), '', args);
  });

  it('reads a geohash back as its rectangle and its centre', () => {
    assert.deepEqual(coords(scalar('geo_geohash_to_central_point("s")')), [22.5, 22.5]);
    assert.deepEqual(coords(scalar('geo_geohash_to_polygon("s")')), [
      [
        [0, 0],
        [45, 0],
        [45, 45],
        [0, 45],
        [0, 0],
      ],
    ]);
    // The centre of a point's cell lies within half a cell of the point.
    const [lng, lat] = coords(
      scalar('geo_geohash_to_central_point(geo_point_to_geohash(13.4, 52.5, 9))'),
    ) as number[];
    assert.ok(Math.abs(lng - 13.4) < 5e-5 && Math.abs(lat - 52.5) < 5e-5);
  });

  it('gives null for tokens that are not geohashes', () => {
    for (const token of [
      '""',
      '"a"',
      '"sunnyi"',
      '"s u"',
      '"日本"',
      '"ü"',
      '"0123456789bcdefghjk"',
      'tostring(dynamic(null))',
    ])
      assert.equal(scalar(`geo_geohash_to_central_point(${token})`), null, token);
  });

  it('refuses another spelling of a token and the neighbours, whose order the page leaves open', () => {
    assert.throws(
      () => scalar('geo_geohash_to_polygon("SUNNY")'),
      refusedWith(/geo_geohash_to_polygon\(\).*spelling/),
    );
    assert.throws(
      () => scalar("geo_geohash_neighbors('sunny')"),
      refusedWith(/geo_geohash_neighbors\(\).*order/),
    );
    assert.equal(scalar("geo_geohash_neighbors('a')"), null);
  });
});

describe('executor: H3 cells', () => {
  const CELL = '862a1072fffffff';

  it('finds the cell of a point, by default at resolution 6', () => {
    assert.equal(scalar('geo_point_to_h3cell(-74.04450446039874, 40.689250859314974)'), CELL);
    assert.equal(scalar('geo_h3cell_level(geo_point_to_h3cell(0, 0, 0))'), 0);
    assert.equal(scalar('geo_h3cell_level(geo_point_to_h3cell(0, 0, 15))'), 15);
  });

  it('gives an empty string for invalid coordinates or resolution', () => {
    for (const args of ['300, 1', '1, 91', '1, 1, -1', '1, 1, 16', '1, 1, int(null)'])
      assert.equal(scalar(`geo_point_to_h3cell(${args})`), '', args);
  });

  it('gives a cell centre and a closed hexagon around it', () => {
    const centre = coords(scalar(`geo_h3cell_to_central_point("${CELL}")`)) as number[];
    close(centre[0], -74.0160084797924, 'longitude');
    close(centre[1], 40.7041679083504, 'latitude');
    const ring = (coords(scalar(`geo_h3cell_to_polygon("${CELL}")`)) as number[][][])[0];
    assert.equal(ring.length, 7);
    assert.deepEqual(ring[0], ring[6]);
    assert.equal(scalar(`geo_point_to_h3cell(${centre[0]}, ${centre[1]}, 6)`), CELL);
  });

  it('walks the hierarchy: parents, children and their limits', () => {
    assert.equal(scalar(`geo_h3cell_parent("${CELL}")`), '852a1073fffffff');
    assert.equal(scalar(`geo_h3cell_parent("${CELL}", 6)`), CELL);
    assert.equal(scalar(`geo_h3cell_parent("${CELL}", 7)`), '');
    assert.equal(scalar(`geo_h3cell_parent(geo_point_to_h3cell(1, 1, 0))`), '');
    assert.equal(scalar(`array_length(geo_h3cell_children("${CELL}"))`), 7);
    assert.equal(scalar(`array_length(geo_h3cell_children("${CELL}", 11))`), 16807);
    assert.equal(scalar(`geo_h3cell_children("${CELL}", 12)`), null);
    assert.equal(scalar(`geo_h3cell_children("${CELL}", 5)`), null);
    assert.equal(scalar(`geo_h3cell_children(geo_point_to_h3cell(1, 1, 15))`), null);
    assert.equal(scalar(`geo_h3cell_parent(tostring(geo_h3cell_children("${CELL}")[3]))`), CELL);
  });

  it('lists neighbours and rings, with a pentagon having five neighbours', () => {
    assert.equal(scalar(`array_length(geo_h3cell_neighbors("${CELL}"))`), 6);
    assert.deepEqual(scalar(`geo_h3cell_rings("${CELL}", 0)`), [[CELL]]);
    assert.deepEqual(scalar(`geo_h3cell_rings("${CELL}", 1)[1]`), scalar(`geo_h3cell_neighbors("${CELL}")`));
    assert.equal(scalar(`array_length(geo_h3cell_rings("${CELL}", 3)[3])`), 18);
    assert.equal(scalar('array_length(geo_h3cell_neighbors("8009fffffffffff"))'), 5);
    assert.equal(scalar(`geo_h3cell_rings("${CELL}", 143)`), null);
    assert.equal(scalar(`geo_h3cell_rings("${CELL}", -1)`), null);
    assert.equal(scalar(`geo_h3cell_rings("${CELL}", int(null))`), null);
  });

  it('gives null (or an empty parent) for tokens that are not cells', () => {
    for (const token of ['""', '"abc"', '"@"', '"ü"', '"862a1072ffffffg"', '"862a1072fffffff0"', '"日本"']) {
      assert.equal(scalar(`geo_h3cell_level(${token})`), null, token);
      assert.equal(scalar(`geo_h3cell_to_polygon(${token})`), null, token);
      assert.equal(scalar(`geo_h3cell_neighbors(${token})`), null, token);
      assert.equal(scalar(`geo_h3cell_parent(${token})`), '', token);
    }
  });

  it('refuses another spelling of a cell token', () => {
    assert.throws(
      () => scalar('geo_h3cell_level("862A1072FFFFFFF")'),
      refusedWith(/geo_h3cell_level\(\).*spelling/),
    );
  });
});

describe('executor: S2 cells', () => {
  it('finds the cell of a point, by default at level 11', () => {
    assert.equal(scalar('geo_point_to_s2cell(-80.195829, 25.802215, 8)'), '88d9b');
    assert.equal(scalar('strlen(geo_point_to_s2cell(-80.195829, 25.802215))'), 7);
    assert.equal(scalar('geo_point_to_s2cell(0, 0, 0)'), '1');
    assert.equal(scalar('strlen(geo_point_to_s2cell(0.5, 0.5, 30))'), 16);
  });

  it('gives an empty string for invalid coordinates or level', () => {
    for (const args of ['300, 1', '1, -95', '1, 1, -1', '1, 1, 31', '1, 1, int(null)'])
      assert.equal(scalar(`geo_point_to_s2cell(${args})`), '', args);
  });

  it('gives the centre and the four corners of a cell', () => {
    const centre = coords(scalar('geo_s2cell_to_central_point("1")')) as number[];
    close(centre[0], 0, 'face 0 centre longitude');
    close(centre[1], 0, 'face 0 centre latitude');
    const ring = (coords(scalar('geo_s2cell_to_polygon("89c259")')) as number[][][])[0];
    assert.equal(ring.length, 5);
    assert.deepEqual(ring[0], ring[4]);
    close(ring[1][1], 40.7222262918358, 'second corner latitude');
    const [lng, lat] = coords(scalar('geo_s2cell_to_central_point("89c259")')) as number[];
    assert.equal(scalar(`geo_point_to_s2cell(${lng}, ${lat}, 10)`), '89c259');
  });

  it('gives null for tokens that are not cells', () => {
    for (const token of ['""', '"a"', '"X"', '"ü"', '"0"', '"89c259g"', '"12345678901234567"', '"日本"'])
      assert.equal(scalar(`geo_s2cell_to_central_point(${token})`), null, token);
  });

  it('refuses another spelling of a token and the neighbours, whose order the page leaves open', () => {
    assert.throws(() => scalar('geo_s2cell_to_polygon("89C259")'), refusedWith(/spelling/));
    assert.throws(() => scalar('geo_s2cell_to_polygon("89c2590")'), refusedWith(/spelling/));
    assert.throws(
      () => scalar("geo_s2cell_neighbors('89c259')"),
      refusedWith(/geo_s2cell_neighbors\(\).*order/),
    );
    assert.equal(scalar("geo_s2cell_neighbors('a')"), null);
  });
});

describe('executor: cell coverings and the IP look-up stay refused by name', () => {
  const square = 'dynamic({"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]})';
  it('refuses each covering with what its page leaves undefined', () => {
    assert.throws(
      () => scalar(`geo_polygon_to_s2cells(${square})`),
      refusedWith(/geo_polygon_to_s2cells\(\).*covering/),
    );
    assert.throws(
      () => scalar(`geo_polygon_to_h3cells(${square})`),
      refusedWith(/geo_polygon_to_h3cells\(\).*order/),
    );
    assert.throws(
      () => scalar('geo_line_to_s2cells(dynamic({"type":"LineString","coordinates":[[0,0],[1,1]]}))'),
      refusedWith(/geo_line_to_s2cells\(\).*no example/),
    );
    assert.equal(scalar(`geo_polygon_to_s2cells(${square}, 31)`), null);
    assert.equal(
      scalar('geo_polygon_to_s2cells(dynamic({"type":"Polygon","coordinates":[[[0,0],[1,1]]]}))'),
      null,
    );
    assert.equal(scalar('geo_polygon_to_s2cells(dynamic(null))'), null);
  });

  it('gives null, as the pages say, for an invalid shape or level of the other two coverings', () => {
    const square = 'dynamic({"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]})';
    const line = 'dynamic({"type":"LineString","coordinates":[[0,0],[1,1]]})';
    for (const call of [
      'geo_polygon_to_h3cells(dynamic({"type":"Polygon","coordinates":[[[0,0],[1,1]]]}))',
      'geo_polygon_to_h3cells(dynamic(null))',
      `geo_polygon_to_h3cells(${square}, 16)`,
      `geo_polygon_to_h3cells(${square}, -1)`,
      `geo_polygon_to_h3cells(${square}, int(null))`,
      'geo_line_to_s2cells(dynamic({"type":"LineString","coordinates":[[[0,0],[0,0]]]}))',
      'geo_line_to_s2cells(dynamic({"type":"LineString","coordinates":[[0,0]]}))',
      `geo_line_to_s2cells(${square})`,
      `geo_line_to_s2cells(${line}, 31)`,
      `geo_line_to_s2cells(${line}, int(null))`,
    ])
      assert.equal(scalar(call), null, call);
    // A radius the pages do not call invalid still meets the refusal, rather than a guessed null.
    assert.throws(
      () => scalar(`geo_line_to_s2cells(${line}, 11, -1.0)`),
      refusedWith(/geo_line_to_s2cells\(\)/),
    );
    assert.throws(
      () => scalar(`geo_polygon_to_h3cells(${square}, 15)`),
      refusedWith(/geo_polygon_to_h3cells\(\)/),
    );
    assert.throws(
      () => scalar('geo_info_from_ip_address("20.53.203.50")'),
      refusedWith(/geolocation database/),
    );
  });

  it('groups rows by cell in a summarize', () => {
    const r = rows(
      'T | summarize n = count() by cell = geo_point_to_h3cell(lng, lat, 5) | order by cell asc',
      {
        T: [
          { lng: -73.956683, lat: 40.807907 },
          { lng: -73.916869, lat: 40.818314 },
          { lng: -73.989148, lat: 40.743273 },
        ],
      },
    );
    assert.deepEqual(r, [
      ['852a100bfffffff', 2],
      ['852a1073fffffff', 1],
    ]);
  });
});

describe('executor: cell outlines at the antimeridian and the poles', () => {
  it('writes geohash rectangles at the edge of the world with their -180 and +180 sides', () => {
    assert.deepEqual(coords(scalar('geo_geohash_to_polygon("z")')), [
      [
        [135, 45],
        [180, 45],
        [180, 90],
        [135, 90],
        [135, 45],
      ],
    ]);
    assert.equal((coords(scalar('geo_geohash_to_polygon("0")')) as number[][][])[0][0][0], -180);
  });

  it('refuses H3 and S2 outlines across the antimeridian or round a pole, which the pages never print', () => {
    for (const q of [
      'geo_h3cell_to_polygon(geo_point_to_h3cell(179.99, 0, 2))',
      'geo_h3cell_to_polygon(geo_point_to_h3cell(0, 90, 0))',
      'geo_s2cell_to_polygon(geo_point_to_s2cell(0, 90, 0))',
      'geo_s2cell_to_polygon(geo_point_to_s2cell(179.99, 0, 3))',
    ])
      assert.throws(() => scalar(q), refusedWith(/antimeridian/), q);
    // The centres of those cells are plain points.
    assert.equal(typeof scalar('geo_h3cell_to_central_point(geo_point_to_h3cell(179.99, 0, 2))'), 'object');
  });
});
