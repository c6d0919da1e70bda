import { sketchOf } from './sketchValues';

/**
 * JSON text of a dynamic value that may hold longs beyond 2^53 (bigints, exactJson.ts). JSON.stringify
 * throws on a bigint, and writing it as a double would round it, so such a long is written as its
 * exact digits, a JSON number, as Kusto writes a long inside a dynamic value.
 */

/** The JSON text of a dynamic value, with each bigint inside as its exact digits. */
export function dynamicJson(v: unknown, space?: number): string {
  try {
    return JSON.stringify(v, null, space);
  } catch (e) {
    if (!(e instanceof TypeError) || !holdsBigint(v)) throw e;
  }
  // The mark is new for each call, so no string of the value itself can pass for a marked long.
  const mark = `long${Math.random().toString(36).slice(2)}${Date.now().toString(36)}:`;
  const text = JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? `${mark}${x}` : x), space);
  return text.replace(new RegExp(`"${mark}(-?\\d+)"`, 'g'), '$1');
}

/** Whether a dynamic value holds a long beyond 2^53 anywhere inside (a sketch is no such value). */
export function holdsBigint(v: unknown): boolean {
  if (typeof v === 'bigint') return true;
  if (v && typeof v === 'object' && sketchOf(v)) return false;
  if (Array.isArray(v)) return v.some(holdsBigint);
  if (v && typeof v === 'object') return Object.values(v).some(holdsBigint);
  return false;
}
