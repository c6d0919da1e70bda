import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { RULE_DIAGNOSTIC_SOURCE } from './ruleCheckTable';
import type { RuleDiagnosticData } from './ruleDiagnostics';
import type { RuleFix } from './ruleFindings';

/**
 * Quick fixes for the rule-file mistakes that have one mechanical repair: a scalar where a list
 * belongs becomes a one-item block list, and a key indented at the level of the list item above
 * it moves under that item. The fix travels in the diagnostic's `data`, so nothing is re-parsed.
 */
export function ruleQuickFixes(document: TextDocument, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    const fix = (diagnostic.data as Partial<RuleDiagnosticData> | undefined)?.ruleFix;
    if (!fix || !isRuleSource(diagnostic)) continue;
    const edit = editFor(document, diagnostic, fix);
    if (!edit) continue;
    actions.push({
      title: fix.kind === 'toList' ? `Make '${fix.field}' a list` : `Indent by ${fix.spaces} spaces under the list item above`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred: true,
      edit: { changes: { [document.uri]: edit } },
    });
  }
  return actions;
}

function isRuleSource(diagnostic: Diagnostic): boolean {
  return diagnostic.source === RULE_DIAGNOSTIC_SOURCE;
}

function editFor(document: TextDocument, diagnostic: Diagnostic, fix: RuleFix): TextEdit[] | undefined {
  if (fix.kind === 'indent') {
    const spaces = ' '.repeat(fix.spaces);
    return fix.lines.map((line) => ({ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: spaces }));
  }
  const { start, end } = diagnostic.range;
  const lineText = document.getText({ start: { line: start.line, character: 0 }, end: start });
  const colon = lineText.lastIndexOf(':');
  if (colon < 0) return undefined;
  const keyColumn = /^ *(?:- +)?/.exec(lineText)![0].length;
  const value = document.getText(diagnostic.range);
  return [{
    range: { start: { line: start.line, character: colon + 1 }, end },
    newText: `\n${' '.repeat(keyColumn + 2)}- ${value}`,
  }];
}
