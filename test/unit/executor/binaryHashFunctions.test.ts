import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { xxhash64 } from '../../../server/src/executor/xxhash64';
import { refusedWith, scalar } from './executorHarness';

/** Bitwise functions and xxhash64 hashes of issue 16, with the pages' values and xxHash's vectors. */
describe('executor: bitwise functions', () => {
  it('and, or, xor, not on 64-bit longs (binary-*-function.md)', () => {
    assert.equal(scalar('binary_and(6, 3)'), 2);
    assert.equal(scalar('binary_or(6, 3)'), 7);
    assert.equal(scalar('binary_xor(6, 3)'), 5);
    assert.equal(scalar('binary_not(100)'), -101);
    assert.equal(scalar('binary_not(-1)'), 0);
    assert.equal(scalar('binary_and(-1, 9007199254740991)'), 9007199254740991);
    assert.equal(scalar('binary_xor(int(null), 3)'), null);
    assert.equal(scalar('binary_not(long(null))'), null);
  });

  it('shifts by shift % 64, null for a negative shift (binary-shift-*-function.md)', () => {
    assert.equal(scalar('binary_shift_left(1, 2)'), 4);
    assert.equal(scalar('binary_shift_right(1, 2)'), 0);
    assert.equal(scalar('binary_shift_left(1, 66)'), 4);
    assert.equal(scalar('binary_shift_right(-8, 1)'), -4);
    assert.equal(scalar('binary_shift_left(1, -1)'), null);
    assert.equal(scalar('binary_shift_right(1024, 64)'), 1024);
    assert.equal(scalar('binary_shift_left(1, 52)'), 4503599627370496);
  });

  it('gives a result beyond 2^53 as an exact long', () => {
    assert.equal(scalar('binary_shift_left(1, 60)'), '1152921504606846976');
    assert.equal(scalar('binary_not(9007199254740991)'), '-9007199254740992');
    assert.equal(scalar('binary_shift_left(1, 63)'), '-9223372036854775808');
    assert.equal(scalar('binary_and(9223372036854775807, 9007199254740993)'), '9007199254740993');
    assert.equal(scalar('binary_xor(9007199254740993, 9007199254740992)'), 1);
  });
});

describe('executor: xxhash64 hashes', () => {
  it('matches xxHash published vectors at every input length path', () => {
    assert.equal(xxhash64(new Uint8Array()).toString(16), 'ef46db3751d8e999');
    assert.equal(xxhash64(new TextEncoder().encode('abc')).toString(16), '44bc2cf5ad770999');
    // 39 bytes: the 32-byte stripes, then an 8-byte lane, then single bytes.
    assert.equal(
      xxhash64(new TextEncoder().encode('Nobody inspects the spammish repetition')).toString(16),
      'fbcea83c8a378bf1',
    );
  });

  it('hashes a string and a datetime as the pages do (hash-function.md, hash-xxhash64-function.md)', () => {
    assert.equal(scalar('hash("World")'), '1846988464401551951');
    assert.equal(scalar('hash_xxhash64("World")'), '1846988464401551951');
    // The hash_combine page's h1, the one input of its example the executor can give.
    assert.equal(scalar('hash("Hello")'), '753694413698530628');
    // The pages' unreduced values, 1846988464401551951 and 1380966698541616202, reduced here.
    assert.equal(scalar('hash("World", 100)'), 51);
    assert.equal(scalar('hash_xxhash64("World", 100)'), 51);
    assert.equal(scalar('hash("World", 1000000007)'), Number(1846988464401551951n % 1000000007n));
    assert.equal(scalar('hash(datetime(2015-01-01), 1000)'), 202);
    // The page quotes the literal's text; both forms are the same instant.
    assert.equal(scalar('hash(datetime("2015-01-01"), 1000)'), 202);
    assert.equal(scalar('hash("Hello", 1000)'), 628);
    // Unicode text is hashed as its UTF-8 bytes (é is C3 A9).
    const e = BigInt.asIntN(64, xxhash64(new Uint8Array([0xc3, 0xa9])));
    if (e >= 0n) assert.equal(scalar('hash("é", 1000)'), Number(e % 1000n));
    else assert.throws(() => scalar('hash("é", 1000)'), refusedWith(/negative/));
  });

  it('refuses what it cannot give exactly or the pages do not define', () => {
    assert.throws(() => scalar('hash(42, 10)'), refusedWith(/hash\(\) of a long value/));
    assert.throws(() => scalar('hash_xxhash64(1.5, 10)'), refusedWith(/of a real value/));
    assert.throws(() => scalar('hash_many("Hello", "World")'), refusedWith(/hash_many\(\).*combined/));
    assert.throws(() => scalar('hash_combine(1, 2)'), refusedWith(/hash_combine\(\)/));
    assert.throws(() => scalar('hash("World", 0)'), refusedWith(/mod 0/));
    // The empty string's hash, 0xef46db3751d8e999, is negative as a long.
    assert.throws(() => scalar('hash("", 7)'), refusedWith(/hash is negative/));
  });
});
