import type { ScalarFunction } from './scalarFunctions';
import { fromExternal } from './values';

/** Type inspection and conversion functions: gettype, tobool, toguid, isnan, isinf, isfinite. */

/** gettype() of a dynamic value names what the value holds (gettype-function.md). */
function dynamicTypeName(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'object') return 'dictionary';
  if (typeof v === 'boolean') return 'bool';
  // A whole number in a dynamic value is an int when it fits 32 bits (gettype(parse_json('1')) is int).
  if (typeof v === 'number')
    return Number.isInteger(v) ? (Math.abs(v) <= 2_147_483_647 ? 'int' : 'long') : 'real';
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

const real = (v: unknown): number | null => (typeof v === 'number' ? v : null);

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
