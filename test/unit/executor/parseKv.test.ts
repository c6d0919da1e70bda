import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ExecutionError } from '../../../server/src/executor/errors';
import { refusedWith, rows } from './executorHarness';

const kv = (text: string, keys: string, options: string) =>
  rows(`print s = ${JSON.stringify(text)} | parse-kv s as (${keys}) with (${options}) | project-away s`);

/** parse-kv (parse-kv-operator.md) beyond the page's own examples, which are conformance cases. */
describe('executor: parse-kv', () => {
  const semi = 'pair_delimiter=";", kv_delimiter="="';

  it('takes the first appearance of a key, and null or empty for an absent one', () => {
    assert.deepEqual(kv('a=1;b=2;a=3;c', 'a:long, b:long, c:string, d:long', semi), [[1, 2, '', null]]);
  });

  it('trims keys and values, skips pieces with no key-value delimiter, and keeps unicode', () => {
    assert.deepEqual(kv('  naïve = café ; junk ; b= 2 ', "['naïve']:string, b:int", semi), [['café', 2]]);
  });

  it('gives null when a value does not convert to the key type, and null for a null input', () => {
    assert.deepEqual(kv('n=abc;t=2024-01-02', 'n:long, t:datetime', semi), [[null, '2024-01-02T00:00:00Z']]);
    assert.deepEqual(rows(`print s = "" | parse-kv s as (a:long) with (${semi}) | project a`), [[null]]);
  });

  it('reads multi-character delimiters', () => {
    assert.deepEqual(kv('a:=1 && b:=two', 'a:long, b:string', 'pair_delimiter="&&", kv_delimiter=":="'), [
      [1, 'two'],
    ]);
  });

  it('reports bad options at the operator and refuses the delimiter-less mode by name', () => {
    assert.throws(
      () => kv('a=1', 'a:long', 'regex=@"(\\w+)=(\\w+)=(\\w+)"'),
      (e) => e instanceof ExecutionError && /exactly two capturing groups/.test(e.message),
    );
    assert.throws(
      () => kv('a=1', 'a:long', 'pair_delimiter=";"'),
      (e) => e instanceof ExecutionError && /given together/.test(e.message),
    );
    assert.throws(
      () => rows('print s = "a:1" | parse-kv s as (a:long)'),
      refusedWith(/parse-kv without delimiters/),
    );
  });
});
