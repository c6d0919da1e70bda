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

  it('reports bad options at the operator', () => {
    assert.throws(
      () => kv('a=1', 'a:long', 'regex=@"(\\w+)=(\\w+)=(\\w+)"'),
      (e) => e instanceof ExecutionError && /exactly two capturing groups/.test(e.message),
    );
    assert.throws(
      () => kv('a=1', 'a:long', 'pair_delimiter=";"'),
      (e) => e instanceof ExecutionError && /given together/.test(e.message),
    );
  });

  describe('without delimiters', () => {
    const words = (text: string, keys: string, options = '') =>
      rows(
        `print s = ${JSON.stringify(text)} | parse-kv s as (${keys})${options ? ` with (${options})` : ''} | project-away s`,
      );

    it('splits at every character that is not a letter or digit, so a value is one word', () => {
      assert.deepEqual(
        words('user=alice|port=8080 ; mode: read write', 'user:string, port:long, mode:string'),
        [['alice', 8080, 'read']],
      );
      // An underscore or a dot is not a letter or digit either; letters of any script are.
      assert.deepEqual(words('host_name=srv.local größe=12', "host:string, ['größe']:long"), [['name', 12]]);
    });

    it('takes the first appearance, null or empty for an absent key, and reads quoted words', () => {
      assert.deepEqual(words('a 1 a 2', 'a:long, b:long, c:string'), [[1, null, '']]);
      assert.deepEqual(words('msg="disk full, retry" code=7', 'msg:string, code:long', "quote='\"'"), [
        ['disk full, retry', 7],
      ]);
      assert.deepEqual(words('note=[a [b\\] c] n=1', 'note:string, n:long', "quote='[]', escape='\\\\'"), [
        ['a [b] c', 1],
      ]);
    });

    it('refuses a row where pairing words from the start and taking the word after a key disagree', () => {
      // Words: 10, 00, level, warn. From the start 'level' is a key whose value is 'warn'; but in
      // "09 10 00 level warn" it would be a value, so the page's rule is needed and it is silent.
      assert.deepEqual(words('10:00 level=warn', 'level:string'), [['warn']]);
      assert.throws(() => words('09:10:00 level=warn', 'level:string'), refusedWith(/the key 'level'/));
      assert.throws(
        () => words('a=1', 'a:long', 'greedy=true'),
        refusedWith(/greedy=true without delimiters/),
      );
    });
  });
});
