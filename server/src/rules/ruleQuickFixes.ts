import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { RULE_DIAGNOSTIC_SOURCE } from './ruleCheckTable';
import type { RuleDiagnosticData } from './ruleDiagnostics';
import type { RuleFix } from './ruleFindings';

/**
 * Quick fixes for the rule-file mistakes that have one mechanical repair: a scalar where a list
 * belongs becomes a one-item block list, a key indented at the level of the list item above
 * it moves under that item, and a misspelt tactic or malformed technique id becomes the one it
 * means. The fix travels in the diagnostic's `data`, so nothing is re-parsed.
 */
export function ruleQuickFixes(document: TextDocument, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    const fix = (diagnostic.data as Partial<RuleDiagnosticData> | undefined)?.ruleFix;
    if (!fix || !isRuleSource(diagnostic)) continue;
    const edit = editFor(document, diagnostic, fix);
    if (!edit) continue;
    actions.push({
      title: titleOf(fix),
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred: true,
      edit: { changes: { [document.uri]: edit } },
    });
  }
  return actions;
}

function titleOf(fix: RuleFix): string {
  switch (fix.kind) {
    case 'toList':
      return `Make '${fix.field}' a list`;
    case 'indent':
      return `Indent by ${fix.spaces} spaces under the list item above`;
    case 'replace':
      return `Change to '${fix.value}'`;
  }
}

function isRuleSource(diagnostic: Diagnostic): boolean {
  return diagnostic.source === RULE_DIAGNOSTIC_SOURCE;
}

function editFor(document: TextDocument, diagnostic: Diagnostic, fix: RuleFix): TextEdit[] | undefined {
  if (fix.kind === 'indent') {
    const spaces = ' '.repeat(fix.spaces);
    return fix.lines.map((line) => ({
      range: { start: { line, character: 0 }, end: { line, character: 0 } },
      newText: spaces,
    }));
  }
  if (fix.kind === 'replace') return [{ range: diagnostic.range, newText: fix.value }];
  const { start, end } = diagnostic.range;
  const lineText = document.getText({ start: { line: start.line, character: 0 }, end: start });
  const colon = lineText.lastIndexOf(':');
  if (colon < 0) return undefined;
  const keyColumn = /^ *(?:- +)?/.exec(lineText)![0].length;
  const value = document.getText(diagnostic.range);
  return [
    {
      range: { start: { line: start.line, character: colon + 1 }, end },
      newText: `${lineEndingOf(document, start.line)}${' '.repeat(keyColumn + 2)}- ${value}`,
    },
  ];
}

/** The line break the file already uses (its own line's, else its first), so a CRLF file stays CRLF. */
function lineEndingOf(document: TextDocument, line: number): string {
  const text = document.getText();
  const lineEnd = document.offsetAt({ line: line + 1, character: 0 });
  if (text[lineEnd - 1] === '\n') return text[lineEnd - 2] === '\r' ? '\r\n' : '\n';
  return text.includes('\r\n') ? '\r\n' : '\n';
}
