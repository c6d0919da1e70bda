import { UnsupportedError } from './errors';
import type { FunctionCall, ScalarFunction } from './scalarFunctions';
import { normalLong } from './longs';
import { EPOCH_TICKS } from './ticks';
import { xxhash64 } from './xxhash64';

/**
 * hash() and hash_xxhash64() (hash-function.md, hash-xxhash64-function.md): XXH64 of the value's
 * bytes, as a signed long. The bytes are known for a string (its UTF-8) and a datetime (its ticks
 * since 0001-01-01 as a little-endian long): both reproduce the pages' example values. Which
 * bytes stand for a number, a bool, a timespan or a guid the pages do not say, so those are
 * refused by name. A hash is usually beyond 2^53 and is held as an exact long (longs.ts); with
 * `mod` the page promises a value in 0..mod-1, which is the remainder for a non-negative hash (its
 * example); for a negative one the page does not say how it is reduced, so that is refused.
 */

function hashBytes(name: string, v: unknown, type: string): Uint8Array | null {
  if (type === 'string') return new TextEncoder().encode(typeof v === 'string' ? v : '');
  if (v === null || v === undefined) return null;
  if (type === 'datetime') {
    const bytes = new Uint8Array(8);
    new DataView(bytes.buffer).setBigInt64(0, (v as bigint) + EPOCH_TICKS, true);
    return bytes;
  }
  throw new UnsupportedError(`${name}() of a ${type} value`, 'the page does not say which bytes it hashes');
}

function hash(name: string): ScalarFunction {
  return (c: FunctionCall) => {
    const bytes = hashBytes(name, c.args[0], c.argTypes[0]);
    if (bytes === null) return null;
    const h = BigInt.asIntN(64, xxhash64(bytes));
    if (c.args.length < 2) return normalLong(h);
    const mod = c.args[1];
    if (typeof mod === 'bigint') return mod > 0n && h >= 0n ? normalLong(h % mod) : refuseMod(name, mod, h);
    if (typeof mod !== 'number') return null;
    if (!Number.isInteger(mod) || mod <= 0) throw new UnsupportedError(`${name}() with the mod ${mod}`);
    if (h < 0n)
      throw new UnsupportedError(
        `${name}() with mod of a value whose hash is negative`,
        'the page does not say how it is reduced to 0..mod-1',
      );
    return Number(h % BigInt(mod));
  };
}

function refuseMod(name: string, mod: bigint, h: bigint): never {
  if (mod <= 0n) throw new UnsupportedError(`${name}() with the mod ${mod}`);
  throw new UnsupportedError(
    `${name}() with mod of a value whose hash (${h}) is negative`,
    'the page does not say how it is reduced to 0..mod-1',
  );
}

/**
 * The pages name xxhash64 for each value but not the step that combines the hashes, and none of
 * the usual combiners (boost's hash_combine, multiply-and-add or shift-and-xor folds, xxHash's
 * own rounds, XXH64 or XXH3 over the hashes' bytes, Murmur, City, FNV) reproduces the page's
 * example, so the functions stay refused rather than give a plausible but wrong hash.
 */
function combining(name: string): ScalarFunction {
  return () => {
    throw new UnsupportedError(`${name}()`, 'its page does not say how the hashes are combined');
  };
}

export const HASH_FUNCTIONS: Record<string, ScalarFunction> = {
  hash: hash('hash'),
  hash_xxhash64: hash('hash_xxhash64'),
  hash_many: combining('hash_many'),
  hash_combine: combining('hash_combine'),
};
