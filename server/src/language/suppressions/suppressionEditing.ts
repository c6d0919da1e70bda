import {
  CompletionItemKind,
  type CompletionItem,
  type CompletionList,
  type Hover,
  type Position,
} from 'vscode-languageserver-types';
import { hostFormatOf } from '../../documents/documentRegions';
import { describeCode, suppressibleCodes } from '../diagnosticCodeCatalog';
import { engineDiagnostics } from '../diagnostics';
import type { DocumentAnalysis } from '../documentAnalysis';
import { toArray } from '../kustoEngine';
import { blockComments, yamlHeaderComments } from './commentScan';
import { NEXT_LINE, REST } from './suppressionDirectives';

/** The directive comment at a position: its body's text and where the body starts in the document. */
interface CommentAt {
  body: string;
  bodyStart: number;
  /** The document offset asked about. */
  offset: number;
  /** A YAML header comment, whose directives cover the rule checks. */
  ruleChecks: boolean;
}

function commentAt(analysis: DocumentAnalysis, position: Position): CommentAt | undefined {
  const document = analysis.document;
  const offset = document.offsetAt(position);
  // Hover and completion ask on every move: only a line with a comment that starts with `k` is lexed.
  const line = document.getText({
    start: { line: position.line, character: 0 },
    end: { line: position.line + 1, character: 0 },
  });
  if (!/(\/\/|#)\s*k/.test(line)) return undefined;
  for (const query of analysis.queries) {
    const at = query.region.toRegionOffset(offset);
    if (at === undefined) continue;
    const comment = toArray(query.script.Blocks)
      .filter((b) => b.Start <= at && at <= b.End)
      .flatMap(blockComments)
      .find((c) => c.start + 2 <= at && at <= c.end);
    if (!comment) continue;
    // Comments in an encoded region (a JSON string) are read as the engine sees them.
    const bodyStart = comment.start + 2;
    return {
      body: comment.body,
      bodyStart: query.region.toDocumentOffset(bodyStart),
      offset: query.region.toDocumentOffset(bodyStart) + (at - bodyStart),
      ruleChecks: false,
    };
  }
  if (hostFormatOf(document) !== 'yaml') return undefined;
  const header = yamlHeaderComments(document.getText()).find((c) => c.start + 1 <= offset && offset <= c.end);
  return header && { body: header.body, bodyStart: header.start + 1, offset, ruleChecks: true };
}

const CODES_SO_FAR = /^\s*(kqlhunt-disable(?:-next-line)?)\s+((?:[^\s,]+[\s,]+)*)([^\s,]*)$/;

/**
 * Completion inside a suppression comment: the directive names after `//` (or `#` at the top of
 * a rule), then the codes that can be named, leaving out those already named. In a query the
 * engine codes the document reports come first, since those are what one suppresses.
 */
export function suppressionCompletionsAt(
  analysis: DocumentAnalysis,
  position: Position,
): CompletionList | undefined {
  const at = commentAt(analysis, position);
  if (!at) return undefined;
  const document = analysis.document;
  const before = at.body.slice(0, at.offset - at.bodyStart);
  // The whole word under the cursor is replaced, so completing inside `KS1|42` gives one code.
  const rest = at.body.slice(at.offset - at.bodyStart);
  const after = /^[^\s,]*/.exec(rest)![0];
  const rangeOf = (typed: string) => ({
    start: document.positionAt(at.offset - typed.length),
    end: document.positionAt(at.offset + after.length),
  });
  const spaced = /^\s/.test(rest.slice(after.length)) ? '' : ' ';
  const word = /^\s*(k[\w-]*)$/.exec(before);
  if (word) {
    const names = directiveNames(at.ruleChecks);
    const items = names
      .filter((n) => n.startsWith(word[1]))
      .map((name): CompletionItem => ({
        label: name,
        kind: CompletionItemKind.Keyword,
        detail: directiveDetail(name, at.ruleChecks),
        textEdit: { range: rangeOf(word[1]), newText: name + spaced },
      }));
    return items.length > 0 ? { isIncomplete: false, items } : undefined;
  }
  const codes = CODES_SO_FAR.exec(before);
  if (!codes) return undefined;
  const named = new Set(
    codes[2]
      .split(/[\s,]+/)
      .filter(Boolean)
      .map((c) => c.toLowerCase()),
  );
  const candidates = at.ruleChecks
    ? suppressibleCodes(true)
    : [...reportedEngineCodes(analysis), ...suppressibleCodes(false)];
  const items = candidates
    .filter((c) => !named.has(c.code.toLowerCase()))
    .map((c, i): CompletionItem => ({
      label: c.code,
      kind: CompletionItemKind.EnumMember,
      detail: c.description,
      sortText: String(i).padStart(4, '0'),
      textEdit: { range: rangeOf(codes[3]), newText: c.code },
    }));
  return { isIncomplete: false, items };
}

/** The engine's codes among the document's findings, each once, with the first message as its description. */
function reportedEngineCodes(analysis: DocumentAnalysis): { code: string; description: string }[] {
  const seen = new Map<string, string>();
  for (const d of engineDiagnostics(analysis, { lints: {} })) {
    const code = String(d.code ?? '');
    if (code && !seen.has(code)) seen.set(code, typeof d.message === 'string' ? d.message : d.message.value);
  }
  return [...seen].map(([code, description]) => ({ code, description }));
}

/** At the top of a rule file only the file-wide form applies: no line follows a header for the other. */
function directiveNames(ruleChecks: boolean): string[] {
  return ruleChecks ? [REST] : [NEXT_LINE, REST];
}

function directiveDetail(name: string, ruleChecks: boolean): string {
  if (ruleChecks) return 'Suppresses the named rule checks in this file.';
  return name === NEXT_LINE
    ? 'Suppresses the named findings on the next line.'
    : 'Suppresses the named findings in the rest of this query.';
}

/** Hover on a directive's name or on a code it names: what it does, or what the code reports. */
export function suppressionHoverAt(analysis: DocumentAnalysis, position: Position): Hover | undefined {
  const at = commentAt(analysis, position);
  if (!at) return undefined;
  const document = analysis.document;
  const m = /^(\s*)(kqlhunt-disable[\w-]*)([^]*?)(?:\s--(?:\s|$)[^]*)?$/.exec(at.body);
  if (!m) return undefined;
  const cursor = at.offset - at.bodyStart;
  const nameStart = m[1].length;
  const range = (start: number, length: number) => ({
    start: document.positionAt(at.bodyStart + start),
    end: document.positionAt(at.bodyStart + start + length),
  });
  const markdown = (value: string, start: number, length: number): Hover => ({
    contents: { kind: 'markdown', value },
    range: range(start, length),
  });
  if (cursor >= nameStart && cursor <= nameStart + m[2].length) {
    const names = directiveNames(at.ruleChecks);
    const text = names.includes(m[2])
      ? `${directiveDetail(m[2], at.ruleChecks)} Name the codes, then give the reason after \`--\`.`
      : `\`${m[2]}\` is not a suppression here: write ${names.map((n) => `\`${n}\``).join(' or ')}.`;
    return markdown(text, nameStart, m[2].length);
  }
  const codesStart = nameStart + m[2].length;
  for (const c of m[3].matchAll(/[^\s,]+/g)) {
    const start = codesStart + c.index;
    if (cursor < start || cursor > start + c[0].length) continue;
    const code = c[0];
    const description =
      describeCode(code) ?? describeCode(code.toUpperCase()) ?? describeCode(code.toLowerCase());
    const example = reportedEngineCodes(analysis).find((e) => e.code.toLowerCase() === code.toLowerCase());
    const lines = [
      `**${code}**`,
      description ?? 'This is not a diagnostic code, so nothing is suppressed by it.',
      ...(example ? [`In this document: ${example.description}`] : []),
    ];
    return markdown(lines.join('\n\n'), start, code.length);
  }
  return undefined;
}
