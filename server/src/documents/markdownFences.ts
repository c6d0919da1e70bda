import { MappedRegionBuilder } from './mappedRegion';
import type { KqlRegion } from './regions';
import { sourceLines } from './sourceLines';

/**
 * KQL in Markdown: fenced code blocks (``` or ~~~, CommonMark section 4.5) whose info string
 * starts with `kql` or `kusto`. Each fence is one region. A fence indented inside a list item
 * has its content lines stripped of up to the same indentation, as CommonMark does.
 */
const OPENING = /^( *)(`{3,}|~{3,})[ \t]*([^`\s]*)[^`]*$/;
const KQL_INFO = new Set(['kql', 'kusto']);

export function markdownKqlRegions(text: string): KqlRegion[] {
  const regions: KqlRegion[] = [];
  const lines = sourceLines(text, 0, text.length);
  for (let i = 0; i < lines.length; i++) {
    const open = OPENING.exec(text.slice(lines[i].start, lines[i].end));
    if (!open) continue;
    const [, indent, fence, info] = open;
    const closing = new RegExp(`^ *${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`);
    let end = i + 1;
    while (end < lines.length && !closing.test(text.slice(lines[end].start, lines[end].end))) end++;
    const content = lines.slice(i + 1, end);
    if (
      content.length > 0 &&
      KQL_INFO.has(
        info
          .toLowerCase()
          .replace(/^\{?\.?/, '')
          .replace(/\}$/, ''),
      )
    ) {
      regions.push(fenceRegion(text, content, indent.length));
    }
    i = end;
  }
  return regions;
}

function fenceRegion(text: string, content: ReturnType<typeof sourceLines>, indent: number): KqlRegion {
  const out = new MappedRegionBuilder();
  content.forEach((line, k) => {
    let from = line.start;
    while (from < line.end && from - line.start < indent && text[from] === ' ') from++;
    out.copy(from, text.slice(from, line.end));
    if (k < content.length - 1) out.atom(line.end, line.breakLength, '\n');
  });
  return out.build(content[0].start, content[content.length - 1].end, 'query');
}
