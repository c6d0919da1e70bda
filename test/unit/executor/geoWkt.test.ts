import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { refusedWith, scalar } from './executorHarness';

/** geo_from_wkt(): the text forms beside the page's examples, null for text that is not WKT, refusals for forms the page leaves open. */
describe('executor: geo_from_wkt', () => {
  it('reads keywords in any case, signed and exponent numbers, and both MULTIPOINT forms', () => {
    assert.deepEqual(scalar('geo_from_wkt("point(1 2)")'), { type: 'Point', coordinates: [1, 2] });
    assert.deepEqual(scalar('geo_from_wkt("POINT (-1.5e1 .5)")'), { type: 'Point', coordinates: [-15, 0.5] });
    assert.deepEqual(scalar('geo_from_wkt("MULTIPOINT ((1 2), (3 4))")'), {
      type: 'MultiPoint',
      coordinates: [
        [1, 2],
        [3, 4],
      ],
    });
    assert.deepEqual(
      scalar('geo_from_wkt("POLYGON ((0 0, 2 0, 2 2, 0 0), (0.5 0.5, 1 0.5, 1 1, 0.5 0.5))")'),
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [2, 0],
            [2, 2],
            [0, 0],
          ],
          [
            [0.5, 0.5],
            [1, 0.5],
            [1, 1],
            [0.5, 0.5],
          ],
        ],
      },
    );
  });

  it('gives null for text that is not well-known text', () => {
    for (const text of ['', 'nonsense', 'POINT (1 2) x', 'POINT (1)', 'CIRCLE (1 2)', 'LINESTRING (1 2, 3 4'])
      assert.equal(scalar(`geo_from_wkt("${text}")`), null, text);
  });

  it('refuses what the page leaves open: Z, M and EMPTY, out-of-range positions, short or open rings', () => {
    assert.throws(() => scalar('geo_from_wkt("POINT Z (1 2 3)")'), refusedWith(/POINT Z/));
    assert.throws(() => scalar('geo_from_wkt("POINT (1 2 3)")'), refusedWith(/more than two numbers/));
    assert.throws(() => scalar('geo_from_wkt("LINESTRING EMPTY")'), refusedWith(/LINESTRING EMPTY/));
    assert.throws(() => scalar('geo_from_wkt("POINT (200 2)")'), refusedWith(/outside longitude/));
    assert.throws(() => scalar('geo_from_wkt("LINESTRING (1 2)")'), refusedWith(/too few positions/));
    assert.throws(() => scalar('geo_from_wkt("POLYGON ((0 0, 2 0, 2 2, 0 1))")'), refusedWith(/not closed/));
  });
});
