import * as assert from 'node:assert/strict';
import type { KqlRegion } from '../../../server/src/documents/regions';

/**
 * The properties every region must have, whatever file it came from: every region offset maps
 * into the document and back to itself, and every visible character sits on the same character
 * in the document (or on the backslash of the escape that produced it).
 */
export function assertExactMapping(document: string, region: KqlRegion, label = ''): void {
  const { text } = region;
  for (let i = 0; i <= text.length; i++) {
    const d = region.toDocumentOffset(i);
    assert.ok(d >= 0 && d <= document.length, `${label} offset ${i} maps outside the document (${d})`);
    const isLowSurrogate = i < text.length && /[\udc00-\udfff]/.test(text[i]);
    // The end of a text ending in line breaks stays on the last line: it maps back to the first of those breaks.
    const trailingBreakAt = text.length - (/\n*$/.exec(text)?.[0].length ?? 0);
    const back = region.toRegionOffset(d);
    if (i === text.length && text.endsWith('\n'))
      assert.ok(back !== undefined && back >= trailingBreakAt, `${label} end maps back to ${back}`);
    else if (!isLowSurrogate) assert.equal(back, i, `${label} offset ${i} -> ${d} does not map back`);
    if (i < text.length && /[A-Za-z0-9|()=<>!"'~_.,;:]/.test(text[i])) {
      const c = document[d];
      assert.ok(
        c === text[i] || c === '\\' || (text[i] === "'" && c === "'"),
        `${label} char ${JSON.stringify(text[i])} at ${i} maps to ${JSON.stringify(c)} at ${d}`,
      );
    }
  }
}

/** The document offset of the n-th occurrence of `needle`. */
export function offsetOf(text: string, needle: string, occurrence = 0): number {
  let at = -1;
  for (let k = 0; k <= occurrence; k++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `${needle} not found`);
  }
  return at;
}
