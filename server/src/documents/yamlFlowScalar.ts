import { MappedRegionBuilder } from './mappedRegion';
import { isBlank, sourceLines } from './sourceLines';

/**
 * Decodes YAML plain, single-quoted and double-quoted scalars (YAML 1.2 sections 7.3 and 7.4)
 * into the builder: line folding (a single break becomes a space, blank lines become breaks),
 * `''` in single quotes, and every double-quoted escape including escaped line breaks.
 */
export type FlowStyle = 'plain' | 'single' | 'double';

const SIMPLE_ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
};
const HEX_ESCAPES: Record<string, number> = { x: 2, u: 4, U: 8 };

/** Decodes the characters between `start` and `end` (quotes excluded) into the builder. */
export function decodeFlowScalar(
  source: string,
  start: number,
  end: number,
  style: FlowStyle,
  out: MappedRegionBuilder,
): void {
  const lines = sourceLines(source, start, end);
  let joinWithoutSpace = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    let from = line.start;
    let to = line.end;
    // Continuation lines lose their leading white space; the first line keeps it inside quotes.
    if (i > 0) while (from < to && isBlank(source[from])) from++;
    const isLast = i === lines.length - 1;
    let escapedBreak = false;
    if (!isLast) {
      if (style === 'double' && endsWithEscape(source, from, to)) {
        escapedBreak = true;
        to--;
      } else {
        while (
          to > from &&
          isBlank(source[to - 1]) &&
          !(style === 'double' && endsWithEscape(source, from, to - 1))
        )
          to--;
      }
    }
    if (i > 0 && from === to && !isLast) {
      // A blank line inside the scalar: it becomes a line break.
      out.atom(line.start, line.end - line.start + line.breakLength, '\n');
      continue;
    }
    if (i > 0 && !joinWithoutSpace && !previousWasBlank(lines, i, source)) {
      const prev = lines[i - 1];
      out.atom(prev.end, prev.breakLength, ' ');
    }
    joinWithoutSpace = escapedBreak;
    if (style === 'plain') out.copy(from, source.slice(from, to));
    else if (style === 'single') decodeSingle(source, from, to, out);
    else decodeDouble(source, from, to, out);
  }
}

/** True when the line before `i` was blank, so the break before line `i` was already emitted. */
function previousWasBlank(
  lines: readonly { start: number; end: number }[],
  i: number,
  source: string,
): boolean {
  if (i < 2) return false;
  const prev = lines[i - 1];
  for (let k = prev.start; k < prev.end; k++) if (!isBlank(source[k])) return false;
  return true;
}

/** True when `source[from, to)` ends with a backslash that is not itself escaped. */
function endsWithEscape(source: string, from: number, to: number): boolean {
  let n = 0;
  while (to - 1 - n >= from && source[to - 1 - n] === '\\') n++;
  return n % 2 === 1;
}

function decodeSingle(source: string, from: number, to: number, out: MappedRegionBuilder): void {
  let run = from;
  for (let k = from; k < to; k++) {
    if (source[k] === "'" && source[k + 1] === "'") {
      out.copy(run, source.slice(run, k));
      out.atom(k, 2, "'");
      k++;
      run = k + 1;
    }
  }
  out.copy(run, source.slice(run, to));
}

function decodeDouble(source: string, from: number, to: number, out: MappedRegionBuilder): void {
  let run = from;
  for (let k = from; k < to; k++) {
    if (source[k] !== '\\') continue;
    out.copy(run, source.slice(run, k));
    const c = source[k + 1];
    const hexLength = HEX_ESCAPES[c];
    if (hexLength) {
      const code = parseInt(source.slice(k + 2, k + 2 + hexLength), 16);
      out.atom(k, 2 + hexLength, Number.isFinite(code) ? String.fromCodePoint(code) : '');
      k += 1 + hexLength;
    } else {
      out.atom(k, 2, SIMPLE_ESCAPES[c] ?? c ?? '');
      k += 1;
    }
    run = k + 1;
  }
  out.copy(run, source.slice(run, to));
}
