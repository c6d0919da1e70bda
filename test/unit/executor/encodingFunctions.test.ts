import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UnsupportedError } from '../../../server/src/executor/errors';
import { scalar } from './executorHarness';

/** Hashes, parse_urlquery and code points, with their reference examples and edge cases. */
describe('executor: encoding functions', () => {
  it('hashes a string as the hex digest of its UTF-8 bytes (hash-sha256-function.md and siblings)', () => {
    assert.equal(
      scalar('hash_sha256("World")'),
      '78ae647dc5544d227130a0682a51e30bc7777fbb6d8a8f17007463a3ecd1d524',
    );
    assert.equal(scalar('hash_sha1("World")'), '70c07ec18ef89c5309bbb0937f3a6342411e1fdd');
    assert.equal(scalar('hash_md5("World")'), 'f5a7924e621e84c9280a9a27e1bcb7f6');
    // The empty string has a digest too; unicode is hashed as UTF-8.
    assert.equal(scalar('hash_md5("")'), 'd41d8cd98f00b204e9800998ecf8427e');
    assert.equal(scalar('hash_md5("é")'), '66ddcd97cfdeabb2f6fb8a999b4bc76f');
    assert.throws(
      () => scalar('hash_sha256(datetime(2020-01-01))'),
      (e) => e instanceof UnsupportedError && /hash_sha256\(\) of a datetime/.test(e.message),
    );
  });

  it('parse_urlquery splits a query into its parameters (parse-url-query-function.md)', () => {
    assert.deepEqual(scalar('parse_urlquery("k1=v1&k2=v2&k3=v3")'), {
      'Query Parameters': { k1: 'v1', k2: 'v2', k3: 'v3' },
    });
    assert.deepEqual(scalar('parse_urlquery("")'), { 'Query Parameters': {} });
    assert.deepEqual(scalar('parse_urlquery("flag&k=")'), { 'Query Parameters': { flag: '', k: '' } });
    assert.throws(() => scalar('parse_urlquery("q=a%20b")'), UnsupportedError);
    assert.throws(() => scalar('parse_urlquery("k=1&k=2")'), UnsupportedError);
  });

  it('builds a string from code points, null on an invalid one (unicode-codepoints-to-string-function.md)', () => {
    assert.equal(scalar('unicode_codepoints_to_string(75, 117, 115, 116, 111)'), 'Kusto');
    assert.equal(scalar('unicode_codepoints_to_string(dynamic([75, 117, 115]), 116, 111)'), 'Kusto');
    assert.equal(scalar('make_string(128512)'), '😀');
    // A string is never null in Kusto: the null string prints as the empty one.
    assert.equal(scalar('make_string(55296)'), '');
    assert.equal(scalar('isnull(make_string(1114112))'), false);
    assert.equal(scalar('isempty(make_string(1114112))'), true);
  });
});
