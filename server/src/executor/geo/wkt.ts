import { UnsupportedError } from '../errors';
import type { ScalarFunction } from '../scalarFunctions';
import { validPoint } from './geoShapes';

/**
 * geo_from_wkt(): well-known text to a GeoJSON dynamic value (geo-from-wkt-function.md). Text that
 * is not well-known text gives null, as the page says. What the page leaves open is refused by name:
 * Z and M coordinates and EMPTY shapes, coordinates outside the longitude and latitude ranges, and
 * rings or lines too short to be valid shapes (whether those are "invalid" is not said).
 */

const FN = 'geo_from_wkt()';

class Syntax extends Error {}

type Coordinates = number[] | Coordinates[];

class Reader {
  private at = 0;
  constructor(private readonly text: string) {}

  private skip(): void {
    while (this.at < this.text.length && /\s/.test(this.text[this.at])) this.at++;
  }

  peek(): string {
    this.skip();
    return this.text[this.at] ?? '';
  }

  expect(ch: string): void {
    if (this.peek() !== ch) throw new Syntax();
    this.at++;
  }

  word(): string {
    this.skip();
    const m = /^[A-Za-z]+/.exec(this.text.slice(this.at));
    if (!m) throw new Syntax();
    this.at += m[0].length;
    return m[0].toUpperCase();
  }

  number(): number {
    this.skip();
    const m = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(this.text.slice(this.at));
    if (!m) throw new Syntax();
    this.at += m[0].length;
    return Number(m[0]);
  }

  end(): boolean {
    return this.peek() === '';
  }
}

function position(r: Reader): number[] {
  const lng = r.number();
  const lat = r.number();
  if (/[0-9+.-]/.test(r.peek()))
    throw new UnsupportedError(
      `${FN} of a position with more than two numbers`,
      'its page shows only two-dimensional positions',
    );
  if (!validPoint(lng, lat))
    throw new UnsupportedError(
      `${FN} of a position outside longitude [-180, 180] and latitude [-90, 90]`,
      'its page does not say whether such text is invalid',
    );
  return [lng, lat];
}

/** "(" item, item, ... ")" */
function list<T>(r: Reader, item: (r: Reader) => T): T[] {
  r.expect('(');
  const out = [item(r)];
  while (r.peek() === ',') {
    r.expect(',');
    out.push(item(r));
  }
  r.expect(')');
  return out;
}

function path(r: Reader, min: number): number[][] {
  const ps = list(r, position);
  if (ps.length < min)
    throw new UnsupportedError(
      `${FN} of a line or ring with too few positions`,
      'its page does not say whether it is invalid',
    );
  return ps;
}

function ring(r: Reader): number[][] {
  const ps = path(r, 4);
  const [a, b] = [ps[0], ps[ps.length - 1]];
  if (a[0] !== b[0] || a[1] !== b[1])
    throw new UnsupportedError(
      `${FN} of a ring that is not closed`,
      'its page does not say whether it is invalid',
    );
  return ps;
}

/** A MULTIPOINT's point, with or without its own parentheses. */
const multiPoint = (r: Reader): number[] => (r.peek() === '(' ? list(r, position)[0] : position(r));

const BODIES: Record<string, [string, (r: Reader) => Coordinates]> = {
  POINT: ['Point', (r) => list(r, position)[0]],
  LINESTRING: ['LineString', (r) => path(r, 2)],
  POLYGON: ['Polygon', (r) => list(r, ring)],
  MULTIPOINT: ['MultiPoint', (r) => list(r, multiPoint)],
  MULTILINESTRING: ['MultiLineString', (r) => list(r, (q) => path(q, 2))],
  MULTIPOLYGON: ['MultiPolygon', (r) => list(r, (q) => list(q, ring))],
};

function geometry(r: Reader): Record<string, unknown> {
  const kind = r.word();
  if (r.peek() !== '(') {
    const modifier = /^[A-Za-z]/.test(r.peek()) ? r.word() : '';
    if (['Z', 'M', 'ZM', 'EMPTY'].includes(modifier))
      throw new UnsupportedError(
        `${FN} of ${kind} ${modifier}`,
        'its page shows only two-dimensional, non-empty shapes',
      );
    throw new Syntax();
  }
  if (kind === 'GEOMETRYCOLLECTION') return { type: 'GeometryCollection', geometries: list(r, geometry) };
  const body = BODIES[kind];
  if (!body) throw new Syntax();
  return { type: body[0], coordinates: body[1](r) };
}

function fromWkt(text: unknown): unknown {
  if (typeof text !== 'string') return null;
  const r = new Reader(text);
  try {
    const g = geometry(r);
    return r.end() ? g : null;
  } catch (e) {
    if (e instanceof Syntax) return null;
    throw e;
  }
}

export const WKT_FUNCTIONS: Record<string, ScalarFunction> = {
  geo_from_wkt: (c) => fromWkt(c.args[0]),
};
