import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import {
  applyInputLimits,
  blockSpans,
  DEFAULT_INPUT_LIMITS,
  type LimitFinding,
} from '../../../server/src/language/inputLimits';
import { sliceRegion, wholeTextRegion } from '../../../server/src/documents/regions';

const limits = { ...DEFAULT_INPUT_LIMITS, maxDocumentSize: 10_000, maxQueries: 5, maxNestingDepth: 10 };

/** The one finding for a single-query text, or undefined when it passes. */
function check(text: string): LimitFinding | undefined {
  const { findings } = applyInputLimits([wholeTextRegion(text)], limits);
  assert.ok(findings.length <= 1, JSON.stringify(findings));
  return findings[0];
}

test('ordinary queries pass every limit and keep their region', () => {
  const region = wholeTextRegion(
    'DeviceNetworkEvents\n| where RemotePort in (443, 80)\n| summarize count() by bin(Timestamp, 1h)',
  );
  const out = applyInputLimits([region], limits);
  assert.deepEqual(out.findings, []);
  assert.equal(out.regions[0], region);
});

test('a query over the size limit is refused with the setting to raise', () => {
  const f = check('print 1\n'.repeat(2000))!;
  assert.equal(f.code, 'KQLH-LIMIT-SIZE');
  assert.match(f.message, /15,999 characters.*maxDocumentSize \(10,000\)/);
});

test('queries past the count budget are refused under one finding on the first of them', () => {
  const text = Array.from({ length: 8 }, (_, i) => `print ${i}`).join('\n\n');
  const out = applyInputLimits([wholeTextRegion(text)], limits);
  assert.equal(out.findings.length, 1);
  assert.equal(out.findings[0].code, 'KQLH-LIMIT-QUERIES');
  assert.equal(out.findings[0].start, text.indexOf('print 5'));
  assert.match(out.findings[0].message, /this query and the 2 after it are not analysed/);
  assert.equal(out.regions[0].text.trim(), Array.from({ length: 5 }, (_, i) => `print ${i}`).join('\n\n'));
  assert.equal(check(Array.from({ length: 5 }, (_, i) => `print ${i}`).join('\n  \n')), undefined);
});

test('deep nesting refuses only its own query, which is left out of the analysed text', () => {
  const deep = 'print x = ' + '('.repeat(11) + '1' + ')'.repeat(11);
  const text = `print a = 1\n\n${deep}\n\nprint b = 2`;
  const out = applyInputLimits([wholeTextRegion(text)], limits);
  assert.deepEqual(
    out.findings.map((f) => [f.code, f.start]),
    [['KQLH-LIMIT-NESTING', text.indexOf(deep) + 'print x = '.length + 10]],
  );
  const region = out.regions[0];
  assert.ok(!region.text.includes('((('));
  // Offsets on either side of the gap still map to their own characters.
  const b = region.text.indexOf('print b');
  assert.equal(region.toDocumentOffset(b), text.indexOf('print b'));
  assert.equal(region.toRegionOffset(text.indexOf('print b')), b);
  assert.equal(region.toRegionOffset(text.indexOf('((((')), undefined);
  assert.equal(region.editable, false);
});

test('brackets inside strings and comments do not count as nesting', () => {
  const text = `print x = "${'('.repeat(50)}", y = @'${'['.repeat(50)}' // ${'{'.repeat(50)}\n| take 1`;
  assert.equal(check(text), undefined);
});

test('binary data is recognised by a NUL or by many control characters', () => {
  assert.equal(check('print 1\u0000')?.code, 'KQLH-LIMIT-BINARY');
  assert.equal(check('\u0001\u0002\u0003print 1')?.code, 'KQLH-LIMIT-BINARY');
  assert.equal(check('print "a\tb"\r\n'), undefined);
});

test('lone UTF-16 surrogates are text, not binary', () => {
  assert.equal(check('print x = "\uD800 \uDC00"'), undefined);
});

test('findings are placed in the document through the region', () => {
  const doc = `# notes ${'('.repeat(300)}\n${'print ' + '['.repeat(11)}`;
  const start = doc.indexOf('print');
  const out = applyInputLimits([sliceRegion(doc, start, doc.length)], limits);
  assert.deepEqual(
    out.findings.map((f) => [f.code, f.start]),
    [['KQLH-LIMIT-NESTING', start + 'print '.length + 10]],
  );
});

test('blocks split as the engine splits them: a let prelude stays with its query', () => {
  const text = 'let x = 1;\n\nprint x\n\n// only a comment\nprint 2\n\n\nprint 3';
  assert.deepEqual(
    blockSpans(text).map(([s, e]) => text.slice(s, e).trim()),
    ['let x = 1;\n\nprint x', '// only a comment\nprint 2', 'print 3'],
  );
});
