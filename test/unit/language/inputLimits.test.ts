import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkInputLimits, DEFAULT_INPUT_LIMITS } from '../../../server/src/language/inputLimits';

const limits = { ...DEFAULT_INPUT_LIMITS, maxDocumentSize: 10_000, maxQueries: 5, maxNestingDepth: 10 };

test('ordinary queries pass every limit', () => {
  assert.equal(checkInputLimits('DeviceNetworkEvents\n| where RemotePort in (443, 80)\n| summarize count() by bin(Timestamp, 1h)', limits), undefined);
});

test('a document over the size limit is reported with the setting to raise', () => {
  const f = checkInputLimits('print 1\n'.repeat(2000), limits)!;
  assert.equal(f.code, 'KQLH-LIMIT-SIZE');
  assert.match(f.message, /kqlHunting\.limits\.maxDocumentSize/);
  assert.match(f.message, /16,000 characters/);
});

test('too many blank-line separated queries are reported', () => {
  const text = Array.from({ length: 6 }, (_, i) => `print ${i}`).join('\n\n');
  assert.equal(checkInputLimits(text, limits)?.code, 'KQLH-LIMIT-QUERIES');
  assert.equal(checkInputLimits(Array.from({ length: 5 }, (_, i) => `print ${i}`).join('\n  \n'), limits), undefined);
});

test('deep nesting is reported where it exceeds the limit', () => {
  const text = 'print x = ' + '('.repeat(11) + '1' + ')'.repeat(11);
  const f = checkInputLimits(text, limits)!;
  assert.equal(f.code, 'KQLH-LIMIT-NESTING');
  assert.equal(f.start, 'print x = '.length + 10);
});

test('brackets inside strings and comments do not count as nesting', () => {
  const text = `print x = "${'('.repeat(50)}", y = @'${'['.repeat(50)}' // ${'{'.repeat(50)}\n| take 1`;
  assert.equal(checkInputLimits(text, limits), undefined);
});

test('binary data is recognised by a NUL or by many control characters', () => {
  assert.equal(checkInputLimits('print 1\u0000', limits)?.code, 'KQLH-LIMIT-BINARY');
  assert.equal(checkInputLimits('\u0001\u0002\u0003print 1', limits)?.code, 'KQLH-LIMIT-BINARY');
  assert.equal(checkInputLimits('print "a\tb"\r\n', limits), undefined);
});

test('lone UTF-16 surrogates are text, not binary', () => {
  assert.equal(checkInputLimits('print x = "\uD800 \uDC00"', limits), undefined);
});
