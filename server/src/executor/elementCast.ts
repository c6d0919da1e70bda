import { UnsupportedError } from './errors';
import { fromExternal, type KqlType } from './values';
import { wholeRealOf, wholeRealRefusal } from './wholeReals';

/**
 * `to typeof(T)` of mv-expand and mv-apply: mv-expand-operator.md says applying the type is a cast
 * only, with no parsing or conversion, and that an element that does not conform becomes null
 * (mv-apply-operator.md says the same). So "7" is not a long and 1 is not a string.
 *
 * Two exceptions follow from how the executor holds dynamic values: a datetime or timespan inside
 * a dynamic value is kept as its text (make_list(Timestamp) gives ISO strings), so such text is
 * read back; and JSON does not tell 2.0 from 2, so any number is a real. A fractional number cast
 * to an integer type, or a long to an int it does not fit, is refused: whether the cast truncates
 * or fails is not written down.
 */
export function castElement(v: unknown, type: KqlType, operator: string): unknown {
  if (v === null || v === undefined) return type === 'string' ? '' : null;
  // A whole real (wholeReals.ts) is a real; whether a cast to an integer type takes it, or a cast
  // to string makes it empty, is not written down.
  const whole = wholeRealOf(v);
  if (whole !== undefined) {
    if (type === 'real' || type === 'dynamic') return type === 'real' ? whole : v;
    throw wholeRealRefusal(whole, `${operator} to typeof(${type})`);
  }
  switch (type) {
    case 'dynamic':
      return v;
    case 'string':
      return typeof v === 'string' ? v : '';
    case 'guid':
      return typeof v === 'string' ? fromExternal(v, 'guid') : null;
    case 'bool':
      return typeof v === 'boolean' ? v : null;
    case 'real':
      if (typeof v === 'bigint')
        throw new UnsupportedError(
          `${operator} to typeof(real) of the long ${v}`,
          'whether the cast converts a long element or makes it null is not written down',
        );
      return typeof v === 'number' ? v : null;
    case 'int':
    case 'long':
      // A long beyond 2^53 (exactJson.ts) is a long, and beyond an int.
      if (typeof v === 'bigint') {
        if (type === 'long') return v;
        throw new UnsupportedError(`${operator} to typeof(int) of ${v}, which is beyond an int`);
      }
      if (typeof v !== 'number') return null;
      if (!Number.isInteger(v))
        throw new UnsupportedError(`${operator} to typeof(${type}) of the fractional number ${v}`);
      if (type === 'int' && (v < -2147483648 || v > 2147483647))
        throw new UnsupportedError(`${operator} to typeof(int) of ${v}, which is beyond an int`);
      return v;
    case 'datetime':
    case 'timespan':
      return typeof v === 'string' || typeof v === 'bigint' ? fromExternal(v, type) : null;
    default:
      throw new UnsupportedError(`${operator} to typeof(${type})`);
  }
}
