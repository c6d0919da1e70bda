import { hostFormatOf } from '../../documents/documentRegions';
import type { KqlRegion } from '../../documents/regions';
import type { DocumentAnalysis } from '../documentAnalysis';
import { toArray } from '../kustoEngine';
import { blockComments, yamlHeaderComments, type KqlComment } from './commentScan';

/**
 * Inline suppressions, as ESLint's disable comments:
 *
 * - `// kqlhunt-disable-next-line CODE1, CODE2 -- reason` in KQL covers the next line that is not
 *   only a comment (so that several can be stacked);
 * - `// kqlhunt-disable CODE -- reason` in KQL covers the rest of its query (the engine block it
 *   is in, which ends at a blank line);
 * - `# kqlhunt-disable CODE -- reason` among the comment lines at the top of a rule's YAML covers
 *   that rule's checks, wherever in the file they are reported.
 *
 * Every directive names its codes; there is no "disable everything".
 */
export const NEXT_LINE = 'kqlhunt-disable-next-line';
export const REST = 'kqlhunt-disable';
const DIRECTIVES = [NEXT_LINE, REST] as const;
type DirectiveName = (typeof DIRECTIVES)[number];

/** A code named by a directive, with the document offsets of its text. */
export interface DirectiveCode {
  readonly code: string;
  readonly start: number;
  readonly end: number;
}

export interface Suppression {
  readonly name: DirectiveName;
  readonly codes: readonly DirectiveCode[];
  /** The text after `--`; undefined when there is none. */
  readonly reason: string | undefined;
  /** Document offsets of the directive's name, where problems with the whole comment are shown. */
  readonly nameStart: number;
  readonly nameEnd: number;
  /** A finding of one of the codes that starts within [from, to] (document offsets) is suppressed. */
  readonly from: number;
  readonly to: number;
  /** True for a YAML rule's header, which applies to the rule checks only. */
  readonly ruleChecks: boolean;
}

/**
 * A comment that starts like a directive but is not one where it stands, such as
 * `kqlhunt-disable-line`, or `kqlhunt-disable-next-line` at the top of a rule file.
 */
export interface UnknownDirective {
  readonly name: string;
  readonly start: number;
  readonly end: number;
  /** What to write instead. */
  readonly detail: string;
}

export interface DirectiveScan {
  readonly suppressions: Suppression[];
  readonly unknown: UnknownDirective[];
}

/** What a comment says, with offsets relative to its body. */
interface ParsedDirective {
  name: string;
  nameStart: number;
  codes: { code: string; start: number }[];
  reason: string | undefined;
}

const DIRECTIVE_START = /^(\s*)(kqlhunt-disable[\w-]*)/;

function parseBody(body: string): ParsedDirective | undefined {
  const m = DIRECTIVE_START.exec(body);
  if (!m) return undefined;
  const nameStart = m[1].length;
  const afterName = nameStart + m[2].length;
  const rest = body.slice(afterName);
  const separator = /(^|\s)--(\s|$)/.exec(rest);
  const codesText = separator ? rest.slice(0, separator.index) : rest;
  const reason = separator ? rest.slice(separator.index + separator[0].length).trim() : '';
  const codes = [...codesText.matchAll(/[^\s,]+/g)].map((c) => ({
    code: c[0],
    start: afterName + c.index,
  }));
  return { name: m[2], nameStart, codes, reason: reason === '' ? undefined : reason };
}

function isDirectiveName(name: string): name is DirectiveName {
  return (DIRECTIVES as readonly string[]).includes(name);
}

/** Every directive in a document, with what each covers. */
export function scanDirectives(analysis: DocumentAnalysis): DirectiveScan {
  const scan: DirectiveScan = { suppressions: [], unknown: [] };
  for (const query of analysis.queries) {
    // Lexing is cheap but not free; almost no query holds a directive.
    if (!query.region.text.includes('kqlhunt-disable')) continue;
    for (const block of toArray(query.script.Blocks)) {
      if (!(block.Text ?? '').includes('kqlhunt-disable')) continue;
      for (const comment of blockComments(block)) addKqlDirective(scan, query.region, block, comment);
    }
  }
  const document = analysis.document;
  if (hostFormatOf(document) === 'yaml') {
    const text = document.getText();
    for (const comment of yamlHeaderComments(text)) {
      const parsed = parseBody(comment.body);
      if (!parsed) continue;
      const bodyStart = comment.start + 1;
      const name = parsed.name;
      // Only the file-wide form makes sense at the top of a file: no line follows a header for it.
      if (name !== REST) {
        scan.unknown.push({
          name,
          start: bodyStart + parsed.nameStart,
          end: bodyStart + parsed.nameStart + name.length,
          detail: `'${name}' does not apply at the top of a rule file: write ${REST} there (for the whole rule), or ${NEXT_LINE} in a // comment inside the query.`,
        });
        continue;
      }
      scan.suppressions.push({
        ...located(parsed, (o) => bodyStart + o),
        name,
        from: 0,
        to: text.length,
        ruleChecks: true,
      });
    }
  }
  return scan;
}

function located(
  parsed: ParsedDirective,
  toDocument: (bodyOffset: number) => number,
): Pick<Suppression, 'codes' | 'reason' | 'nameStart' | 'nameEnd'> {
  return {
    codes: parsed.codes.map((c) => ({
      code: c.code,
      start: toDocument(c.start),
      end: toDocument(c.start + c.code.length),
    })),
    reason: parsed.reason,
    nameStart: toDocument(parsed.nameStart),
    nameEnd: toDocument(parsed.nameStart + parsed.name.length),
  };
}

function addKqlDirective(
  scan: DirectiveScan,
  region: KqlRegion,
  block: Kusto.Language.Editor.CodeBlock,
  comment: KqlComment,
): void {
  const parsed = parseBody(comment.body);
  if (!parsed) return;
  const bodyStart = comment.start + 2;
  const toDocument = (bodyOffset: number) => region.toDocumentOffset(bodyStart + bodyOffset);
  const name = parsed.name;
  if (!isDirectiveName(name)) {
    scan.unknown.push({
      name,
      start: toDocument(parsed.nameStart),
      end: toDocument(parsed.nameStart + name.length),
      detail: `'${name}' is not a suppression: write ${NEXT_LINE} (the next line) or ${REST} (the rest of the query).`,
    });
    return;
  }
  // The rest of the query is the rest of the engine block the comment is in.
  const covered = name === NEXT_LINE ? nextCodeLine(region.text, comment.end) : [comment.end, block.End];
  scan.suppressions.push({
    ...located(parsed, toDocument),
    name,
    // A directive with nothing after it covers nothing, and so is reported as unused.
    from: covered ? region.toDocumentOffset(covered[0]) : -1,
    to: covered ? region.toDocumentOffset(covered[1]) : -1,
    ruleChecks: false,
  });
}

/** The region offsets of the first line after `offset` that is not only a comment. */
function nextCodeLine(text: string, offset: number): [number, number] | undefined {
  let lineStart = text.indexOf('\n', offset);
  while (lineStart >= 0) {
    lineStart += 1;
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    if (!text.slice(lineStart, lineEnd).trimStart().startsWith('//')) return [lineStart, lineEnd];
    if (newline < 0) break;
    lineStart = newline;
  }
  return undefined;
}
