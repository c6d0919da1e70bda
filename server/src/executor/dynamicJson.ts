import { sketchOf } from './sketchValues';
import { holdsWholeReal, wholeRealJson, wholeRealOf } from './wholeReals';

/**
 * JSON text of a dynamic value that may hold longs beyond 2^53 (bigints, exactJson.ts). JSON.stringify
 * throws on a bigint, and writing it as a double would round it, so such a long is written as its
 * exact digits, a JSON number, as Kusto writes a long inside a dynamic value.
 */

/**
 * The JSON text of a dynamic value, with each bigint inside as its exact digits and each whole
 * real (wholeReals.ts) with its decimal point.
 */
export function dynamicJson(v: unknown, space?: number): string {
  const reals = holdsWholeReal(v);
  if (!reals)
    try {
      return JSON.stringify(v, null, space);
    } catch (e) {
      if (!(e instanceof TypeError) || !holdsBigint(v)) throw e;
    }
  // The mark is new for each call, so no string of the value itself can pass for a marked number.
  const mark = `num${Math.random().toString(36).slice(2)}${Date.now().toString(36)}:`;
  const text = JSON.stringify(
    reals ? marked(v, mark) : v,
    (_k, x: unknown) => (typeof x === 'bigint' ? `${mark}${x}` : x),
    space,
  );
  return text.replace(new RegExp(`"${mark}(-?[\\d.]+)"`, 'g'), '$1');
}

/** A copy of the value with each whole real made its marked JSON text (JSON.stringify cannot read a marker). */
function marked(v: unknown, mark: string): unknown {
  const n = wholeRealOf(v);
  if (n !== undefined) return `${mark}${wholeRealJson(n)}`;
  if (Array.isArray(v)) return v.map((x) => marked(x, mark));
  if (v && typeof v === 'object' && !sketchOf(v))
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, marked(x, mark)]));
  return v;
}

/** Whether a dynamic value holds a long beyond 2^53 anywhere inside (a sketch is no such value). */
export function holdsBigint(v: unknown): boolean {
  if (typeof v === 'bigint') return true;
  if (v && typeof v === 'object' && (sketchOf(v) || wholeRealOf(v) !== undefined)) return false;
  if (Array.isArray(v)) return v.some(holdsBigint);
  if (v && typeof v === 'object') return Object.values(v).some(holdsBigint);
  return false;
}
