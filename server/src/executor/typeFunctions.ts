import { randomUUID } from 'node:crypto';
import { UnsupportedError } from './errors';
import type { FunctionCall, ScalarFunction } from './scalarFunctions';
import { fromExternal } from './values';
import { wholeRealOf } from './wholeReals';

/** Type inspection and conversion functions: gettype, tobool, toguid, tohex, new_guid,
 * isnan, isinf, isfinite.
 */

/** gettype() of a dynamic value names what the value holds (gettype-function.md). */
function dynamicTypeName(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'array';
  // A whole real keeps its type inside a dynamic value (wholeReals.ts).
  if (wholeRealOf(v) !== undefined) return 'real';
  if (typeof v === 'object') return 'dictionary';
  if (typeof v === 'boolean') return 'bool';
  // A whole number in a dynamic value is an int when it fits 32 bits (gettype(parse_json('1')) is int).
  if (typeof v === 'number')
    return Number.isInteger(v) ? (Math.abs(v) <= 2_147_483_647 ? 'int' : 'long') : 'real';
  // A long beyond 2^53 (exactJson.ts).
  if (typeof v === 'bigint') return 'long';
  return 'string';
}

const GUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

function toGuid(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const s = v.trim();
  if (!GUID.test(s)) return null;
  const hex = s.replace(/-/g, '').toLowerCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * tohex(value [, minLength]): lowercase hex; a negative int is its 32-bit two's complement and a
 * negative long its 64-bit one; minLength pads with zeros up to 16 (tohex-function.md).
 */
function tohex(c: FunctionCall): string | null {
  const v = c.args[0];
  if (typeof v !== 'number') return null;
  const type = c.argTypes[0];
  if (type !== 'int' && type !== 'long') throw new UnsupportedError(`tohex() of a ${type} value`);
  const hex =
    v >= 0
      ? v.toString(16)
      : type === 'int'
        ? (v >>> 0).toString(16)
        : BigInt.asUintN(64, BigInt(v)).toString(16);
  const min = c.args.length > 1 && typeof c.args[1] === 'number' ? Math.min(16, Math.trunc(c.args[1])) : 0;
  return hex.padStart(min, '0');
}

// A long beyond 2^53 inside a dynamic value is a finite number.
const real = (v: unknown): number | null =>
  typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : null;

export const TYPE_FUNCTIONS: Record<string, ScalarFunction> = {
  gettype: (c) => (c.argTypes[0] === 'dynamic' ? dynamicTypeName(c.args[0]) : c.argTypes[0]),
  tobool: (c) => {
    const v = c.args[0];
    if (v === null || v === undefined) return null;
    if (typeof v === 'boolean') return v;
    if (typeof v === 'number') return v !== 0;
    return fromExternal(v, 'bool');
  },
  toboolean: (c) => TYPE_FUNCTIONS.tobool(c),
  tohex,
  // A random GUID, as the page says; each call gives a new one.
  new_guid: () => randomUUID(),
  toguid: (c) => (c.argTypes[0] === 'guid' ? c.args[0] : toGuid(c.args[0])),
  isnan: (c) => {
    const v = real(c.args[0]);
    return v === null ? null : Number.isNaN(v);
  },
  isinf: (c) => {
    const v = real(c.args[0]);
    return v === null ? null : v === Infinity || v === -Infinity;
  },
  isfinite: (c) => {
    const v = real(c.args[0]);
    return v === null ? null : Number.isFinite(v);
  },
};
