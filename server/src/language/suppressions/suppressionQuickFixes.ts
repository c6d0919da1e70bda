import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import { hostFormatOf } from '../../documents/documentRegions';
import { RULE_DIAGNOSTIC_SOURCE } from '../../rules/ruleCheckTable';
import type { DocumentAnalysis } from '../documentAnalysis';
import { LINT_RULES } from '../lints/lintRules';
import { isInsideToken } from './commentScan';
import { NEXT_LINE, REST } from './suppressionDirectives';

/** The reports about suppressions are not themselves suppressed (applySuppressions.ts). */
const NOT_SUPPRESSIBLE: readonly string[] = [
  LINT_RULES.unusedSuppression.id,
  LINT_RULES.suppressionWithoutReason.id,
];

/**
 * "Suppress CODE" quick fixes, as ESLint offers: a `// kqlhunt-disable-next-line CODE` line above
 * a query finding's line, or a `# kqlhunt-disable CODE` line at the top of a rule for a rule
 * check. The comment gets no reason; the suppression-without-reason hint then asks for one.
 */
export function suppressionQuickFixes(
  analysis: DocumentAnalysis,
  diagnostics: readonly Diagnostic[],
): CodeAction[] {
  const actions: CodeAction[] = [];
  const seen = new Set<string>();
  for (const d of diagnostics) {
    const code = d.code === undefined ? '' : String(d.code);
    if (code === '' || NOT_SUPPRESSIBLE.includes(code)) continue;
    const ruleCheck = d.source === RULE_DIAGNOSTIC_SOURCE;
    const insert = ruleCheck ? headerInsert(analysis, code) : lineInsert(analysis, d, code);
    if (!insert || seen.has(`${insert.offset}:${code}`)) continue;
    seen.add(`${insert.offset}:${code}`);
    const position = analysis.document.positionAt(insert.offset);
    actions.push({
      title: ruleCheck ? `Suppress ${code} in this rule file` : `Suppress ${code} on this line`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      edit: {
        changes: {
          [analysis.document.uri]: [{ range: { start: position, end: position }, newText: insert.text }],
        },
      },
    });
  }
  return actions;
}

interface Insert {
  offset: number;
  text: string;
}

function lineEnd(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** At the very top of a rule YAML, where file-wide directives are read. */
function headerInsert(analysis: DocumentAnalysis, code: string): Insert | undefined {
  if (hostFormatOf(analysis.document) !== 'yaml') return undefined;
  return { offset: 0, text: `# ${REST} ${code}${lineEnd(analysis.document.getText())}` };
}

/**
 * Before the first character of the finding's line, repeating the whitespace in front of it, so
 * that the comment stays inside a YAML block or Markdown fence. Not offered where the line does
 * not start a document line (a JSON string, a YAML scalar on its key's line) or starts inside a
 * multi-line string.
 */
function lineInsert(analysis: DocumentAnalysis, d: Diagnostic, code: string): Insert | undefined {
  const document = analysis.document;
  const offset = document.offsetAt(d.range.start);
  for (const query of analysis.queries) {
    const at = query.region.toRegionOffset(offset);
    if (at === undefined) continue;
    const text = query.region.text;
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    const first = lineStart + /^[ \t]*/.exec(text.slice(lineStart))![0].length;
    if (isInsideToken(text, lineStart)) return undefined;
    const target = query.region.toDocumentOffset(first);
    const full = document.getText();
    const indent = full.slice(full.lastIndexOf('\n', target - 1) + 1, target);
    if (!/^[ \t]*$/.test(indent)) return undefined;
    return { offset: target, text: `// ${NEXT_LINE} ${code}${lineEnd(full)}${indent}` };
  }
  return undefined;
}
