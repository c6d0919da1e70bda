import { MappedRegionBuilder } from './mappedRegion';
import { nextLineStart, sourceLines, type SourceLine } from './sourceLines';

/**
 * Decodes a YAML block scalar (`|` literal or `>` folded, with any indentation indicator and
 * chomping indicator) into the builder, following YAML 1.2 section 8.1, so that every decoded
 * character keeps the document offset it came from.
 */
export interface BlockScalarSpan {
  /** Where decoding stopped: the end of the scalar's last line, including trailing blank lines. */
  end: number;
  /** Where the content starts: the line after the header. */
  contentStart: number;
}

interface ContentLine extends SourceLine {
  /** Offset of the first content character, after the indentation. */
  readonly contentStart: number;
  /** True for a line with no character beyond the indentation. */
  readonly empty: boolean;
  /** True when the content starts with a space or tab (folding leaves such lines alone). */
  readonly moreIndented: boolean;
}

function leadingSpaces(text: string, line: SourceLine): number {
  let n = 0;
  while (line.start + n < line.end && text.charCodeAt(line.start + n) === 32) n++;
  return n;
}

export function decodeBlockScalar(
  source: string,
  headerStart: number,
  parentIndent: number,
  out: MappedRegionBuilder,
): BlockScalarSpan {
  const header = /^([|>])([1-9+-]?)([1-9+-]?)/.exec(source.slice(headerStart, headerStart + 3))!;
  const folded = header[1] === '>';
  const indicators = header[2] + header[3];
  const explicit = /[1-9]/.exec(indicators);
  const chomping = indicators.includes('-') ? 'strip' : indicators.includes('+') ? 'keep' : 'clip';
  const contentStart = nextLineStart(source, headerStart);
  const all = sourceLines(source, contentStart, source.length);

  let indent = explicit ? Math.max(parentIndent, 0) + Number(explicit[0]) : -1;
  if (indent < 0) {
    // Auto-detected: the indentation of the first line with content.
    const firstIndex = all.findIndex((l) => leadingSpaces(source, l) < l.end - l.start);
    const spaces = firstIndex >= 0 ? leadingSpaces(source, all[firstIndex]) : 0;
    if (firstIndex >= 0 && spaces > parentIndent) indent = spaces;
    else {
      // No content: the longest leading blank line sets the indentation (YAML 1.2, 8.1.1.1).
      const blanks = firstIndex >= 0 ? all.slice(0, firstIndex) : all;
      indent = Math.max(parentIndent + 1, ...blanks.map((l) => l.end - l.start));
    }
  }

  const lines: ContentLine[] = [];
  for (const line of all) {
    const spaces = leadingSpaces(source, line);
    const blankOnly = spaces === line.end - line.start;
    if (blankOnly && spaces <= indent) {
      lines.push({ ...line, contentStart: line.end, empty: true, moreIndented: false });
      continue;
    }
    if (spaces < indent) break;
    const first = source[line.start + indent];
    lines.push({
      ...line,
      contentStart: line.start + indent,
      empty: false,
      moreIndented: first === ' ' || first === '\t',
    });
  }
  let last = lines.length - 1;
  while (last >= 0 && lines[last].empty) last--;
  const spanEnd = lines.length > 0 ? lines[lines.length - 1].end : contentStart;

  const lineBreak = (line: SourceLine, value = '\n') => {
    if (line.breakLength > 0) out.atom(line.end, line.breakLength, value);
    else out.atom(line.end, 0, value);
  };

  for (let i = 0; i <= last; i++) {
    const line = lines[i];
    if (line.empty) {
      // Only blank lines before the first content line reach here; later ones are handled
      // with the line they follow.
      lineBreak(line);
      continue;
    }
    out.copy(line.contentStart, source.slice(line.contentStart, line.end));
    if (i === last) break;
    let next = i + 1;
    while (lines[next].empty) next++;
    const blanks = lines.slice(i + 1, next);
    if (folded && !line.moreIndented && !lines[next].moreIndented) {
      // Folding: a single break becomes a space; before blank lines it disappears.
      if (blanks.length === 0) lineBreak(line, ' ');
    } else {
      lineBreak(line);
    }
    for (const blank of blanks) lineBreak(blank);
    i = next - 1;
  }

  if (last >= 0 && chomping !== 'strip') lineBreak(lines[last]);
  if (chomping === 'keep') {
    for (const blank of lines.slice(last + 1)) if (blank.breakLength > 0) lineBreak(blank);
  }
  return { end: spanEnd, contentStart };
}
