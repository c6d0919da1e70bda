/**
 * Inline markers for tests, so positions are written where they belong instead of counted:
 * `‸` marks a caret and `«…»` a range. KQL's own `|` would clash, hence the unusual characters.
 */
export interface Marked {
  text: string;
  caret?: number;
  ranges: { start: number; end: number }[];
}

export function parseMarkers(source: string): Marked {
  let text = '';
  let caret: number | undefined;
  const ranges: { start: number; end: number }[] = [];
  const open: number[] = [];
  for (const ch of source) {
    if (ch === '‸') caret = text.length;
    else if (ch === '«') open.push(text.length);
    else if (ch === '»') ranges.push({ start: open.pop()!, end: text.length });
    else text += ch;
  }
  return { text, caret, ranges };
}
