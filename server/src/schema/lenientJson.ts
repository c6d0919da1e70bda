/**
 * JSON as hand-edited schema files really are: a byte-order mark, comments and trailing commas
 * are accepted (Newtonsoft, which Sentinel's own validation used, accepts them too), so only a
 * file that is truly broken is refused.
 */

export type LenientJsonResult = { ok: true; value: unknown } | { ok: false; message: string; offset: number };

export function parseLenientJson(text: string): LenientJsonResult {
  const cleaned = stripJsonQuirks(text);
  try {
    return { ok: true, value: JSON.parse(cleaned) };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    // V8 reports "... at position N"; the cleaned text keeps every offset of the original.
    const position = /position (\d+)/.exec(message);
    return { ok: false, message: message.replace(/^JSON\.parse: /, ''), offset: position ? Number(position[1]) : 0 };
  }
}

/**
 * Blanks out a BOM, comments and trailing commas with spaces, so that offsets in the result
 * are offsets in the original text and an error can be placed where the user sees it.
 */
export function stripJsonQuirks(text: string): string {
  const out = text.split('');
  if (out[0] === '\uFEFF') out[0] = ' ';
  let i = 0;
  let lastSignificant = -1;
  while (i < out.length) {
    const ch = out[i];
    if (ch === '"') {
      i = skipString(out, i);
      lastSignificant = i - 1;
      continue;
    }
    if (ch === '/' && out[i + 1] === '/') {
      while (i < out.length && out[i] !== '\n') out[i++] = ' ';
      continue;
    }
    if (ch === '/' && out[i + 1] === '*') {
      while (i < out.length && !(out[i] === '*' && out[i + 1] === '/')) {
        if (out[i] !== '\n') out[i] = ' ';
        i++;
      }
      if (i < out.length) out[i] = out[i + 1] = ' ';
      i += 2;
      continue;
    }
    if ((ch === '}' || ch === ']') && lastSignificant >= 0 && out[lastSignificant] === ',') out[lastSignificant] = ' ';
    if (!/\s/.test(ch)) lastSignificant = i;
    i++;
  }
  return out.join('');
}

function skipString(chars: string[], start: number): number {
  let i = start + 1;
  while (i < chars.length && chars[i] !== '"') i += chars[i] === '\\' ? 2 : 1;
  return i + 1;
}
