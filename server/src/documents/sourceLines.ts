/**
 * A line of source text with where its line break is, so decoders can map a decoded `\n`
 * back to the `\n`, `\r\n` or `\r` that produced it.
 */
export interface SourceLine {
  /** Offset of the first character of the line. */
  readonly start: number;
  /** Offset just after the last character, before the line break. */
  readonly end: number;
  /** Length of the line break: 0 at the end of the text, 2 for CRLF, else 1. */
  readonly breakLength: number;
}

/** The lines of `text[from, to)`; the last one, empty when `to` follows a break, has breakLength 0. */
export function sourceLines(text: string, from: number, to: number): SourceLine[] {
  const lines: SourceLine[] = [];
  let start = from;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      const breakLength = c === 13 && text.charCodeAt(i + 1) === 10 && i + 1 < to ? 2 : 1;
      lines.push({ start, end: i, breakLength });
      i += breakLength - 1;
      start = i + 1;
    }
  }
  lines.push({ start, end: to, breakLength: 0 });
  return lines;
}

/** Offset of the next line start at or after `offset`, or text.length. */
export function nextLineStart(text: string, offset: number): number {
  for (let i = offset; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) return text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
    if (c === 10) return i + 1;
  }
  return text.length;
}

export function isBlank(c: string | undefined): boolean {
  return c === ' ' || c === '\t';
}
