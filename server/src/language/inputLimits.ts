import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/**
 * Cheap, linear checks made before any text reaches the Kusto engine. The engine is fast on
 * real queries but super-linear on pathological ones (thousands of nested parentheses take
 * seconds to parse, megabytes of blocks take tens of seconds), and its analysis is synchronous,
 * so one such document would freeze the server for every other document. A document that fails
 * a check is not analysed; it gets one diagnostic saying why and what to do.
 */
export interface InputLimits {
  /** Characters above which a document is not analysed. */
  maxDocumentSize: number;
  /** Blank-line separated queries above which a document is not analysed. */
  maxQueries: number;
  /** Bracket nesting above which a document is not analysed. */
  maxNestingDepth: number;
}

export const DEFAULT_INPUT_LIMITS: InputLimits = {
  maxDocumentSize: 500_000,
  maxQueries: 2_000,
  maxNestingDepth: 200,
};

export type LimitCode = 'KQLH-LIMIT-BINARY' | 'KQLH-LIMIT-SIZE' | 'KQLH-LIMIT-QUERIES' | 'KQLH-LIMIT-NESTING';

export interface LimitFinding {
  code: LimitCode;
  message: string;
  /** Where to show the finding, as offsets into the checked text. */
  start: number;
  end: number;
}

export function checkInputLimits(text: string, limits: InputLimits = DEFAULT_INPUT_LIMITS): LimitFinding | undefined {
  const binaryAt = binaryOffset(text);
  if (binaryAt !== undefined) {
    return { code: 'KQLH-LIMIT-BINARY', message: 'This file looks like binary data, not KQL text, so it is not analysed.', start: binaryAt, end: binaryAt };
  }
  if (text.length > limits.maxDocumentSize) {
    return {
      code: 'KQLH-LIMIT-SIZE',
      message: `This file has ${text.length.toLocaleString('en-US')} characters, more than kqlHunting.limits.maxDocumentSize (${limits.maxDocumentSize.toLocaleString('en-US')}), so KQL analysis is off for it. Split it into smaller files or raise the setting.`,
      start: 0,
      end: 0,
    };
  }
  const queries = countQueries(text);
  if (queries > limits.maxQueries) {
    return {
      code: 'KQLH-LIMIT-QUERIES',
      message: `This file holds about ${queries.toLocaleString('en-US')} queries, more than kqlHunting.limits.maxQueries (${limits.maxQueries.toLocaleString('en-US')}), so KQL analysis is off for it. Split it into smaller files or raise the setting.`,
      start: 0,
      end: 0,
    };
  }
  const deep = firstTooDeep(text, limits.maxNestingDepth);
  if (deep !== undefined) {
    return {
      code: 'KQLH-LIMIT-NESTING',
      message: `Brackets are nested more than ${limits.maxNestingDepth} levels deep here, so this file is not analysed.`,
      start: deep,
      end: deep + 1,
    };
  }
  return undefined;
}

/** The offset of a NUL, or of the first control character when they make up over 1% of the text. */
function binaryOffset(text: string): number | undefined {
  let controls = 0;
  let first: number | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return i;
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) {
      controls++;
      first ??= i;
    }
  }
  return controls > 0 && controls * 100 > text.length ? first : undefined;
}

/** Blocks as the engine splits them: runs of text separated by blank lines. */
function countQueries(text: string): number {
  let count = 0;
  let inBlock = false;
  let lineHasText = false;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 10;
    if (c === 10) {
      if (lineHasText && !inBlock) count++;
      inBlock = lineHasText;
      lineHasText = false;
    } else if (c !== 32 && c !== 9 && c !== 13) {
      lineHasText = true;
    }
  }
  return count;
}

/**
 * The offset where bracket depth first exceeds `max`, skipping strings and comments so that a
 * bracket inside a literal does not count.
 */
function firstTooDeep(text: string, max: number): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '/' && text[i + 1] === '/') {
      const eol = text.indexOf('\n', i);
      i = eol < 0 ? text.length : eol;
    } else if (c === '"' || c === "'") {
      const verbatim = text[i - 1] === '@';
      for (i++; i < text.length && text[i] !== c && text[i] !== '\n'; i++) {
        if (text[i] === '\\' && !verbatim) i++;
      }
    } else if (c === '`' && text.startsWith('```', i)) {
      const end = text.indexOf('```', i + 3);
      i = end < 0 ? text.length : end + 2;
    } else if (c === '(' || c === '[' || c === '{') {
      if (++depth > max) return i;
    } else if (c === ')' || c === ']' || c === '}') {
      depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}

/** The one diagnostic a document gets when it is not analysed: information, since nothing is wrong with the KQL. */
export function limitDiagnostic(document: TextDocument, finding: LimitFinding): Diagnostic {
  return {
    range: { start: document.positionAt(finding.start), end: document.positionAt(finding.end) },
    severity: DiagnosticSeverity.Information,
    code: finding.code,
    source: 'kql',
    message: finding.message,
  };
}
