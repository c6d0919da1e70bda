import { kusto } from '../kustoEngine';

/** A `//` comment in KQL text: where it starts (at the slashes) and its text after them. */
export interface KqlComment {
  readonly start: number;
  readonly end: number;
  /** What follows `//`, up to the end of the line. */
  readonly body: string;
}

/** Texts lexed most recently; a document's regions are asked for several times per analysis. */
const recent = new Map<string, KqlComment[]>();
const RECENT_MAX = 16;

/**
 * The `//` comments of an engine block, with offsets into its query's region text. Blocks are
 * lexed one at a time, so that a large file costs only the block asked about.
 */
export function blockComments(block: Kusto.Language.Editor.CodeBlock): KqlComment[] {
  return kqlComments(block.Text ?? '').map((c) => ({
    ...c,
    start: c.start + block.Start,
    end: c.end + block.Start,
  }));
}

/**
 * The `//` comments of a KQL text, found by the engine's own lexer: a comment is only ever in the
 * trivia before a token, so `//` inside a string literal or a multi-line string is never taken
 * for one. Offsets are into `text`.
 */
function kqlComments(text: string): KqlComment[] {
  const known = recent.get(text);
  if (known) return known;
  const found: KqlComment[] = [];
  let offset = 0;
  for (const token of kusto().Parsing.TokenParser.ParseTokens(text) ?? []) {
    const trivia = token.Trivia ?? '';
    for (const m of trivia.matchAll(/\/\/([^\r\n]*)/g)) {
      const start = offset + m.index;
      found.push({ start, end: start + m[0].length, body: m[1] });
    }
    offset += token.Length;
  }
  if (recent.size >= RECENT_MAX) recent.delete(recent.keys().next().value!);
  recent.set(text, found);
  return found;
}

/**
 * The comment lines at the top of a YAML file, before its first content line: `#` and what
 * follows it, with document offsets. A rule's file-wide suppressions are written there.
 */
export function yamlHeaderComments(text: string): KqlComment[] {
  const found: KqlComment[] = [];
  let lineStart = 0;
  while (lineStart < text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
    const trimmed = line.trimStart();
    if (trimmed.startsWith('#')) {
      const start = lineStart + line.length - trimmed.length;
      found.push({ start, end: lineStart + line.length, body: trimmed.slice(1) });
    } else if (trimmed !== '' && trimmed !== '---') break;
    if (newline < 0) break;
    lineStart = newline + 1;
  }
  return found;
}

/**
 * Whether `offset` of a KQL text falls strictly inside a token, as a line of a multi-line string
 * does: a comment line inserted there would become part of the string.
 */
export function isInsideToken(text: string, offset: number): boolean {
  let at = 0;
  for (const token of kusto().Parsing.TokenParser.ParseTokens(text) ?? []) {
    const start = at + (token.Trivia ?? '').length;
    at += token.Length;
    if (start < offset && offset < at) return true;
    if (start >= offset) return false;
  }
  return false;
}
