import { UnsupportedError } from './errors';
import { refusingValue } from './refusingValue';
import { sketchOf } from './sketchValues';

/**
 * A whole real inside a dynamic value (2.0 in parse_json('[2.0]'), a real column's 1.0 in
 * make_list). As a plain JS number it could not be told from the int 2, yet Kusto keeps it a real:
 * gettype() names it real and its JSON text is written with a decimal point ([1.0], as the
 * series-*-function.md pages show). Such a real is held as a marker object: a value whose every
 * property read or key listing throws a refusal by name, so code that does not know the marker
 * cannot show or take it apart silently. Non-whole reals (2.5) stay plain numbers.
 */

const held = new WeakMap<object, number>();

/** The refusal of a whole real inside a dynamic value read by code not prepared for it. */
export function wholeRealRefusal(n: number | undefined, use: string): UnsupportedError {
  return new UnsupportedError(
    `${n === undefined ? 'a whole real' : `the whole real ${n}`} inside a dynamic value ${use}`,
    'the local executor keeps such a real apart from an int only where it was checked to',
  );
}

/** The marker for the real `n` inside a dynamic value; a non-whole or non-finite number stays as it is. */
export function wholeReal(n: number): unknown {
  if (!Number.isInteger(n)) return n;
  const refuse = (): never => {
    throw wholeRealRefusal(n, 'read as an ordinary dynamic value');
  };
  const value = refusingValue(refuse);
  held.set(value, n);
  return value;
}

/**
 * An array of reals as a dynamic value: each number made a real (a whole one a marker), anything
 * else (null, a non-array result) as it is. The series functions that compute in doubles give
 * such arrays (series-stats-dynamic-function.md prints min 2.0 for a series of longs).
 */
export function realArray(out: unknown): unknown {
  return Array.isArray(out) ? out.map((x) => (typeof x === 'number' ? wholeReal(x) : x)) : out;
}

/** The number a whole-real marker holds, if `v` is one. */
export function wholeRealOf(v: unknown): number | undefined {
  return typeof v === 'object' && v !== null ? held.get(v) : undefined;
}

/** Whether a dynamic value holds a whole real anywhere inside. */
export function holdsWholeReal(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return false;
  if (held.has(v)) return true;
  if (sketchOf(v)) return false;
  if (Array.isArray(v)) return v.some(holdsWholeReal);
  if (isPlainBag(v)) return Object.values(v).some(holdsWholeReal);
  return false;
}

/** A copy of a dynamic value with each whole real made the plain number it is (the pre-marker form). */
export function plainNumbers(v: unknown): unknown {
  const n = wholeRealOf(v);
  if (n !== undefined) return n;
  if (Array.isArray(v)) return v.some(holdsWholeReal) ? v.map(plainNumbers) : v;
  if (typeof v === 'object' && v !== null && isPlainBag(v) && holdsWholeReal(v))
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plainNumbers(x)]));
  return v;
}

/** A plain object (a property bag), not a marker, sketch or other class instance. */
function isPlainBag(v: object): boolean {
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * The JSON text of a whole real inside a dynamic value. The pages show such reals with one
 * fractional zero ([1.0,4.0,27.0,2.0] in series-pow-function.md); how Kusto writes one of 1e15 or
 * more (exponent form or digits) no page shows, so that is refused by name.
 */
export function wholeRealJson(n: number): string {
  if (Math.abs(n) >= 1e15 || Object.is(n, -0)) throw wholeRealRefusal(n, 'as JSON text');
  return `${n}.0`;
}
