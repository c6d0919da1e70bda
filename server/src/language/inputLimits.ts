import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { KqlRegion } from '../documents/regions';
import type { KqlHuntingSettings, LintSeverity } from '../protocol/settings';
import { hostFormatOf, type RegionSource } from '../documents/documentRegions';
import { MAX_TEMPLATE_NESTING, tooDeepTemplate } from '../documents/armTemplate';
import { regionWithout } from './elidedRegion';

/**
 * Cheap, linear checks made before any query text reaches the Kusto engine. The engine is fast
 * on real queries but super-linear on pathological ones (thousands of nested parentheses take
 * seconds to parse, megabytes of blocks take tens of seconds), and its analysis is synchronous,
 * so one such document would freeze the server for every other document.
 *
 * The checks look at the KQL only (a `.kql` file's text, a rule's `query:`, a Markdown fence, an
 * ARM `query` string), never at comments or the rest of a rule file, and one query (a block
 * between blank lines) at a time: a query that fails is left out and gets an error saying why,
 * and every other query is still analysed. Once the queries analysed so far reach the size or
 * count budget, the rest of the document is left out under one error. The findings are errors
 * because a query that was not checked must not pass a review gate unnoticed; `lints` can
 * lower them per code like any other diagnostic.
 */
export interface InputLimits {
  /** Characters of query text analysed per document; also the most one query may have. */
  maxDocumentSize: number;
  /** Queries (blank-line separated blocks) analysed per document. */
  maxQueries: number;
  /** Bracket nesting above which a query is not analysed. */
  maxNestingDepth: number;
}

export const DEFAULT_INPUT_LIMITS: InputLimits = {
  maxDocumentSize: 500_000,
  maxQueries: 2_000,
  maxNestingDepth: 200,
};

export const LIMIT_CODES = [
  'KQLH-LIMIT-BINARY',
  'KQLH-LIMIT-SIZE',
  'KQLH-LIMIT-QUERIES',
  'KQLH-LIMIT-NESTING',
] as const;
export type LimitCode = (typeof LIMIT_CODES)[number];

export function isLimitCode(code: unknown): code is LimitCode {
  return (LIMIT_CODES as readonly unknown[]).includes(code);
}

export interface LimitFinding {
  code: LimitCode;
  message: string;
  /** Where to show the finding, as offsets into the document. */
  start: number;
  end: number;
}

/** The regions with the refused queries left out, and a finding for each refusal. */
export interface LimitedRegions {
  regions: KqlRegion[];
  findings: LimitFinding[];
}

const count = (n: number) => n.toLocaleString('en-US');

export function applyInputLimits(
  regions: readonly KqlRegion[],
  limits: InputLimits = DEFAULT_INPUT_LIMITS,
): LimitedRegions {
  const findings: LimitFinding[] = [];
  let analysedChars = 0;
  let analysedQueries = 0;
  let tail: { code: LimitCode; region: KqlRegion; at: number; refused: number } | undefined;
  const out = regions.map((region) => {
    const text = region.text;
    const blocks = blockSpans(text);
    const refused: [number, number][] = [];
    for (const [start, spanEnd] of blocks) {
      if (tail) {
        tail.refused++;
        refused.push([start, spanEnd]);
        continue;
      }
      // A query's size leaves out the blank lines after it.
      let end = spanEnd;
      while (end > start && /\s/.test(text[end - 1])) end--;
      // Only white space (an empty region): nothing for the engine to do, so nothing to count.
      if (end === start) continue;
      const own = blockProblem(text, start, end, limits);
      if (own) {
        findings.push({
          ...own,
          start: region.toDocumentOffset(own.start),
          end: region.toDocumentOffset(own.end),
        });
        refused.push([start, spanEnd]);
        continue;
      }
      const length = end - start;
      if (analysedQueries + 1 > limits.maxQueries || analysedChars + length > limits.maxDocumentSize) {
        tail = {
          code: analysedQueries + 1 > limits.maxQueries ? 'KQLH-LIMIT-QUERIES' : 'KQLH-LIMIT-SIZE',
          region,
          at: start,
          refused: 1,
        };
        refused.push([start, spanEnd]);
        continue;
      }
      analysedQueries++;
      analysedChars += length;
    }
    return regionWithout(region, refused);
  });
  if (tail) {
    const at = tail.region.toDocumentOffset(tail.at);
    const rest = `this query and the ${count(tail.refused - 1)} after it are not analysed`;
    const message =
      tail.code === 'KQLH-LIMIT-QUERIES'
        ? `The ${count(analysedQueries)} queries before this one reach kqlHunting.limits.maxQueries (${count(limits.maxQueries)}), so ${rest}. Split the file or raise the setting.`
        : `The queries before this one add up to ${count(analysedChars)} characters, and with this one they would pass kqlHunting.limits.maxDocumentSize (${count(limits.maxDocumentSize)}), so ${rest}. Split the file or raise the setting.`;
    findings.push({ code: tail.code, message, start: at, end: at + 1 });
  }
  findings.sort((a, b) => a.start - b.start);
  return { regions: out, findings };
}

/**
 * The one limit on a file's structure rather than its KQL: a JSON file that may be an ARM
 * template but nests too deeply to be read at all. Its queries cannot be found, so this stands
 * for all of them.
 */
export function unreadableTemplate(document: RegionSource): LimitFinding | undefined {
  if (hostFormatOf(document) !== 'json') return undefined;
  const at = tooDeepTemplate(document.getText());
  if (at === undefined) return undefined;
  return {
    code: 'KQLH-LIMIT-NESTING',
    message: `This JSON nests more than ${MAX_TEMPLATE_NESTING} levels deep here, so it cannot be read as an ARM template and its queries are not analysed.`,
    start: at,
    end: at + 1,
  };
}

/** Why one query cannot be analysed, as offsets into its region's text, if it cannot. */
function blockProblem(
  text: string,
  start: number,
  end: number,
  limits: InputLimits,
): LimitFinding | undefined {
  const binaryAt = binaryOffset(text, start, end);
  if (binaryAt !== undefined) {
    return {
      code: 'KQLH-LIMIT-BINARY',
      message:
        'This query holds a NUL or many control characters, so it looks like binary data, not KQL text, and is not analysed.',
      start: binaryAt,
      end: binaryAt + 1,
    };
  }
  if (end - start > limits.maxDocumentSize) {
    return {
      code: 'KQLH-LIMIT-SIZE',
      message: `This query has ${count(end - start)} characters, more than kqlHunting.limits.maxDocumentSize (${count(limits.maxDocumentSize)}), so it is not analysed. Split it or raise the setting.`,
      start,
      end: start + 1,
    };
  }
  const deep = firstTooDeep(text, start, end, limits.maxNestingDepth);
  if (deep !== undefined) {
    return {
      code: 'KQLH-LIMIT-NESTING',
      message: `Brackets are nested more than ${limits.maxNestingDepth} levels deep here, so this query is not analysed.`,
      start: deep,
      end: deep + 1,
    };
  }
  return undefined;
}

/** The offset of a NUL, or of the first control character when they make up over 1% of the span. */
function binaryOffset(text: string, from: number, to: number): number | undefined {
  let controls = 0;
  let first: number | undefined;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return i;
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) {
      controls++;
      first ??= i;
    }
  }
  return controls > 0 && controls * 100 > to - from ? first : undefined;
}

/**
 * The queries of a region as [start, end) spans that cover it: a query's span runs to the start
 * of the next, blank lines included. Split as the engine's separator splits (querySeparator.ts):
 * at a blank line, unless the text so far ends with `;` (a `let` prelude stays with its query).
 */
export function blockSpans(text: string): [number, number][] {
  const starts = [0];
  let afterBlank = false;
  let lastCode = -1;
  for (let lineStart = 0; lineStart < text.length;) {
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl < 0 ? text.length : nl;
    const code = lastCodeChar(text, lineStart, lineEnd);
    if (code === undefined) {
      afterBlank = true;
    } else {
      if (afterBlank && lastCode !== -1 && text[lastCode] !== ';') {
        starts.push(lineStart);
        lastCode = -1;
      }
      afterBlank = false;
      if (code >= 0) lastCode = code;
    }
    lineStart = lineEnd + 1;
  }
  return starts.map((s, i) => [s, i + 1 < starts.length ? starts[i + 1] : text.length]);
}

/**
 * For a line: undefined when it is blank, -1 when it holds only a comment, else the offset of its
 * last character outside a trailing `//` comment that is not white space.
 */
function lastCodeChar(text: string, from: number, to: number): number | undefined {
  let last: number | undefined;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 47 && text.charCodeAt(i + 1) === 47) return last ?? -1;
    if (c !== 32 && c !== 9 && c !== 13) last = i;
  }
  return last;
}

/**
 * The offset where bracket depth first exceeds `max`, skipping strings and comments so that a
 * bracket inside a literal does not count.
 */
function firstTooDeep(text: string, from: number, to: number, max: number): number | undefined {
  let depth = 0;
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (c === '/' && text[i + 1] === '/') {
      const eol = text.indexOf('\n', i);
      i = eol < 0 || eol > to ? to : eol;
    } else if (c === '"' || c === "'") {
      const verbatim = text[i - 1] === '@';
      for (i++; i < to && text[i] !== c && text[i] !== '\n'; i++) {
        if (text[i] === '\\' && !verbatim) i++;
      }
    } else if (c === '`' && text.startsWith('```', i)) {
      const end = text.indexOf('```', i + 3);
      i = end < 0 || end > to ? to : end + 2;
    } else if (c === '(' || c === '[' || c === '{') {
      if (++depth > max) return i;
    } else if (c === ')' || c === ']' || c === '}') {
      depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}

const SEVERITY: Record<Exclude<LintSeverity, 'off'>, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * The refused queries' diagnostics: errors, since those queries were not checked, unless `lints`
 * sets another severity for a code (or turns it off), as for any other diagnostic.
 */
export function limitDiagnostics(
  document: TextDocument,
  findings: readonly LimitFinding[],
  settings: Pick<KqlHuntingSettings, 'lints'>,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const finding of findings) {
    const override = Object.hasOwn(settings.lints, finding.code) ? settings.lints[finding.code] : undefined;
    if (override === 'off') continue;
    out.push({
      range: {
        start: document.positionAt(finding.start),
        end: document.positionAt(Math.max(finding.end, finding.start)),
      },
      severity: SEVERITY[override ?? 'error'],
      code: finding.code,
      source: 'kql',
      message: finding.message,
    });
  }
  return out;
}
